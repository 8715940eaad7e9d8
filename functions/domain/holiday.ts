/**
 * Holiday-period plans (ferieplaner): the periods the secretariat defines per year, what a
 * department plans for each ISO week of a period (capacity per pathway as a share of normal,
 * closed days), and the pure rules on them — weeks at risk, proposals elsewhere, when the alert
 * is due, whether a plan is overdue, and the evaluation after the period. No storage, no clock.
 * Design: docs/decisions/0017-holiday-plans.md.
 */
import { easterSunday } from './holidays.ts';
import { findDepartment, REGION_IDS, type RegionId } from './reference.ts';
import type { HolidayPeriodInput, HolidayPlanInput, PlanWeek } from './schemas/holiday.ts';
import { fromLocal, isNonWorkingDay, isoWeekKey, localDate, weekStart } from './time.ts';
import {
  addWeeks,
  finderOrder,
  offersPathway,
  PATHWAYS,
  type Pathway,
  type ReportStatus,
  type WeeklyReport,
  waits,
  worstRatio,
} from './weekly.ts';

// The schemas are in schemas/holiday.ts; the types they define are the plans' own.
export type { HolidayPeriodInput, HolidayPlanInput, PlanWeek };

// ---------------------------------------------------------------- settings

export interface HolidaySettings {
  /** A region's planned capacity for a cancer type below this share of normal (%) is a week at risk. */
  riskShare: number;
  /** The alert about a week at risk goes out this many weeks before the week begins. */
  alertWeeks: number;
  /** Default planning deadline: weeks before the period's first Monday. */
  deadlineWeeks: number;
}

export const DEFAULT_HOLIDAY_SETTINGS: HolidaySettings = { riskShare: 70, alertWeeks: 6, deadlineWeeks: 8 };

/** Reminders about a missing plan start this many weeks before the deadline. */
export const REMIND_WEEKS_BEFORE_DEADLINE = 4;

/** HOLIDAY_RISK_SHARE (1–100, default 70), HOLIDAY_ALERT_WEEKS (1–26, default 6), HOLIDAY_DEADLINE_WEEKS (1–26, default 8). */
export function parseHolidaySettings(env: Record<string, string | undefined>): HolidaySettings {
  const read = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  return {
    riskShare: read('HOLIDAY_RISK_SHARE', DEFAULT_HOLIDAY_SETTINGS.riskShare, 1, 100),
    alertWeeks: read('HOLIDAY_ALERT_WEEKS', DEFAULT_HOLIDAY_SETTINGS.alertWeeks, 1, 26),
    deadlineWeeks: read('HOLIDAY_DEADLINE_WEEKS', DEFAULT_HOLIDAY_SETTINGS.deadlineWeeks, 1, 26),
  };
}

// ---------------------------------------------------------------- periods

/** A holiday period: whole ISO weeks, with the day plans are due (end of that day, Copenhagen). */
export interface HolidayPeriod {
  /** `<year>-<slug>`, e.g. `2027-sommer`. */
  id: string;
  name: string;
  nameEn: string;
  firstWeek: string;
  lastWeek: string;
  /** YYYY-MM-DD. */
  deadline: string;
  updatedAt?: string;
}

/** Longest period, in weeks (Christmas and summer fit with room to spare). */
export const MAX_PERIOD_WEEKS = 10;

/** Characters of a period's Danish and English names. */
export const PERIOD_TEXT_MAX = { name: 80 } as const;

/** The period's ISO weeks, first to last (across a year end and week 53). */
export function periodWeeks(period: Pick<HolidayPeriod, 'firstWeek' | 'lastWeek'>): string[] {
  const weeks: string[] = [];
  for (let w = period.firstWeek; w <= period.lastWeek && weeks.length <= MAX_PERIOD_WEEKS; w = addWeeks(w, 1))
    weeks.push(w);
  return weeks;
}

/** The Monday `weeksBefore` weeks before the week begins (YYYY-MM-DD). */
export function defaultDeadline(
  firstWeek: string,
  weeksBefore = DEFAULT_HOLIDAY_SETTINGS.deadlineWeeks,
): string {
  return localDate(weekStart(addWeeks(firstWeek, -weeksBefore)));
}

