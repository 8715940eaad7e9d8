/** The weekly referral counts' rules: what a region may record, and how the counts add up. */
import { describe, expect, it } from 'vitest';
import { buildQuarterlyStatus } from '../../functions/domain/quarterly.ts';
import {
  quarterOfWeek,
  type ReferralWeek,
  referralFigures,
  tallyBy,
  weekOpenForCounts,
} from '../../functions/domain/referrals.ts';
import { referralWeekSchema } from '../../functions/domain/schemas/referrals.ts';
import { pathErrors } from '../../functions/domain/schemas/weekly.ts';
import { quarterlyStatusCsv } from '../../functions/web/quarterly-csv.ts';

const line = (cancerType: string, destination: string, offered: unknown, accepted: unknown) => ({
  cancerType,
  destination,
  offered,
  accepted,
});

function errorsOf(input: unknown): Record<string, string> {
  const parsed = referralWeekSchema.safeParse(input);
  return parsed.success ? {} : pathErrors(parsed.error);
}

describe('a region’s week of referral counts', () => {
  const week = { region: 'sjaelland', week: '2026-W47' };

  it('takes whole, non-negative counts per cancer type and destination', () => {
    const parsed = referralWeekSchema.parse({
      ...week,
      counts: [line('brystkraeft', 'udland', 3, 2), line('brystkraeft', 'privat', 0, 0)],
    });
    expect(parsed.counts).toHaveLength(2);
  });

  it('refuses negative, fractional, text and too large counts, each with a Danish message', () => {
    expect(errorsOf({ ...week, counts: [line('brystkraeft', 'udland', -1, 0)] })).toEqual({
      'counts.0.offered': 'Antal patienter kan ikke være negativt.',
    });
    expect(errorsOf({ ...week, counts: [line('brystkraeft', 'udland', 2.5, 0)] })['counts.0.offered']).toBe(
      'Angiv antal patienter som et helt tal.',
    );
    expect(errorsOf({ ...week, counts: [line('brystkraeft', 'udland', '3', 0)] })['counts.0.offered']).toBe(
      'Angiv antal patienter som et tal.',
    );
    expect(
      errorsOf({ ...week, counts: [line('brystkraeft', 'udland', 10_001, 0)] })['counts.0.offered'],
    ).toMatch(/højst 10\.000/);
  });

  it('refuses more accepting than were offered', () => {
    expect(errorsOf({ ...week, counts: [line('brystkraeft', 'anden-region', 2, 3)] })).toEqual({
      'counts.0.accepted': 'Der kan ikke være flere, der har takket ja, end der har fået tilbuddet.',
    });
  });

  it('takes counts only: a comment, a patient field or any other extra field is refused', () => {
    expect(
      Object.keys(
        errorsOf({ ...week, counts: [{ ...line('brystkraeft', 'udland', 1, 1), note: 'Fru Hansen' }] }),
      ),
    ).toEqual(['counts.0']);
    expect(
      errorsOf({ ...week, counts: [{ ...line('brystkraeft', 'udland', 1, 1), note: 'x' }] })['counts.0'],
    ).toBe('Kun antal kan indberettes: ukendte felter afvises.');
    expect(Object.keys(errorsOf({ ...week, counts: [], comment: 'tekst' }))).toEqual(['_form']);
  });

  it('refuses an unknown cancer type, destination, region or week, and a line given twice', () => {
    const errors = errorsOf({
      region: 'skaane',
      week: '2026-47',
      counts: [line('hjertekraeft', 'maanen', 1, 0)],
    });
    expect(Object.keys(errors).sort()).toEqual([
      'counts.0.cancerType',
      'counts.0.destination',
      'region',
      'week',
    ]);
    expect(
      errorsOf({
        ...week,
        counts: [line('brystkraeft', 'udland', 1, 0), line('brystkraeft', 'udland', 2, 1)],
      }),
    ).toEqual({ 'counts.1': 'Samme kræftform og henvisningssted optræder flere gange.' });
  });

  it('is open from 52 weeks back up to the current week, never ahead', () => {
    expect(weekOpenForCounts('2026-W49', '2026-W49')).toBe(true);
    expect(weekOpenForCounts('2026-W50', '2026-W49')).toBe(false);
    expect(weekOpenForCounts('2025-W49', '2026-W49')).toBe(true);
    expect(weekOpenForCounts('2025-W48', '2026-W49')).toBe(false);
  });
});

