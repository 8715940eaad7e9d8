/** The weekly exchange's pure rules: schema, ISO weeks in Copenhagen, deadline, pressure, finder, proposal. */
import { describe, expect, it } from 'vitest';
import { type Contact, referenceData } from '../../functions/domain/reference.ts';
import { pathErrors, weeklySubmissionSchema } from '../../functions/domain/schemas/weekly.ts';
import { isoWeekKey } from '../../functions/domain/time.ts';
import {
  addWeeks,
  deadlineOf,
  escalationProposal,
  findCapacity,
  nationalRowFromSummaries,
  parseDeadline,
  pressureOf,
  proposalQuery,
  quarterWeeklyFigures,
  reportStatus,
  type WeeklyReport,
  weekRange,
  weekSummaryOf,
  weeksWithinMaximum,
} from '../../functions/domain/weekly.ts';

function report(
  departmentId: string,
  week: string,
  values: Partial<WeeklyReport> = {},
  cancerType = 'brystkraeft',
): WeeklyReport {
  return {
    departmentId,
    cancerType,
    week,
    region: 'hovedstaden',
    udredningDays: undefined,
    treatmentDays: { kirurgi: 7 },
    diagnosticDays: {},
    spareCapacity: 3,
    comment: '',
    submittedAt: '2026-11-16T09:00:00.000Z',
    submittedBy: 'test@example.dk',
    ...values,
  };
}