function weekOfDate(year: number, month: number, day: number): string {
  return isoWeekKey(fromLocal({ year, month, day, hour: 12, minute: 0, second: 0 }));
}

/**
 * The year's default periods, for the secretariat to adjust: Easter week (the week of Easter
 * Sunday: skærtorsdag, langfredag), the week of Kristi himmelfartsdag, summer (weeks 27–32),
 * autumn (week 42) and Christmas (week 52 to week 1 of the next year, week 53 included).
 */
export function defaultHolidayPeriods(
  year: number,
  deadlineWeeks = DEFAULT_HOLIDAY_SETTINGS.deadlineWeeks,
): HolidayPeriod[] {
  const easter = easterSunday(year);
  const easterWeek = weekOfDate(year, easter.month, easter.day);
  const ascension = new Date(Date.UTC(year, easter.month - 1, easter.day + 39));
  const ascensionWeek = weekOfDate(year, ascension.getUTCMonth() + 1, ascension.getUTCDate());
  const week = (n: number) => `${year}-W${String(n).padStart(2, '0')}`;
  const periods: [string, string, string, string, string][] = [
    ['paaske', `Påske ${year}`, `Easter ${year}`, easterWeek, easterWeek],
    ['kristi-himmelfart', `Kristi himmelfart ${year}`, `Ascension ${year}`, ascensionWeek, ascensionWeek],
    ['sommer', `Sommerferie ${year}`, `Summer holidays ${year}`, week(27), week(32)],
    ['efteraar', `Efterårsferie ${year}`, `Autumn holiday ${year}`, week(42), week(42)],
    ['jul', `Jul og nytår ${year}/${year + 1}`, `Christmas ${year}/${year + 1}`, week(52), `${year + 1}-W01`],
  ];
  return periods.map(([slug, name, nameEn, firstWeek, lastWeek]) => ({
    id: `${year}-${slug}`,
    name,
    nameEn,
    firstWeek,
    lastWeek,
    deadline: defaultDeadline(firstWeek, deadlineWeeks),
  }));
}

/** The instant the planning deadline ends: midnight after the deadline day, Copenhagen. */
export function deadlineEnd(period: Pick<HolidayPeriod, 'deadline'>): Date {
  const [year, month, day] = period.deadline.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return fromLocal({
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
  });
}

export function periodStart(period: Pick<HolidayPeriod, 'firstWeek'>): Date {
  return weekStart(period.firstWeek);
}

/** Monday 00:00 after the period's last week. */
export function periodEnd(period: Pick<HolidayPeriod, 'lastWeek'>): Date {
  return weekStart(addWeeks(period.lastWeek, 1));
}

export type PeriodPhase = 'planning' | 'running' | 'ended';

export function periodPhase(period: HolidayPeriod, now: Date): PeriodPhase {
  if (now.getTime() >= periodEnd(period).getTime()) return 'ended';
  if (now.getTime() >= periodStart(period).getTime()) return 'running';
  return 'planning';
}

/** A department without a plan is overdue once the deadline day has ended (the weekly exchange's marks). */
export function planStatus(hasPlan: boolean, period: HolidayPeriod, now: Date): ReportStatus {
  if (hasPlan) return 'reported';
  return now.getTime() >= deadlineEnd(period).getTime() ? 'overdue' : 'pending';
}

/** Departments are reminded of a missing plan from 4 weeks before the deadline until the period begins. */
export function remindersDue(period: HolidayPeriod, now: Date): boolean {
  const from = weekStart(addWeeks(isoWeekKey(deadlineEnd(period)), -REMIND_WEEKS_BEFORE_DEADLINE));
  return now.getTime() >= from.getTime() && now.getTime() < periodStart(period).getTime();
}

/** The alert about a week at risk is due from `alertWeeks` before the week begins until it ends. */
export function alertDue(week: string, now: Date, alertWeeks: number): boolean {
  const from = weekStart(addWeeks(week, -alertWeeks));
  return now.getTime() >= from.getTime() && now.getTime() < weekStart(addWeeks(week, 1)).getTime();
}

/** The seven dates (YYYY-MM-DD) of an ISO week, Monday first. */
export function weekDates(week: string): string[] {
  const monday = weekStart(week).getTime() + 12 * 3_600_000;
  return Array.from({ length: 7 }, (_, i) => localDate(new Date(monday + i * 86_400_000)));
}

