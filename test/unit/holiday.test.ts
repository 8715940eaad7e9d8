/**
 * The rules of the holiday-period plans: default periods and deadlines, when reminders and
 * alerts are due, a department's planned week, weeks at risk (share threshold, every department
 * closed), the proposals elsewhere in the finder's order, and the evaluation after the period.
 */
import { describe, expect, it } from 'vitest';
import {
  alertDue,
  defaultHolidayPeriods,
  departmentWeek,
  evaluatePeriod,
  type HolidayPeriod,
  type HolidayPlan,
  holidayProposals,
  type PlanDepartment,
  parseHolidaySettings,
  periodPhase,
  periodWeeks,
  planErrors,
  planGrid,
  planStatus,
  remindersDue,
  weeksAtRisk,
  workingDates,
} from '../../functions/domain/holiday.ts';
import { holidayPeriodSchema, holidayPlanSchema } from '../../functions/domain/schemas/holiday.ts';
import type { WeeklyReport } from '../../functions/domain/weekly.ts';

const at = (iso: string) => new Date(iso);

describe('default holiday periods', () => {
  it('are Easter week, Kristi himmelfart, summer 27–32, autumn 42 and Christmas 52–1, due 8 weeks before', () => {
    const periods = defaultHolidayPeriods(2027);
    expect(periods.map((p) => [p.id, p.firstWeek, p.lastWeek])).toEqual([
      // Easter Sunday 2027 is 28 March (week 12); Kristi himmelfartsdag 6 May (week 18).
      ['2027-paaske', '2027-W12', '2027-W12'],
      ['2027-kristi-himmelfart', '2027-W18', '2027-W18'],
      ['2027-sommer', '2027-W27', '2027-W32'],
      ['2027-efteraar', '2027-W42', '2027-W42'],
      ['2027-jul', '2027-W52', '2028-W01'],
    ]);
    const summer = periods[2] as HolidayPeriod;
    // Week 27 of 2027 begins Monday 5 July; 8 weeks before is Monday 10 May.
    expect(summer.deadline).toBe('2027-05-10');
    expect(periods.every((p) => holidayPeriodSchema.safeParse(p).success)).toBe(true);
  });

  it('take in week 53 over Christmas in a long ISO year', () => {
    const christmas = defaultHolidayPeriods(2026).find((p) => p.id === '2026-jul') as HolidayPeriod;
    expect(periodWeeks(christmas)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
  });

  it('follow the configured deadline', () => {
    const [easter] = defaultHolidayPeriods(2027, 4);
    expect(easter?.deadline).toBe('2027-02-22');
  });

  it('refuse a period that ends before it begins, is too long, or is due after it begins', () => {
    const base = {
      id: '2027-test',
      name: 'Test',
      firstWeek: '2027-W27',
      lastWeek: '2027-W28',
      deadline: '2027-06-01',
    };
    const errors = (p: object) => holidayPeriodSchema.safeParse(p).error?.issues.map((i) => i.message) ?? [];
    expect(errors(base)).toEqual([]);
    expect(errors({ ...base, lastWeek: '2027-W26' })).toEqual(['Sidste uge ligger før første uge.']);
    expect(errors({ ...base, lastWeek: '2027-W40' })).toEqual(['En ferieperiode kan højst vare 10 uger.']);
    expect(errors({ ...base, deadline: '2027-07-05' })).toEqual([
      'Fristen skal ligge før periodens første mandag.',
    ]);
    expect(errors({ ...base, name: 'Ring 010190-1234' })[0]).toContain('CPR-nummer');
  });
});

describe('schedule dates', () => {
  const summer = defaultHolidayPeriods(2027)[2] as HolidayPeriod;

  it('marks a missing plan overdue once the deadline day is over, Copenhagen time', () => {
    expect(planStatus(false, summer, at('2027-05-10T21:59:00Z'))).toBe('pending');
    expect(planStatus(false, summer, at('2027-05-10T22:00:00Z'))).toBe('overdue');
    expect(planStatus(true, summer, at('2027-06-10T12:00:00Z'))).toBe('reported');
  });

  it('reminds from four weeks before the deadline until the period begins', () => {
    expect(remindersDue(summer, at('2027-04-11T12:00:00Z'))).toBe(false);
    expect(remindersDue(summer, at('2027-04-12T08:00:00Z'))).toBe(true);
    expect(remindersDue(summer, at('2027-07-04T12:00:00Z'))).toBe(true);
    expect(remindersDue(summer, at('2027-07-05T08:00:00Z'))).toBe(false);
  });

  it('alerts about a week at risk from the lead time before it until it is over', () => {
    // Week 28 of 2027 begins Monday 12 July 00:00 Copenhagen (22:00 UTC the day before).
    expect(alertDue('2027-W28', at('2027-05-30T21:59:00Z'), 6)).toBe(false);
    expect(alertDue('2027-W28', at('2027-05-30T22:00:00Z'), 6)).toBe(true);
    expect(alertDue('2027-W28', at('2027-07-18T21:00:00Z'), 6)).toBe(true);
    expect(alertDue('2027-W28', at('2027-07-18T22:00:00Z'), 6)).toBe(false);
    expect(alertDue('2027-W28', at('2027-06-21T12:00:00Z'), 2)).toBe(false);
  });

  it('knows the phase of a period', () => {
    expect(periodPhase(summer, at('2027-07-04T12:00:00Z'))).toBe('planning');
    expect(periodPhase(summer, at('2027-07-05T12:00:00Z'))).toBe('running');
    expect(periodPhase(summer, at('2027-08-16T12:00:00Z'))).toBe('ended');
  });

  it('reads the settings from the environment, refusing nonsense', () => {
    expect(parseHolidaySettings({})).toEqual({ riskShare: 70, alertWeeks: 6, deadlineWeeks: 8 });
    expect(parseHolidaySettings({ HOLIDAY_RISK_SHARE: '80', HOLIDAY_ALERT_WEEKS: '4' })).toMatchObject({
      riskShare: 80,
      alertWeeks: 4,
    });
    expect(() => parseHolidaySettings({ HOLIDAY_RISK_SHARE: '0' })).toThrow('HOLIDAY_RISK_SHARE');
    expect(() => parseHolidaySettings({ HOLIDAY_ALERT_WEEKS: 'seks' })).toThrow('HOLIDAY_ALERT_WEEKS');
  });
});

// ---------------------------------------------------------------- plans and risk

const period: HolidayPeriod = {
  id: '2027-test',
  name: 'Test',
  nameEn: 'Test',
  firstWeek: '2027-W28',
  lastWeek: '2027-W29',
  deadline: '2027-05-17',
};

const dept = (
  id: string,
  region: PlanDepartment['region'],
  cancerTypes = ['brystkraeft'],
): PlanDepartment => ({
  id,
  name: id,
  hospitalName: `${id} hospital`,
  region,
  cancerTypes,
});

function plan(
  departmentId: string,
  region: PlanDepartment['region'],
  shares: [number, number],
  closed: [string[], string[]] = [[], []],
): HolidayPlan {
  return {
    periodId: period.id,
    departmentId,
    region,
    weeks: ['2027-W28', '2027-W29'].map((week, i) => ({
      week,
      capacity: { kirurgi: shares[i] as number },
      closedDays: closed[i] as string[],
    })),
    comment: '',
    submittedAt: '2027-05-01T10:00:00.000Z',
    submittedBy: 'test@example',
  };
}

describe('a department’s planned week', () => {
  it('is the mean over its pathways, and closed when every working day is closed or all capacity is 0', () => {
    expect(
      departmentWeek({ week: '2027-W28', capacity: { udredning: 80, kirurgi: 61 }, closedDays: [] }),
    ).toEqual({
      share: 71,
      closed: false,
    });
    const working = workingDates('2027-W28');
    expect(working).toHaveLength(5);
    expect(departmentWeek({ week: '2027-W28', capacity: { kirurgi: 100 }, closedDays: working })).toEqual({
      share: 0,
      closed: true,
    });
    expect(departmentWeek({ week: '2027-W28', capacity: { kirurgi: 0 }, closedDays: [] }).closed).toBe(true);
    // Closed on four of five working days is not closed.
    expect(
      departmentWeek({ week: '2027-W28', capacity: { kirurgi: 40 }, closedDays: working.slice(1) }).closed,
    ).toBe(false);
  });

  it('counts Danish public holidays as days off already (Easter week has three working days)', () => {
    expect(workingDates('2027-W12')).toEqual(['2027-03-22', '2027-03-23', '2027-03-24']);
  });
});

describe('weeks at risk', () => {
  const departments = [dept('a1', 'hovedstaden'), dept('a2', 'hovedstaden'), dept('n1', 'nordjylland')];
  const grid = (plans: HolidayPlan[], riskShare = 70) =>
    planGrid({ weeks: periodWeeks(period), cancerTypes: ['brystkraeft'], departments, plans, riskShare });

  it('puts a week at risk when the region’s mean planned share is below the threshold, not at it', () => {
    const rows = grid([plan('a1', 'hovedstaden', [70, 69]), plan('a2', 'hovedstaden', [70, 69])]);
    const hovedstaden = rows.find((r) => r.region === 'hovedstaden');
    expect(hovedstaden?.cells.map((c) => [c.share, c.risk])).toEqual([
      [70, undefined],
      [69, 'low'],
    ]);
    expect(weeksAtRisk(rows)).toEqual([
      { cancerType: 'brystkraeft', region: 'hovedstaden', week: '2027-W29', share: 69, reason: 'low' },
    ]);
  });

  it('follows a configured threshold', () => {
    const rows = grid([plan('a1', 'hovedstaden', [75, 100]), plan('a2', 'hovedstaden', [75, 100])], 80);
    expect(weeksAtRisk(rows).map((r) => r.week)).toEqual(['2027-W28']);
  });

  it('puts a week at risk when every department of the cancer type in the region is closed, whatever the threshold', () => {
    const closedWeek = workingDates('2027-W29');
    const rows = grid([plan('n1', 'nordjylland', [100, 100], [[], closedWeek])], 1);
    expect(weeksAtRisk(rows)).toEqual([
      { cancerType: 'brystkraeft', region: 'nordjylland', week: '2027-W29', share: 0, reason: 'closed' },
    ]);
  });

  it('leaves a region without any plan unjudged, and averages only the departments that planned', () => {
    const rows = grid([plan('a1', 'hovedstaden', [40, 100])]);
    expect(rows.find((r) => r.region === 'nordjylland')?.cells[0]).toEqual({
      week: '2027-W28',
      departments: 1,
      planned: 0,
      closed: 0,
    });
    expect(rows.find((r) => r.region === 'hovedstaden')?.cells[0]).toMatchObject({
      share: 40,
      planned: 1,
      departments: 2,
      risk: 'low',
    });
  });

  it('has a row only where a region has a department treating the cancer type', () => {
    expect(grid([]).map((r) => r.region)).toEqual(['hovedstaden', 'nordjylland']);
  });
});

describe('proposals for a week at risk', () => {
  const report = (departmentId: string, days: number, spare: number, week = '2027-W20'): WeeklyReport => ({
    departmentId,
    cancerType: 'brystkraeft',
    week,
    region: 'syddanmark',
    treatmentDays: { kirurgi: days },
    diagnosticDays: {},
    spareCapacity: spare,
    comment: '',
    submittedAt: '2027-05-17T08:00:00Z',
    submittedBy: 'x',
  });
  const departments = [
    dept('own', 'hovedstaden'),
    dept('slow', 'syddanmark'),
    dept('fast', 'midtjylland'),
    dept('roomy', 'sjaelland'),
    dept('reduced', 'nordjylland'),
    dept('unreported', 'syddanmark'),
    dept('closed', 'midtjylland'),
  ];
  const plans = [
    plan('own', 'hovedstaden', [40, 100]),
    plan('slow', 'syddanmark', [100, 100]),
    plan('fast', 'midtjylland', [120, 100]),
    plan('roomy', 'sjaelland', [100, 100]),
    plan('reduced', 'nordjylland', [99, 100]),
    plan('unreported', 'syddanmark', [130, 100]),
    plan('closed', 'midtjylland', [100, 100], [workingDates('2027-W28'), []]),
  ];

  it('are departments elsewhere at or above normal that week, in the finder’s order, unreported last', () => {
    const proposals = holidayProposals({
      risk: { cancerType: 'brystkraeft', region: 'hovedstaden', week: '2027-W28' },
      departments,
      plans,
      latestReports: [
        report('slow', 12, 5),
        report('fast', 6, 1),
        report('roomy', 6, 4),
        report('own', 1, 9),
      ],
    });
    expect(proposals.map((p) => [p.departmentId, p.share, p.expectedDays ?? null])).toEqual([
      ['roomy', 100, 6],
      ['fast', 120, 6],
      ['slow', 100, 12],
      ['unreported', 130, null],
    ]);
  });

  it('use the latest of a department’s reports', () => {
    const [first] = holidayProposals({
      risk: { cancerType: 'brystkraeft', region: 'hovedstaden', week: '2027-W28' },
      departments: [dept('slow', 'syddanmark')],
      plans,
      latestReports: [report('slow', 3, 5, '2027-W19'), report('slow', 12, 5, '2027-W20')],
    });
    expect(first?.expectedDays).toBe(12);
  });
});

describe('a plan', () => {
  const department = 'rh-brystkirurgi'; // udredning and kirurgi
  const weeks = (capacity: Record<string, number>, closedDays: string[] = []) =>
    periodWeeks(period).map((week) => ({ week, capacity, closedDays }));

  it('needs every week of the period and exactly the department’s pathways', () => {
    const good = holidayPlanSchema.parse({
      departmentId: department,
      weeks: weeks({ udredning: 80, kirurgi: 60 }),
    });
    expect(planErrors(good, period)).toEqual({});
    const missing = holidayPlanSchema.parse({
      departmentId: department,
      weeks: weeks({ udredning: 80, kirurgi: 60 }).slice(1),
    });
    expect(planErrors(missing, period)).toEqual({
      weeks: 'Angiv en plan for alle periodens uger (mangler 2027-W28).',
    });
    const wrong = holidayPlanSchema.parse({
      departmentId: department,
      weeks: weeks({ udredning: 80, medicinsk: 60 }),
    });
    expect(planErrors(wrong, period)).toMatchObject({
      'weeks.0.capacity.kirurgi': 'Angiv planlagt kapacitet i procent af normalt.',
      'weeks.0.capacity.medicinsk': 'Afdelingen tilbyder ikke dette – lad feltet være tomt.',
    });
  });

  it('keeps closed days inside their week', () => {
    const plan = holidayPlanSchema.parse({
      departmentId: department,
      weeks: weeks({ udredning: 80, kirurgi: 60 }, ['2027-07-12']),
    });
    expect(planErrors(plan, period)).toEqual({
      'weeks.1.closedDays': '2027-07-12 ligger ikke i uge 2027-W29.',
    });
  });

  it('refuses shares outside 0–150 and a comment with a CPR number', () => {
    const issues = holidayPlanSchema.safeParse({
      departmentId: department,
      weeks: weeks({ udredning: 151, kirurgi: -1 }),
      comment: 'Patient 010190-1234',
    }).error?.issues;
    expect(issues?.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        'Angiv højst 150 % af normalt.',
        'Kapaciteten kan ikke være negativ.',
        expect.stringContaining('CPR-nummer'),
      ]),
    );
  });
});

