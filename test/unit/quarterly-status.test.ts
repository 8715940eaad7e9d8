/** The quarterly status's figures on a small seeded quarter, computed by hand below. */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../functions/domain/problem.ts';
import {
  buildQuarterlyStatus,
  previousQuarter,
  quarterOf,
  quarterRange,
} from '../../functions/domain/quarterly.ts';
import type { Contact } from '../../functions/domain/reference.ts';
import { quarterlyStatusCsv } from '../../functions/web/quarterly-csv.ts';
import { BREAST_SURGERY_REPORT } from '../fixtures.ts';

function problem(
  p: Partial<Problem> & Pick<Problem, 'id' | 'cancerType' | 'region' | 'createdAt' | 'level'>,
): Problem {
  return {
    ...BREAST_SURGERY_REPORT,
    ref: `KK-${p.id}`,
    status: p.resolvedAt ? 'resolved' : 'open',
    hospital: 'h',
    entryLevel: 1,
    round: 0,
    reportedBy: { email: 'r@example.dk', name: 'R', role: 'department' },
    updatedAt: p.createdAt,
    offeredPatients: 0,
    workflow: { state: 'started', attempts: 1, generation: 0 },
    version: 1,
    ...p,
  } as Problem;
}

const contact = (id: string, verifiedAt: string): Contact => ({
  id,
  role: 'department',
  name: id,
  title: 'T',
  email: `${id}@example.dk`,
  phone: '+45 12 34 56 78',
  cancerTypes: [],
  modalities: [],
  maintainer: 'm@example.dk',
  verifiedAt,
});

// 2026-Q3 in Copenhagen (CEST, UTC+2) is [2026-06-30T22:00Z, 2026-09-30T22:00Z).
const PROBLEMS = [
  // Opened and resolved in the quarter after 4 days; climbed to level 2.
  problem({
    id: 'P1',
    cancerType: 'brystkraeft',
    region: 'sjaelland',
    createdAt: '2026-07-10T08:00:00.000Z',
    resolvedAt: '2026-07-14T08:00:00.000Z',
    level: 2,
  }),
  // Opened, still open at level 3.
  problem({
    id: 'P2',
    cancerType: 'brystkraeft',
    region: 'sjaelland',
    createdAt: '2026-08-01T08:00:00.000Z',
    level: 3,
  }),
  // Opened in Q2, resolved in Q3 after 12 days at level 4: resolved only.
  problem({
    id: 'P3',
    cancerType: 'lungekraeft',
    region: 'hovedstaden',
    createdAt: '2026-06-20T08:00:00.000Z',
    resolvedAt: '2026-07-02T08:00:00.000Z',
    level: 4,
  }),
  // 23:30 on 30 June in Copenhagen: Q2, not counted.
  problem({
    id: 'P4',
    cancerType: 'lungekraeft',
    region: 'hovedstaden',
    createdAt: '2026-06-30T21:30:00.000Z',
    level: 1,
  }),
  // Opened and resolved after 2 days at level 1.
  problem({
    id: 'P6',
    cancerType: 'prostatakraeft',
    region: 'midtjylland',
    createdAt: '2026-09-01T10:00:00.000Z',
    resolvedAt: '2026-09-03T10:00:00.000Z',
    level: 1,
  }),
  // 23:30 on 30 September in Copenhagen: still Q3.
  problem({
    id: 'P7',
    cancerType: 'prostatakraeft',
    region: 'midtjylland',
    createdAt: '2026-09-30T21:30:00.000Z',
    level: 1,
  }),
  // 00:30 on 1 October in Copenhagen: Q4, not counted.
  problem({
    id: 'P5',
    cancerType: 'prostatakraeft',
    region: 'midtjylland',
    createdAt: '2026-09-30T22:30:00.000Z',
    level: 4,
  }),
];

