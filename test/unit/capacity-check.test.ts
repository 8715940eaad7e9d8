/**
 * The rules of the yearly capacity check: when it opens (configurable month, Copenhagen), who is
 * asked, what an answer must hold, and the summary — demand against capacity per quarter, gaps
 * flagged, the trend against last year.
 */
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import {
  askedPairs,
  type CheckAnswer,
  checkSummary,
  checkSummaryCsv,
  type SpecialisedFunction,
  trendPercent,
} from '../../functions/domain/capacity-check.ts';
import {
  checkAnswerSchema,
  specialisedFunctionSchema,
} from '../../functions/domain/schemas/capacity-check.ts';
import { cronLine, jobRegistry } from '../../functions/jobs/registry.ts';

const fn = (id: string, departments: string[]): SpecialisedFunction => ({
  id,
  name: id,
  nameEn: id,
  departments,
});

const answer = (
  functionId: string,
  departmentId: string,
  region: CheckAnswer['region'],
  d: number[],
  c: number[],
  year = 2027,
): CheckAnswer => ({
  functionId,
  departmentId,
  region,
  year,
  demand: d,
  capacity: c,
  constraints: [],
  notes: '',
  submittedAt: '2026-09-10T08:00:00Z',
  submittedBy: 'x',
});

describe('when the check opens', () => {
  it('is the configured month, default September, on the 1st at 08:00 Copenhagen, in both runtimes', () => {
    const september = jobRegistry({}).find((j) => j.id === 'capacity-check');
    expect(september && cronLine(september.schedule)).toBe('0 8 1 9 *');
    // 1 September 2026 08:00 summer time = 06:00 UTC.
    const run = new Cron('0 8 1 9 *', { timezone: 'Europe/Copenhagen', paused: true });
    expect(run.nextRun(new Date('2026-01-15T00:00:00Z'))?.toISOString()).toBe('2026-09-01T06:00:00.000Z');
    const job = jobRegistry({ CAPACITY_CHECK_MONTH: '11' }).find((j) => j.id === 'capacity-check');
    expect(job && cronLine(job.schedule)).toBe('0 8 1 11 *');
    const next = new Cron(cronLine(job?.schedule ?? { minute: '0' }), {
      timezone: 'Europe/Copenhagen',
      paused: true,
    });
    // 1 November 2026 08:00 winter time = 07:00 UTC.
    expect(next.nextRun(new Date('2026-06-01T00:00:00Z'))?.toISOString()).toBe('2026-11-01T07:00:00.000Z');
    expect(() => jobRegistry({ CAPACITY_CHECK_MONTH: 'maj' })).toThrow('CAPACITY_CHECK_MONTH');
    expect(() => jobRegistry({ CAPACITY_CHECK_MONTH: '13' })).toThrow('CAPACITY_CHECK_MONTH');
  });

  it('asks each approved department once per function', () => {
    expect(askedPairs([fn('b', ['d2', 'd1']), fn('a', ['d1'])])).toEqual(['a#d1', 'b#d1', 'b#d2']);
  });
});

describe('the register and an answer', () => {
  it('knows the departments and cancer types, and refuses CPR numbers', () => {
    const ok = specialisedFunctionSchema.safeParse({
      id: 'hipec',
      name: 'HIPEC',
      cancerType: 'tyk-endetarmskraeft',
      departments: ['auh-mave-tarmkirurgi', 'auh-mave-tarmkirurgi'],
    });
    expect(ok.data).toMatchObject({ nameEn: 'HIPEC', departments: ['auh-mave-tarmkirurgi'] });
    const bad = specialisedFunctionSchema.safeParse({
      id: 'x y',
      name: 'Ring 010190-1234',
      departments: ['nope'],
    });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        'Id må kun indeholde små bogstaver, tal og bindestreger.',
        expect.stringContaining('CPR-nummer'),
        'Ukendt afdeling "nope".',
      ]),
    );
  });

  it('needs four quarters of whole, non-negative patient counts', () => {
    const base = { functionId: 'f', departmentId: 'd', demand: [1, 2, 3, 4], capacity: [1, 2, 3, 4] };
    expect(checkAnswerSchema.safeParse(base).success).toBe(true);
    const messages = (input: object) =>
      checkAnswerSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => i.message);
    expect(messages({ demand: [1, 2, 3] })).toEqual(['Angiv tal for alle fire kvartaler.']);
    expect(messages({ capacity: [1, -2, 3, 4] })).toEqual(['Antal patienter kan ikke være negativt.']);
    expect(messages({ capacity: [1, 2.5, 3, 4] })).toEqual(['Angiv et helt antal patienter.']);
    expect(messages({ constraints: ['penge'] })).toEqual(['Ukendt begrænsning.']);
  });
});

describe('the summary', () => {
  const functions = [fn('robot', ['rh-thoraxkirurgi', 'ouh-thoraxkirurgi', 'auh-thoraxkirurgi'])];
  const check = { asked: askedPairs(functions) };

  it('adds demand and capacity per quarter and region and flags the quarters with a gap', () => {
    const rows = checkSummary({
      functions,
      check,
      answers: [
        answer('robot', 'rh-thoraxkirurgi', 'hovedstaden', [30, 30, 25, 30], [30, 28, 30, 30]),
        answer('robot', 'ouh-thoraxkirurgi', 'syddanmark', [10, 10, 10, 10], [12, 12, 12, 12]),
      ],
    });
    expect(rows.map((r) => [r.region, r.answered, r.asked, r.gapQuarters])).toEqual([
      ['hovedstaden', 1, 1, [2]],
      ['syddanmark', 1, 1, []],
      ['midtjylland', 0, 1, []],
    ]);
    expect(rows[0]).toMatchObject({ demand: [30, 30, 25, 30], capacity: [30, 28, 30, 30] });
  });

  it('compares with last year’s answers, the trend in whole per cent', () => {
    const [row] = checkSummary({
      functions,
      check,
      answers: [answer('robot', 'rh-thoraxkirurgi', 'hovedstaden', [30, 30, 30, 30], [25, 25, 25, 25])],
      lastYear: [
        answer('robot', 'rh-thoraxkirurgi', 'hovedstaden', [25, 25, 25, 25], [25, 25, 25, 25], 2026),
      ],
    });
    expect(row?.lastYear).toEqual({ demand: 100, capacity: 100 });
    expect(trendPercent(120, 100)).toBe(20);
    expect(trendPercent(95, 100)).toBe(-5);
    expect(trendPercent(5, 0)).toBeUndefined();
    expect(trendPercent(5, undefined)).toBeUndefined();
  });

  it('is a CSV for Danish Excel, gaps by quarter', () => {
    const rows = checkSummary({
      functions,
      check,
      answers: [answer('robot', 'rh-thoraxkirurgi', 'hovedstaden', [30, 30, 25, 30], [30, 28, 30, 30])],
    });
    const csv = checkSummaryCsv(2027, rows, { fn: () => '=Robot', region: (r) => r });
    expect(csv.split('\r\n')[1]).toBe("'=Robot;hovedstaden;1 af 1;30;30;25;30;30;28;30;30;115;118;K2;;;");
  });
});