/** The week's working days: weekends and Danish public holidays left out. */
export function workingDates(week: string): string[] {
  return weekDates(week).filter((d) => !isNonWorkingDay(d));
}

/** Longest comment on a plan, in characters. */
export const PLAN_COMMENT_MAX = 500;

export interface HolidayPlan extends HolidayPlanInput {
  periodId: string;
  region: RegionId;
  submittedAt: string;
  submittedBy: string;
}

/** What a department plans for: udredning if it does it, and each treatment modality it offers. */
export function plannedPathways(department: { udredning: boolean; modalities: string[] }): Pathway[] {
  return PATHWAYS.filter((p) => offersPathway(department as never, p));
}

/**
 * Checks a plan against its period and department: one entry for every week of the period,
 * capacity for exactly the pathways the department offers, closed days inside their week.
 * @returns Danish messages by field path (empty when the plan is valid)
 */
export function planErrors(plan: HolidayPlanInput, period: HolidayPeriod): Record<string, string> {
  const errors: Record<string, string> = {};
  const department = findDepartment(plan.departmentId);
  if (!department) return { departmentId: 'Ukendt afdeling.' };
  const weeks = periodWeeks(period);
  const given = plan.weeks.map((w) => w.week);
  const missing = weeks.filter((w) => !given.includes(w));
  if (missing.length > 0)
    errors.weeks = `Angiv en plan for alle periodens uger (mangler ${missing.join(', ')}).`;
  const pathways = plannedPathways(department);
  plan.weeks.forEach((w, i) => {
    if (!weeks.includes(w.week)) {
      errors[`weeks.${i}.week`] =
        `Uge ${w.week} hører ikke til perioden (${period.firstWeek}–${period.lastWeek}).`;
      return;
    }
    if (given.indexOf(w.week) !== i) errors[`weeks.${i}.week`] = `Uge ${w.week} er angivet to gange.`;
    for (const p of PATHWAYS) {
      const value = w.capacity[p];
      if (pathways.includes(p) && value === undefined)
        errors[`weeks.${i}.capacity.${p}`] = 'Angiv planlagt kapacitet i procent af normalt.';
      if (!pathways.includes(p) && value !== undefined)
        errors[`weeks.${i}.capacity.${p}`] = 'Afdelingen tilbyder ikke dette – lad feltet være tomt.';
    }
    const dates = weekDates(w.week);
    const outside = w.closedDays.filter((d) => !dates.includes(d));
    if (outside.length > 0)
      errors[`weeks.${i}.closedDays`] = `${outside.join(', ')} ligger ikke i uge ${w.week}.`;
  });
  return errors;
}

/** A department's planned week: closed when every working day is closed or every capacity is 0. */
export function departmentWeek(week: PlanWeek): { share: number; closed: boolean } {
  const values = Object.values(week.capacity).filter((v): v is number => typeof v === 'number');
  const working = workingDates(week.week);
  const closed =
    (working.length > 0 && working.every((d) => week.closedDays.includes(d))) ||
    (values.length > 0 && values.every((v) => v === 0));
  if (closed || values.length === 0) return { share: 0, closed };
  return { share: Math.round(values.reduce((a, b) => a + b, 0) / values.length), closed };
}

// ---------------------------------------------------------------- the plan view

export interface PlanDepartment {
  id: string;
  name: string;
  hospitalName: string;
  region: RegionId;
  cancerTypes: string[];
}

export type RiskReason = 'low' | 'closed';

export interface PlanCell {
  week: string;
  /** Mean planned share (%) of the departments that have planned; undefined when none has. */
  share?: number;
  departments: number;
  planned: number;
  closed: number;
  risk?: RiskReason;
}

export interface PlanRow {
  cancerType: string;
  region: RegionId;
  cells: PlanCell[];
}

/**
 * One cell: a region's planned capacity for a cancer type in a week. The share is the mean of
 * its departments' planned shares (each department's mean over its pathways; the figures carry
 * no head counts to weigh by). At risk when the share is below `riskShare`, or when every
 * department of the cancer type in the region has planned and is closed.
 */