describe('weekly submission schema', () => {
  it('accepts a department report with the fields its pathways need', () => {
    const parsed = weeklySubmissionSchema.safeParse({
      departmentId: 'suh-brystkirurgi',
      entries: [
        {
          cancerType: 'brystkraeft',
          udredningDays: '9',
          treatmentDays: { kirurgi: '12' },
          spareCapacity: '2',
        },
      ],
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.entries[0]?.udredningDays).toBe(9);
  });

  it('asks in Danish for missing days, refuses modalities the department does not offer and CPR-like comments', () => {
    const parsed = weeklySubmissionSchema.safeParse({
      departmentId: 'suh-brystkirurgi',
      entries: [
        {
          cancerType: 'brystkraeft',
          udredningDays: '',
          treatmentDays: { kirurgi: '12', straalebehandling: '4' },
          spareCapacity: '-1',
          comment: 'Patient 010203-1234 venter',
        },
      ],
    });
    expect(parsed.success).toBe(false);
    const errors = pathErrors(parsed.error as never);
    expect(errors['entries.0.udredningDays']).toBe('Angiv forventet antal dage til start af udredning.');
    expect(errors['entries.0.treatmentDays.straalebehandling']).toMatch(/tilbyder ikke/);
    expect(errors['entries.0.spareCapacity']).toBe('Ledig kapacitet kan ikke være negativ.');
    expect(errors['entries.0.comment']).toMatch(/CPR/);
  });

  it('requires every cancer type the department treats, and only those', () => {
    const onkologi = referenceData().departments.find((d) => d.id === 'rh-onkologi');
    expect(onkologi?.cancerTypes.length).toBeGreaterThan(1);
    const parsed = weeklySubmissionSchema.safeParse({
      departmentId: 'rh-onkologi',
      entries: [
        {
          cancerType: 'brystkraeft',
          treatmentDays: { medicinsk: 3, straalebehandling: 4 },
          spareCapacity: 1,
        },
        { cancerType: 'blaerekraeft', treatmentDays: { medicinsk: 3 }, spareCapacity: 1 },
      ],
    });
    const errors = pathErrors(parsed.error as never);
    expect(errors.entries).toMatch(/mangler/);
    expect(errors['entries.1.cancerType']).toBe('Afdelingen behandler ikke denne kræftform.');
  });
});

describe('ISO weeks in Europe/Copenhagen', () => {
  it('changes week at local midnight Sunday→Monday, also on the daylight-saving days', () => {
    // Summer time starts Sunday 29 March 2026 (UTC+1 → UTC+2).
    expect(isoWeekKey(new Date('2026-03-29T21:59:00Z'))).toBe('2026-W13'); // Sun 23:59 CEST
    expect(isoWeekKey(new Date('2026-03-29T22:00:00Z'))).toBe('2026-W14'); // Mon 00:00 CEST
    // Winter time starts Sunday 25 October 2026 (UTC+2 → UTC+1).
    expect(isoWeekKey(new Date('2026-10-25T22:59:00Z'))).toBe('2026-W43'); // Sun 23:59 CET
    expect(isoWeekKey(new Date('2026-10-25T23:00:00Z'))).toBe('2026-W44'); // Mon 00:00 CET
  });

  it('knows week 53 and steps across year ends', () => {
    expect(isoWeekKey(new Date('2026-12-31T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekKey(new Date('2027-01-03T22:59:00Z'))).toBe('2026-W53'); // Sun 23:59 local
    expect(isoWeekKey(new Date('2027-01-03T23:00:00Z'))).toBe('2027-W01'); // Mon 00:00 local
    expect(addWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2026-W01', -1)).toBe('2025-W52'); // 2025 has 52 weeks
    expect(weekRange('2027-W02', 4)).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(addWeeks('2026-W14', -1)).toBe('2026-W13');
    expect(addWeeks('2026-W43', 1)).toBe('2026-W44');
  });
});

describe('deadline and overdue status', () => {
  it('puts the deadline at Tuesday 12:00 Copenhagen, winter and summer', () => {
    expect(deadlineOf('2026-W13').toISOString()).toBe('2026-03-24T11:00:00.000Z'); // CET
    expect(deadlineOf('2026-W14').toISOString()).toBe('2026-03-31T10:00:00.000Z'); // CEST
    expect(deadlineOf('2026-W53').toISOString()).toBe('2026-12-29T11:00:00.000Z');
    expect(deadlineOf('2026-W47', parseDeadline('1,9:30')).toISOString()).toBe('2026-11-16T08:30:00.000Z');
    expect(() => parseDeadline('tirsdag')).toThrow(/WEEKLY_DEADLINE/);
  });

  it('is pending before the deadline, overdue from it, reported whenever a report exists', () => {
    const before = new Date('2026-11-17T10:59:59Z'); // Tue 11:59:59 CET
    const at = new Date('2026-11-17T11:00:00Z'); // Tue 12:00 CET
    expect(reportStatus(false, before)).toBe('pending');
    expect(reportStatus(false, at)).toBe('overdue');
    expect(reportStatus(true, at)).toBe('reported');
    // Monday 00:30 of the next week: a new week, nothing is due yet.
    expect(reportStatus(false, new Date('2026-11-22T23:30:00Z'))).toBe('pending');
  });
});

describe('pressure', () => {
  it('grades the worst wait against its maximum', () => {
    expect(pressureOf(undefined)).toBe('missing');
    expect(pressureOf({ udredningDays: 10, treatmentDays: { kirurgi: 5 } })).toBe('ok');
    expect(pressureOf({ udredningDays: 11, treatmentDays: {} })).toBe('tight');
    expect(pressureOf({ udredningDays: 14, treatmentDays: {} })).toBe('tight');
    expect(pressureOf({ udredningDays: 3, treatmentDays: { kirurgi: 15 } })).toBe('over');
    expect(pressureOf({ udredningDays: 3, treatmentDays: { kirurgi: 22 } })).toBe('severe');
  });
});

describe('capacity finder', () => {
  const contacts = referenceData().contacts as Contact[];
  const now = new Date('2026-11-18T12:00:00Z'); // Wednesday of 2026-W47
  const query = { cancerType: 'brystkraeft', pathway: 'kirurgi' as const, homeRegion: 'sjaelland' as const };

  it('ranks by expected wait, then spare capacity, then the home region on a tie', () => {
    const hits = findCapacity({
      query,
      now,
      contacts,
      reports: [
        report('rh-brystkirurgi', '2026-W47', { treatmentDays: { kirurgi: 9 }, spareCapacity: 2 }),
        report('suh-brystkirurgi', '2026-W47', { treatmentDays: { kirurgi: 9 }, spareCapacity: 2 }),
        report('ouh-brystkirurgi', '2026-W47', { treatmentDays: { kirurgi: 9 }, spareCapacity: 5 }),
        report('auh-brystkirurgi', '2026-W47', { treatmentDays: { kirurgi: 4 }, spareCapacity: 1 }),
        report('rhn-brystkirurgi', '2026-W47', { treatmentDays: { kirurgi: 15 }, spareCapacity: 9 }), // over max
        report('shl-brystkirurgi', '2026-W47', { treatmentDays: { kirurgi: 2 }, spareCapacity: 0 }), // no room
      ],
    });
    expect(hits.map((h) => h.departmentId)).toEqual([
      'auh-brystkirurgi',
      'ouh-brystkirurgi',
      'suh-brystkirurgi', // own region (Sjælland) before Hovedstaden on the tie
      'rh-brystkirurgi',
    ]);
    expect(hits[2]?.contact?.role).toBe('primary');
    expect(hits[2]?.contact?.email).toBe('primaer.bryst.kirurgi@regionsjaelland.example');
  });

  it('uses last week when this week is missing (marked), and ignores older reports and other pathways', () => {
    const hits = findCapacity({
      query,
      now,
      contacts,
      reports: [
        report('rh-brystkirurgi', '2026-W46', { treatmentDays: { kirurgi: 3 } }),
        report('suh-brystkirurgi', '2026-W45', { treatmentDays: { kirurgi: 3 } }),
        report('rh-onkologi', '2026-W47', { treatmentDays: { medicinsk: 1 } }),
      ],
    });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      departmentId: 'rh-brystkirurgi',
      stale: true,
      status: 'overdue',
      week: '2026-W46',
    });
  });
});

describe('escalation proposal', () => {
  const over = { udredningDays: 20, treatmentDays: { kirurgi: 16 } };
  it('proposes a problem when the wait is above the maximum for the configured consecutive weeks', () => {
    const history = [
      report('suh-brystkirurgi', '2026-W46', over),
      report('suh-brystkirurgi', '2026-W47', over),
    ];
    const proposal = escalationProposal(history, 'suh-brystkirurgi', 'brystkraeft', '2026-W47');
    expect(proposal).toMatchObject({ pathways: ['udredning', 'kirurgi'], weeks: ['2026-W46', '2026-W47'] });
    const q = new URLSearchParams(proposalQuery(proposal as never));
    expect(q.get('departmentId')).toBe('suh-brystkirurgi');
    expect(q.getAll('pathwayTypes')).toEqual(['udredning', 'behandling']);
    expect(q.getAll('modalities')).toEqual(['kirurgi']);
    expect(q.get('description')).toMatch(/uge 46 2026, uge 47 2026/);
  });

  it('does not propose after one week, across a missing week, or when another pathway was over', () => {
    const one = [report('suh-brystkirurgi', '2026-W47', over)];
    expect(escalationProposal(one, 'suh-brystkirurgi', 'brystkraeft', '2026-W47')).toBeUndefined();
    const gap = [report('suh-brystkirurgi', '2026-W45', over), report('suh-brystkirurgi', '2026-W47', over)];
    expect(escalationProposal(gap, 'suh-brystkirurgi', 'brystkraeft', '2026-W47')).toBeUndefined();
    const mixed = [
      report('suh-brystkirurgi', '2026-W46', { udredningDays: 20, treatmentDays: { kirurgi: 5 } }),
      report('suh-brystkirurgi', '2026-W47', { udredningDays: 5, treatmentDays: { kirurgi: 20 } }),
    ];
    expect(escalationProposal(mixed, 'suh-brystkirurgi', 'brystkraeft', '2026-W47')).toBeUndefined();
  });

  it('takes the number of weeks from the settings, across the year end', () => {
    const history = ['2026-W52', '2026-W53', '2027-W01'].map((w) => report('suh-brystkirurgi', w, over));
    expect(
      escalationProposal(history, 'suh-brystkirurgi', 'brystkraeft', '2027-W01', { weeks: 3, auto: false })
        ?.weeks,
    ).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    expect(
      escalationProposal(history.slice(1), 'suh-brystkirurgi', 'brystkraeft', '2027-W01', {
        weeks: 3,
        auto: false,
      }),
    ).toBeUndefined();
  });
});

describe('weekly figures for the quarterly status and the standby proposal', () => {
  const report = (week: string, department: string, udredningDays: number): WeeklyReport =>
    ({
      week,
      departmentId: department,
      region: 'sjaelland',
      udredningDays,
      treatmentDays: {},
    }) as unknown as WeeklyReport;

  it('counts a cancer type as under sustained pressure after three weeks in a row over the maximum', () => {
    const weeks = ['2026-W40', '2026-W41', '2026-W42', '2026-W43'];
    const figures = quarterWeeklyFigures({
      weeks,
      reportsByCancerType: new Map([
        [
          'brystkraeft',
          [report('2026-W40', 'a', 20), report('2026-W41', 'a', 15), report('2026-W42', 'b', 30)],
        ],
        [
          'lungekraeft',
          [report('2026-W40', 'a', 20), report('2026-W41', 'a', 10), report('2026-W42', 'a', 20)],
        ],
      ]),
      reportedByWeek: new Map([
        ['2026-W40', new Set(['a', 'b'])],
        ['2026-W41', new Set(['a'])],
      ]),
      departments: [
        { id: 'a', region: 'sjaelland' },
        { id: 'b', region: 'hovedstaden' },
      ],
    });
    expect(figures.sustainedPressure).toEqual([{ cancerType: 'brystkraeft', weeks: 3 }]);
    expect(figures.compliance).toEqual([
      { region: 'hovedstaden', received: 1, expected: 4 },
      { region: 'sjaelland', received: 2, expected: 4 },
    ]);
  });

  it('counts the calm weeks back from last week, stopping at a week over the maximum or without reports', () => {
    const reports = [
      report('2026-W44', 'a', 20),
      report('2026-W45', 'a', 10),
      report('2026-W46', 'a', 12),
      report('2026-W47', 'a', 9),
    ];
    expect(weeksWithinMaximum(reports, '2026-W47', 10)).toBe(3);
    expect(weeksWithinMaximum(reports, '2026-W48', 10)).toBe(0);
  });
});

describe('national overview from week summaries', () => {
  const weeks = ['2026-W45', '2026-W46', '2026-W47'];
  const departments = [
    { id: 'a', region: 'hovedstaden' as const, cancerTypes: ['brystkraeft'] },
    { id: 'b', region: 'hovedstaden' as const, cancerTypes: ['brystkraeft'] },
    { id: 'c', region: 'sjaelland' as const, cancerTypes: ['brystkraeft'] },
    { id: 'd', region: 'sjaelland' as const, cancerTypes: ['lungekraeft'] },
  ];
  const summaries = new Map([
    [
      '2026-W45',
      new Map([
        ['a', weekSummaryOf(report('a', '2026-W45', { treatmentDays: { kirurgi: 30 } }))],
        ['c', weekSummaryOf(report('c', '2026-W45', { treatmentDays: { kirurgi: 5 } }))],
      ]),
    ],
    [
      '2026-W46',
      new Map([['b', weekSummaryOf(report('b', '2026-W46', { treatmentDays: { kirurgi: 12 } }))]]),
    ],
    [
      '2026-W47',
      new Map([
        ['a', weekSummaryOf(report('a', '2026-W47', { treatmentDays: { kirurgi: 9 }, udredningDays: 16 }))],
      ]),
    ],
  ]);
  // Wednesday of the last week: past its Tuesday deadline.
  const now = new Date('2026-11-18T12:00:00Z');
  const row = nationalRowFromSummaries(
    { id: 'brystkraeft', name: 'Brystkræft' },
    departments,
    weeks,
    summaries,
    now,
    parseDeadline('2,12:00'),
  );

  it('takes each region’s worst department, its latest report in the shown weeks, and the weekly worst wait', () => {
    const hovedstaden = row.cells.find((c) => c.region === 'hovedstaden');
    expect(hovedstaden).toMatchObject({ departments: 2, over: 1, overdue: 1, pressure: 'over' });
    expect(hovedstaden?.trend).toEqual([30, 12, 16]);
    const sjaelland = row.cells.find((c) => c.region === 'sjaelland');
    // Department d treats another cancer type; c last reported two weeks ago and is overdue now.
    expect(sjaelland).toMatchObject({ departments: 1, over: 0, overdue: 1, pressure: 'ok' });
    expect(sjaelland?.trend).toEqual([5, undefined, undefined]);
    expect(row.pressure).toBe('over');
  });
});