describe('quarters in Europe/Copenhagen', () => {
  it('names and bounds quarters by the local calendar', () => {
    expect(quarterOf(new Date('2026-09-30T21:59:59Z'))).toBe('2026-Q3');
    expect(quarterOf(new Date('2026-09-30T22:00:00Z'))).toBe('2026-Q4');
    expect(quarterOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-Q1');
    expect(previousQuarter('2027-Q1')).toBe('2026-Q4');
    const q4 = quarterRange('2026-Q4');
    expect(q4.from.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(q4.to.toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });
});

describe('the quarterly status of 2026-Q3', () => {
  const status = buildQuarterlyStatus({
    quarter: '2026-Q3',
    problems: PROBLEMS,
    contacts: [
      contact('late', '2026-03-29'),
      contact('just-in-time', '2026-03-30'),
      contact('fresh', '2026-09-01'),
    ],
    preparedAt: new Date('2026-10-10T05:00:00Z'),
    verifyMonths: 6,
  });

  it('counts problems opened (P1, P2, P6, P7) and resolved (P1, P3, P6)', () => {
    expect(status.opened).toBe(4);
    expect(status.resolved).toBe(3);
    expect(status.openedByLevel).toEqual({ '1': 2, '2': 1, '3': 1, '4': 0 });
  });

  it('takes the median of 4, 12 and 2 days to resolution', () => {
    expect(status.medianResolutionDays).toBe(4);
  });

  it('breaks the figures down by cancer type and region with the highest level reached', () => {
    expect(status.rows).toEqual([
      { cancerType: 'brystkraeft', region: 'sjaelland', opened: 2, resolved: 1, highestLevel: 3 },
      { cancerType: 'lungekraeft', region: 'hovedstaden', opened: 0, resolved: 1, highestLevel: 4 },
      { cancerType: 'prostatakraeft', region: 'midtjylland', opened: 2, resolved: 1, highestLevel: 1 },
    ]);
    expect(status.problems.map((p) => p.id)).toEqual(['P3', 'P1', 'P2', 'P6', 'P7']);
  });

  it('lists contacts overdue at the quarter end (six months after 29 March is before 30 September)', () => {
    expect(status.overdueContacts.map((c) => c.id)).toEqual(['late']);
  });

  it('says "ingen data" for networks and weekly figures nobody supplied', () => {
    expect(status.networks).toBeNull();
    expect(status.weekly).toBeNull();
    const csv = quarterlyStatusCsv(status);
    expect(csv).toContain('Netværk aktive;ingen data');
    expect(csv).toContain('Kræftformer under vedvarende pres;ingen data');
    expect(csv).toContain('Sager oprettet;4');
  });

  it('includes weekly figures and networks when supplied', () => {
    const withWeekly = buildQuarterlyStatus({
      quarter: '2026-Q3',
      problems: [],
      contacts: [],
      preparedAt: new Date('2026-10-10T05:00:00Z'),
      verifyMonths: 6,
      networks: { active: ['brystkraeft'], standby: [] },
      weekly: {
        sustainedPressure: [{ cancerType: 'brystkraeft', weeks: 5 }],
        compliance: [{ region: 'sjaelland', received: 12, expected: 13 }],
      },
    });
    expect(withWeekly.medianResolutionDays).toBeNull();
    const csv = quarterlyStatusCsv(withWeekly);
    expect(csv).toContain('Brystkræft;5 uger');
    expect(csv).toContain('Region Sjælland;12 af 13');
  });

  it('is in English for an English reader, names and labels alike', () => {
    const withWeekly = buildQuarterlyStatus({
      quarter: '2026-Q3',
      problems: [],
      contacts: [],
      preparedAt: new Date('2026-10-10T05:00:00Z'),
      verifyMonths: 6,
      networks: { active: ['brystkraeft'], standby: [] },
      weekly: {
        sustainedPressure: [{ cancerType: 'brystkraeft', weeks: 5 }],
        compliance: [{ region: 'sjaelland', received: 12, expected: 13 }],
      },
    });
    const csv = quarterlyStatusCsv(withWeekly, 'en');
    expect(csv).toContain('Quarterly status;Q3 2026');
    expect(csv).toContain('Problems opened;0');
    expect(csv).toContain('Median time to resolution (days);no data');
    expect(csv).toContain('Networks active;Breast cancer');
    expect(csv).toContain('Breast cancer;5 weeks');
    expect(csv).toContain('Region Zealand;12 of 13');
    expect(csv).not.toMatch(/Sager|Kræft|uger|ingen| af /);
  });

  it('neutralises formula-like text in the CSV (a contact named "=cmd")', () => {
    const withEvil = buildQuarterlyStatus({
      quarter: '2026-Q3',
      problems: [],
      contacts: [{ ...contact('evil', '2026-01-01'), name: '=cmd|/c calc', maintainer: '@evil.example' }],
      preparedAt: new Date('2026-10-10T05:00:00Z'),
      verifyMonths: 6,
    });
    const csv = quarterlyStatusCsv(withEvil);
    expect(csv).toContain("\r\n'=cmd|/c calc;'@evil.example;2026-01-01\r\n");
    expect(csv).not.toMatch(/(^|[;\n])[=+@-]/);
  });
});