describe('adding the counts up', () => {
  const recorded = (region: ReferralWeek['region'], week: string, counts: ReferralWeek['counts']) =>
    ({ region, week, counts, submittedAt: '', submittedBy: '' }) as ReferralWeek;
  const weeks = [
    recorded('sjaelland', '2026-W27', [
      { cancerType: 'brystkraeft', destination: 'udland', offered: 3, accepted: 1 },
      { cancerType: 'brystkraeft', destination: 'anden-region', offered: 4, accepted: 4 },
    ]),
    recorded('sjaelland', '2026-W28', [
      { cancerType: 'brystkraeft', destination: 'udland', offered: 2, accepted: 2 },
    ]),
    recorded('hovedstaden', '2026-W28', [
      { cancerType: 'lungekraeft', destination: 'privat', offered: 1, accepted: 0 },
    ]),
    // A week of nothing recorded (the region reported, but nobody was offered referral).
    recorded('nordjylland', '2026-W28', []),
  ];

  it('sums by week and destination for one cancer type, leaving out weeks with nothing', () => {
    const byWeek = tallyBy(weeks, (w) => w.week, 'brystkraeft');
    expect(byWeek.get('2026-W27')?.udland).toEqual({ offered: 3, accepted: 1 });
    expect(byWeek.get('2026-W28')?.udland).toEqual({ offered: 2, accepted: 2 });
    expect(byWeek.get('2026-W28')?.privat).toEqual({ offered: 0, accepted: 0 });
    expect(tallyBy(weeks, (w) => w.week, 'sarkomer').size).toBe(0);
  });

  it('gives the quarter’s totals per region and destination, every region listed', () => {
    const figures = referralFigures(weeks);
    const sjaelland = figures?.regions.find((r) => r.region === 'sjaelland');
    expect(sjaelland?.byDestination.udland).toEqual({ offered: 5, accepted: 3 });
    expect(sjaelland?.weeksReported).toBe(2);
    expect(figures?.regions.find((r) => r.region === 'nordjylland')?.weeksReported).toBe(1);
    expect(figures?.regions.find((r) => r.region === 'midtjylland')?.weeksReported).toBe(0);
    expect(figures?.national).toEqual({
      'egen-region': { offered: 0, accepted: 0 },
      'anden-region': { offered: 4, accepted: 4 },
      privat: { offered: 1, accepted: 0 },
      udland: { offered: 5, accepted: 3 },
    });
    expect(referralFigures([])).toBeUndefined();
  });

  it('puts a week in the quarter of its Monday', () => {
    expect(quarterOfWeek('2026-W27')).toBe('2026-Q2'); // Monday 29 June
    expect(quarterOfWeek('2026-W28')).toBe('2026-Q3'); // Monday 6 July
    expect(quarterOfWeek('2026-W01')).toBe('2025-Q4'); // Monday 29 December 2025
    expect(quarterOfWeek('2026-W40')).toBe('2026-Q3'); // Monday 28 September
  });

  it('appear in the quarterly status and its CSV', () => {
    const status = buildQuarterlyStatus({
      quarter: '2026-Q3',
      problems: [],
      contacts: [],
      preparedAt: new Date('2026-10-10T06:00:00Z'),
      verifyMonths: 6,
      referrals: referralFigures(weeks),
    });
    expect(status.referrals?.national.udland).toEqual({ offered: 5, accepted: 3 });
    const csv = quarterlyStatusCsv(status);
    expect(csv).toContain('Henvisning andetsteds (tilbudt / takket ja)');
    expect(csv).toContain('Region Sjælland;0;0;4;4;0;0;5;3');
  });
});