describe('the evaluation after a period', () => {
  it('puts planned capacity beside the weekly reports, with the week before as the baseline', () => {
    const reports: WeeklyReport[] = [
      ['2027-W27', 10, 3],
      ['2027-W28', 12, 1],
      ['2027-W28', 20, 0],
      ['2027-W29', 8, 2],
    ].map(([week, days, spare], i) => ({
      departmentId: `d${i}`,
      cancerType: 'brystkraeft',
      week: week as string,
      region: 'hovedstaden',
      treatmentDays: { kirurgi: days as number },
      diagnosticDays: {},
      spareCapacity: spare as number,
      comment: '',
      submittedAt: '2027-07-01T08:00:00Z',
      submittedBy: 'x',
    }));
    const evaluation = evaluatePeriod({
      period,
      plans: [plan('a1', 'hovedstaden', [60, 100]), plan('a2', 'hovedstaden', [80, 100])],
      departments: [dept('a1', 'hovedstaden'), dept('a2', 'hovedstaden'), dept('n1', 'nordjylland')],
      cancerTypes: ['brystkraeft'],
      reports,
      riskShare: 75,
      evaluatedAt: at('2027-07-26T06:00:00Z'),
    });
    expect(evaluation).toMatchObject({ plansReceived: 2, plansExpected: 3 });
    expect(evaluation.weeks).toEqual([
      {
        week: '2027-W27',
        baseline: true,
        cellsAtRisk: 0,
        reports: 1,
        spareCapacity: 3,
        medianWorstDays: 10,
        overMaximum: 0,
      },
      {
        week: '2027-W28',
        baseline: false,
        plannedShare: 70,
        cellsAtRisk: 1,
        reports: 2,
        spareCapacity: 1,
        medianWorstDays: 16,
        overMaximum: 1,
      },
      {
        week: '2027-W29',
        baseline: false,
        plannedShare: 100,
        cellsAtRisk: 0,
        reports: 1,
        spareCapacity: 2,
        medianWorstDays: 8,
        overMaximum: 0,
      },
    ]);
  });
});