export function planCell(
  week: string,
  departments: PlanDepartment[],
  plans: Map<string, HolidayPlan>,
  riskShare: number,
): PlanCell {
  const planned = departments
    .map((d) => plans.get(d.id)?.weeks.find((w) => w.week === week))
    .filter((w): w is PlanWeek => w !== undefined)
    .map(departmentWeek);
  const closed = planned.filter((p) => p.closed).length;
  const share =
    planned.length > 0 ? Math.round(planned.reduce((a, p) => a + p.share, 0) / planned.length) : undefined;
  const allClosed = departments.length > 0 && closed === departments.length;
  const risk: RiskReason | undefined = allClosed
    ? 'closed'
    : share !== undefined && share < riskShare
      ? 'low'
      : undefined;
  return {
    week,
    ...(share !== undefined ? { share } : {}),
    departments: departments.length,
    planned: planned.length,
    closed,
    ...(risk ? { risk } : {}),
  };
}

/** Cancer type × region × week, for every region where some department treats the cancer type. */
export function planGrid(args: {
  weeks: string[];
  cancerTypes: string[];
  departments: PlanDepartment[];
  plans: HolidayPlan[];
  riskShare: number;
}): PlanRow[] {
  const plans = new Map(args.plans.map((p) => [p.departmentId, p]));
  const rows: PlanRow[] = [];
  for (const cancerType of args.cancerTypes) {
    for (const region of REGION_IDS) {
      const departments = args.departments.filter(
        (d) => d.region === region && d.cancerTypes.includes(cancerType),
      );
      if (departments.length === 0) continue;
      rows.push({
        cancerType,
        region,
        cells: args.weeks.map((w) => planCell(w, departments, plans, args.riskShare)),
      });
    }
  }
  return rows;
}

export interface WeekAtRisk {
  cancerType: string;
  region: RegionId;
  week: string;
  share?: number;
  reason: RiskReason;
}

export function weeksAtRisk(rows: PlanRow[]): WeekAtRisk[] {
  return rows.flatMap((row) =>
    row.cells
      .filter((c) => c.risk !== undefined)
      .map((c) => ({
        cancerType: row.cancerType,
        region: row.region,
        week: c.week,
        ...(c.share !== undefined ? { share: c.share } : {}),
        reason: c.risk as RiskReason,
      })),
  );
}

export interface HolidayProposal {
  departmentId: string;
  departmentName: string;
  hospitalName: string;
  region: RegionId;
  /** Planned share of normal (%) in the week. */
  share: number;
  /** Worst wait of the department's latest weekly report (this or last week), when there is one. */
  expectedDays?: number;
  spareCapacity?: number;
}

/**
 * Departments elsewhere (another region) treating the cancer type that plan at least normal
 * capacity (≥ 100 %) and are not closed in the week, in the capacity finder's order (shortest
 * expected wait, most spare capacity, then name) by their latest weekly report; departments
 * without a recent report follow, by planned share.
 */
export function holidayProposals(args: {
  risk: Pick<WeekAtRisk, 'cancerType' | 'region' | 'week'>;
  departments: PlanDepartment[];
  plans: HolidayPlan[];
  /** The cancer type's latest weekly reports (the current and last week). */
  latestReports: WeeklyReport[];
}): HolidayProposal[] {
  const { risk } = args;
  const plans = new Map(args.plans.map((p) => [p.departmentId, p]));
  const latest = new Map<string, WeeklyReport>();
  for (const r of args.latestReports) {
    if (r.cancerType !== risk.cancerType) continue;
    const known = latest.get(r.departmentId);
    if (!known || known.week < r.week) latest.set(r.departmentId, r);
  }
  const proposals: HolidayProposal[] = [];
  for (const d of args.departments) {
    if (d.region === risk.region || !d.cancerTypes.includes(risk.cancerType)) continue;
    const week = plans.get(d.id)?.weeks.find((w) => w.week === risk.week);
    if (!week) continue;
    const planned = departmentWeek(week);
    if (planned.closed || planned.share < 100) continue;
    const report = latest.get(d.id);
    const days = report ? waits(report).map(([, n]) => n) : [];
    proposals.push({
      departmentId: d.id,
      departmentName: d.name,
      hospitalName: d.hospitalName,
      region: d.region,
      share: planned.share,
      ...(days.length > 0 ? { expectedDays: Math.max(...days) } : {}),
      ...(report ? { spareCapacity: report.spareCapacity } : {}),
    });
  }
  const order = finderOrder();
  return proposals.sort((a, b) => {
    const ranked = Number(a.expectedDays === undefined) - Number(b.expectedDays === undefined);
    if (ranked !== 0) return ranked;
    if (a.expectedDays === undefined || b.expectedDays === undefined)
      return b.share - a.share || a.departmentName.localeCompare(b.departmentName, 'da');
    return order(
      { ...a, expectedDays: a.expectedDays, spareCapacity: a.spareCapacity ?? 0 },
      { ...b, expectedDays: b.expectedDays, spareCapacity: b.spareCapacity ?? 0 },
    );
  });
}

// ---------------------------------------------------------------- evaluation

export interface EvaluationWeek {
  week: string;
  /** The week before the period, for comparison. */
  baseline: boolean;
  /** Mean planned share (%) over the departments that planned; undefined for the baseline. */
  plannedShare?: number;
  /** Cancer type × region cells at risk in the plan. */
  cellsAtRisk: number;
  /** Weekly reports received (department × cancer type). */
  reports: number;
  /** Spare capacity reported in the weekly exchange (patients from other hospitals). */
  spareCapacity: number;
  /** Median of the reports' worst waits, in days. */
  medianWorstDays?: number;
  /** Reports with a wait above the maximum. */
  overMaximum: number;
}

export interface HolidayEvaluation {
  periodId: string;
  name: string;
  nameEn: string;
  firstWeek: string;
  lastWeek: string;
  evaluatedAt: string;
  /** Departments that planned, of those expected. */
  plansReceived: number;
  plansExpected: number;
  weeks: EvaluationWeek[];
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Planned against reported, week by week, with the week before the period as the baseline:
 * the plan's mean share and cells at risk beside the weekly exchange's reports, spare capacity
 * and waits.
 */
export function evaluatePeriod(args: {
  period: HolidayPeriod;
  plans: HolidayPlan[];
  departments: PlanDepartment[];
  cancerTypes: string[];
  reports: WeeklyReport[];
  riskShare: number;
  evaluatedAt: Date;
}): HolidayEvaluation {
  const { period } = args;
  const weeks = periodWeeks(period);
  const rows = planGrid({
    weeks,
    cancerTypes: args.cancerTypes,
    departments: args.departments,
    plans: args.plans,
    riskShare: args.riskShare,
  });
  const baselineWeek = addWeeks(period.firstWeek, -1);
  const figures = (week: string, baseline: boolean): EvaluationWeek => {
    const reports = args.reports.filter((r) => r.week === week);
    const shares = args.plans
      .map((p) => p.weeks.find((w) => w.week === week))
      .filter((w): w is PlanWeek => w !== undefined)
      .map((w) => departmentWeek(w).share);
    const worst = reports.map((r) => Math.max(0, ...waits(r).map(([, n]) => n)));
    const med = median(worst);
    return {
      week,
      baseline,
      ...(!baseline && shares.length > 0
        ? { plannedShare: Math.round(shares.reduce((a, b) => a + b, 0) / shares.length) }
        : {}),
      cellsAtRisk: baseline ? 0 : rows.filter((r) => r.cells.some((c) => c.week === week && c.risk)).length,
      reports: reports.length,
      spareCapacity: reports.reduce((a, r) => a + r.spareCapacity, 0),
      ...(med !== undefined ? { medianWorstDays: med } : {}),
      overMaximum: reports.filter((r) => worstRatio(r) > 1).length,
    };
  };
  const expected = args.departments.filter((d) => d.cancerTypes.length > 0).length;
  return {
    periodId: period.id,
    name: period.name,
    nameEn: period.nameEn,
    firstWeek: period.firstWeek,
    lastWeek: period.lastWeek,
    evaluatedAt: args.evaluatedAt.toISOString(),
    plansReceived: args.plans.length,
    plansExpected: expected,
    weeks: [figures(baselineWeek, true), ...weeks.map((w) => figures(w, false))],
  };
}
