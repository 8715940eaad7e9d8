/**
 * Use cases of the holiday-period plans: the secretariat's periods (defaults per year, edits),
 * departments' plans (form and bulk API, each change on the audit trail), the plan view with
 * weeks at risk and proposals, the reminder job (the weekly exchange's machinery), the daily
 * alert job and the evaluation after a period that the quarterly status shows.
 */
import { currentTime } from '#adapters/deps.ts';
import { listNetworks } from '#adapters/followup-store.ts';
import {
  getHolidayEvaluation,
  getHolidayPeriod,
  getHolidayPlan,
  listHolidayPeriods,
  listHolidayPlans,
  putHolidayEvaluation,
  putHolidayPeriod,
  putHolidayPlan,
  sendOncePerPeriod,
} from '#adapters/holiday-store.ts';
import { mailer } from '#adapters/mailer.ts';
import { listContacts } from '#adapters/store.ts';
import { listWeeklyReports, listWeekSummaries, sendOnceThisWeek } from '#adapters/weekly-store.ts';
import { inBatches } from '#domain/batches.ts';
import { mayManageContacts } from '#domain/contact-lists.ts';
import {
  alertDue,
  defaultHolidayPeriods,
  departmentWeek,
  evaluatePeriod,
  type HolidayEvaluation,
  type HolidayPeriod,
  type HolidayPlan,
  type HolidayProposal,
  type HolidaySettings,
  holidayProposals,
  type PeriodPhase,
  type PlanDepartment,
  type PlanRow,
  parseHolidaySettings,
  periodEnd,
  periodPhase,
  periodWeeks,
  planErrors,
  planGrid,
  planStatus,
  remindersDue,
  type WeekAtRisk,
  weeksAtRisk,
} from '#domain/holiday.ts';
import { type Contact, findDepartment, type RegionId, referenceData } from '#domain/reference.ts';
import type { HolidayPlanInput } from '#domain/schemas/holiday.ts';
import { isoWeekKey, localDate } from '#domain/time.ts';
import { addWeeks, type ReportStatus } from '#domain/weekly.ts';
import { holidayAlertEmail, holidayReminderEmail } from '#web/holiday-emails.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { mayReportWeeklyFor } from './access.ts';
import { type Actor, asPerson, ForbiddenError, NotFoundError, PhrasedError } from './actors.ts';
import { recordAudit, SYSTEM_PERSON } from './audit.ts';
import { locatedDepartments } from './weekly.ts';

export const MANAGE_ONLY = phrase('error.holiday.manageOnly');

export function holidaySettings(): HolidaySettings {
  return parseHolidaySettings(process.env);
}

/** Active departments that treat a cancer type: the ones that plan. */
export function planDepartments(): PlanDepartment[] {
  return locatedDepartments().map((d) => ({
    id: d.id,
    name: d.name,
    hospitalName: d.hospitalName,
    region: d.region,
    cancerTypes: d.cancerTypes,
  }));
}

/** Cancer types some department treats, in the reference data's order. */
function treatedCancerTypes(departments: PlanDepartment[]): string[] {
  const treated = new Set(departments.flatMap((d) => d.cancerTypes));
  return referenceData()
    .cancerTypes.map((c) => c.id)
    .filter((id) => treated.has(id));
}

// ---------------------------------------------------------------- periods

export function holidayPeriods(): Promise<HolidayPeriod[]> {
  return listHolidayPeriods();
}

export async function requirePeriod(id: string): Promise<HolidayPeriod> {
  const period = await getHolidayPeriod(id);
  if (!period) throw new NotFoundError(phrase('error.holiday.notFound'));
  return period;
}

/** Creates the year's default periods (those not there already); secretariat and administrators. */
export async function createDefaultPeriods(actor: Actor, year: number): Promise<HolidayPeriod[]> {
  if (!mayManageContacts(actor)) throw new ForbiddenError(MANAGE_ONLY);
  const created: HolidayPeriod[] = [];
  const updatedAt = localDate(currentTime());
  for (const period of defaultHolidayPeriods(year, holidaySettings().deadlineWeeks)) {
    const stored = { ...period, updatedAt };
    if (!(await putHolidayPeriod(stored, true))) continue;
    await recordAudit(
      asPerson(actor),
      'holiday-period',
      period.id,
      'created',
      phrase('trail.created', { name: period.name }),
      {
        after: stored,
      },
    );
    created.push(stored);
  }
  return created;
}

/** Each period with its phase, plans received and cells at risk (the list page and its JSON). */
export async function holidayPeriodSummaries() {
  const now = currentTime();
  const settings = holidaySettings();
  const departments = planDepartments();
  const cancerTypes = treatedCancerTypes(departments);
  const summaries = [];
  for (const period of await listHolidayPeriods()) {
    const plans = await listHolidayPlans(period.id);
    const rows = planGrid({
      weeks: periodWeeks(period),
      cancerTypes,
      departments,
      plans,
      riskShare: settings.riskShare,
    });
    summaries.push({
      period,
      phase: periodPhase(period, now),
      planned: plans.length,
      expected: departments.length,
      risks: weeksAtRisk(rows).length,
    });
  }
  return summaries;
}

// ---------------------------------------------------------------- plans

/** A period that has ended takes no plans: the evaluation is made from what was planned. */
export class PeriodEndedError extends PhrasedError {
  constructor(period: HolidayPeriod) {
    super(phrase('error.holiday.periodEnded', { period: period.name }));
    this.name = 'PeriodEndedError';
  }
}

export interface PlanSubmitResult {
  departmentId: string;
  periodId: string;
  replaced: boolean;
  late: boolean;
}

/**
 * Validates every plan against the period and checks the caller may plan for each department
 * (as for the weekly report) before anything is written: a refused call writes nothing.
 * @returns `errors` by field path (prefixed `plans.<i>.` when `bulk`), or the stored results
 */
export async function submitHolidayPlans(
  periodId: string,
  plans: HolidayPlanInput[],
  actor: Actor,
  bulk = false,
): Promise<{ ok: true; results: PlanSubmitResult[] } | { ok: false; errors: Record<string, string> }> {
  const period = await requirePeriod(periodId);
  const now = currentTime();
  if (periodPhase(period, now) === 'ended') throw new PeriodEndedError(period);
  for (const p of plans) {
    if (!mayReportWeeklyFor(actor, p.departmentId))
      throw new ForbiddenError(phrase('error.holiday.notYourDepartment', { department: p.departmentId }));
  }
  const errors: Record<string, string> = {};
  plans.forEach((plan, i) => {
    for (const [key, message] of Object.entries(planErrors(plan, period)))
      errors[bulk ? `plans.${i}.${key}` : key] = message;
  });
  const ids = plans.map((p) => p.departmentId);
  if (new Set(ids).size !== ids.length) errors._form = 'Samme afdeling optræder flere gange i kaldet.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const results: PlanSubmitResult[] = [];
  for (const input of plans) {
    const department = findDepartment(input.departmentId);
    if (!department) continue;
    const before = await getHolidayPlan(periodId, input.departmentId);
    const plan: HolidayPlan = {
      ...input,
      weeks: [...input.weeks].sort((a, b) => a.week.localeCompare(b.week)),
      periodId,
      region: department.region,
      submittedAt: now.toISOString(),
      submittedBy: actor.email,
    };
    await putHolidayPlan(plan);
    const late = planStatus(false, period, now) === 'overdue';
    await recordAudit(
      asPerson(actor),
      'holiday-plan',
      `${periodId}:${input.departmentId}`,
      before ? 'updated' : 'reported',
      phrase(late ? 'trail.holiday.planLate' : 'trail.holiday.plan', {
        department: department.name,
        period: period.name,
      }),
      { before, after: plan, at: now },
    );
    results.push({ departmentId: input.departmentId, periodId, replaced: before !== undefined, late });
  }
  return { ok: true, results };
}

export function holidayPlanOf(periodId: string, departmentId: string): Promise<HolidayPlan | undefined> {
  return getHolidayPlan(periodId, departmentId);
}

// ---------------------------------------------------------------- the plan view

export interface RiskWithProposals extends WeekAtRisk {
  proposals: HolidayProposal[];
}

export interface DepartmentPlanStatus {
  departmentId: string;
  name: string;
  hospitalName: string;
  region: RegionId;
  status: ReportStatus;
  submittedAt?: string;
}

export interface HolidayPlanView {
  period: HolidayPeriod;
  phase: PeriodPhase;
  weeks: string[];
  riskShare: number;
  alertWeeks: number;
  rows: PlanRow[];
  risks: RiskWithProposals[];
  statuses: DepartmentPlanStatus[];
  /** Worst reported wait (days) per `<cancerType>#<region>#<week>`, for weeks that have begun. */
  actual: Record<string, number>;
  evaluation?: HolidayEvaluation;
}

/** The plan of a period: grid, weeks at risk with proposals, who has planned, actual waits. */
export async function holidayPlanView(periodId: string): Promise<HolidayPlanView> {
  const period = await requirePeriod(periodId);
  const now = currentTime();
  const settings = holidaySettings();
  const weeks = periodWeeks(period);
  const departments = planDepartments();
  const plans = await listHolidayPlans(periodId);
  const rows = planGrid({
    weeks,
    cancerTypes: treatedCancerTypes(departments),
    departments,
    plans,
    riskShare: settings.riskShare,
  });
  const risks = await withProposals(weeksAtRisk(rows), departments, plans, now);
  const byDepartment = new Map(plans.map((p) => [p.departmentId, p]));
  const statuses = departments.map((d) => {
    const plan = byDepartment.get(d.id);
    return {
      departmentId: d.id,
      name: d.name,
      hospitalName: d.hospitalName,
      region: d.region,
      status: planStatus(plan !== undefined, period, now),
      ...(plan ? { submittedAt: plan.submittedAt } : {}),
    };
  });
  const phase = periodPhase(period, now);
  return {
    period,
    phase,
    weeks,
    riskShare: settings.riskShare,
    alertWeeks: settings.alertWeeks,
    rows,
    risks,
    statuses,
    actual: phase === 'planning' ? {} : await actualWaits(weeks, departments, now),
    evaluation: phase === 'ended' ? await getHolidayEvaluation(periodId) : undefined,
  };
}

async function withProposals(
  risks: WeekAtRisk[],
  departments: PlanDepartment[],
  plans: HolidayPlan[],
  now: Date,
): Promise<RiskWithProposals[]> {
  const week = isoWeekKey(now);
  const latest = new Map<string, Awaited<ReturnType<typeof listWeeklyReports>>>();
  for (const cancerType of new Set(risks.map((r) => r.cancerType)))
    latest.set(cancerType, await listWeeklyReports(cancerType, addWeeks(week, -1), week));
  return risks.map((risk) => ({
    ...risk,
    proposals: holidayProposals({
      risk,
      departments,
      plans,
      latestReports: latest.get(risk.cancerType) ?? [],
    }),
  }));
}

/** The weekly exchange's worst wait per cancer type, region and week: one Query over the weeks. */
async function actualWaits(
  weeks: string[],
  departments: PlanDepartment[],
  now: Date,
): Promise<Record<string, number>> {
  const current = isoWeekKey(now);
  const shown = weeks.filter((w) => w <= current);
  if (shown.length === 0) return {};
  const summaries = await listWeekSummaries(shown[0] as string, shown[shown.length - 1] as string);
  const regionOf = new Map(departments.map((d) => [d.id, d.region]));
  const actual: Record<string, number> = {};
  for (const [cancerType, byWeek] of summaries) {
    for (const [week, byDepartment] of byWeek) {
      for (const [departmentId, summary] of byDepartment) {
        const region = regionOf.get(departmentId);
        if (!region || summary.worstDays === undefined) continue;
        const cell = `${cancerType}#${region}#${week}`;
        actual[cell] = Math.max(actual[cell] ?? 0, summary.worstDays);
      }
    }
  }
  return actual;
}

/** What the departments planned for a week inside a holiday period: shown beside the week's waits. */
export interface HolidayWeekPlan {
  periodId: string;
  name: string;
  week: string;
  departments: Record<string, { share: number; closed: boolean }>;
}

/** The plan of the period `week` falls in, or undefined outside every period: two Queries. */
export async function holidayWeekPlan(week: string): Promise<HolidayWeekPlan | undefined> {
  const period = (await listHolidayPeriods()).find((p) => periodWeeks(p).includes(week));
  if (!period) return undefined;
  const departments: HolidayWeekPlan['departments'] = {};
  for (const plan of await listHolidayPlans(period.id)) {
    const planned = plan.weeks.find((w) => w.week === week);
    if (planned) departments[plan.departmentId] = departmentWeek(planned);
  }
  return { periodId: period.id, name: period.name, week, departments };
}

// ---------------------------------------------------------------- reminders (weekly exchange machinery)

export interface HolidayReminderUnit {
  week: string;
  periodId: string;
  departments: string[];
}

const DEPARTMENTS_PER_UNIT = 25;

/** Periods in their reminder window: the departments without a plan, 25 a unit. */
export async function holidayReminderUnits(): Promise<HolidayReminderUnit[]> {
  const now = currentTime();
  const week = isoWeekKey(now);
  const units: HolidayReminderUnit[] = [];
  for (const period of await listHolidayPeriods()) {
    if (!remindersDue(period, now)) continue;
    const planned = new Set((await listHolidayPlans(period.id)).map((p) => p.departmentId));
    const missing = planDepartments()
      .filter((d) => !planned.has(d.id))
      .map((d) => d.id);
    for (const departments of inBatches(missing, DEPARTMENTS_PER_UNIT))
      units.push({ week, periodId: period.id, departments });
  }
  return units;
}

/** Reminds the unit's departments' coordinators, at most once a week each (as the weekly reminder). */
export async function sendHolidayReminderUnit(unit: HolidayReminderUnit): Promise<{ sent: number }> {
  const period = await getHolidayPeriod(unit.periodId);
  if (!period) return { sent: 0 };
  const now = currentTime();
  const contacts = await listContacts();
  let sent = 0;
  for (const departmentId of unit.departments) {
    for (const contact of contacts.filter((c) => c.role === 'department' && c.department === departmentId)) {
      const mail = holidayReminderEmail({ contact, departmentId, period, now });
      const first = await sendOnceThisWeek(
        unit.week,
        `holiday-reminder#${period.id}#${contact.email}#${departmentId}`,
        () => mailer().send({ to: contact.email, ...mail, purpose: 'holiday-reminder' }),
      );
      if (first) sent++;
    }
  }
  return { sent };
}

// ---------------------------------------------------------------- alerts and evaluation (daily job)

/** The cancer type's primærindgange (every region) and, when its network exists (active or standby), its members. */
function alertRecipients(contacts: Contact[], cancerType: string, networkExists: boolean): Contact[] {
  const byEmail = new Map<string, Contact>();
  for (const c of contacts) {
    const forType = c.cancerTypes.length === 0 || c.cancerTypes.includes(cancerType);
    if (c.role === 'primary' && forType) byEmail.set(c.email.toLowerCase(), c);
    if (c.role === 'network' && networkExists && c.cancerTypes.includes(cancerType))
      byEmail.set(c.email.toLowerCase(), c);
  }
  return [...byEmail.values()];
}

/**
 * Daily: mails each week at risk once, `alertWeeks` ahead, to the cancer type's primærindgange
 * and network with the proposals; keeps the evaluation of each period that has ended.
 */
export async function runHolidayAlerts(): Promise<{ alerts: number; evaluated: number }> {
  const now = currentTime();
  const settings = holidaySettings();
  let alerts = 0;
  let evaluated = 0;
  const periods = await listHolidayPeriods();
  const contacts = periods.length > 0 ? await listContacts() : [];
  const networks = new Set(periods.length > 0 ? (await listNetworks()).map((n) => n.cancerType) : []);
  for (const period of periods) {
    const phase = periodPhase(period, now);
    if (phase === 'ended') {
      if (!(await getHolidayEvaluation(period.id))) {
        await keepEvaluation(period, now);
        evaluated++;
      }
      continue;
    }
    const view = await holidayPlanView(period.id);
    for (const risk of view.risks) {
      if (!alertDue(risk.week, now, settings.alertWeeks)) continue;
      for (const contact of alertRecipients(contacts, risk.cancerType, networks.has(risk.cancerType))) {
        const mail = holidayAlertEmail({ contact, period, risk, riskShare: settings.riskShare });
        const first = await sendOncePerPeriod(
          period.id,
          `alert#${risk.cancerType}#${risk.region}#${risk.week}#${contact.email.toLowerCase()}`,
          () => mailer().send({ to: contact.email, ...mail, purpose: 'holiday-alert' }),
        );
        if (first) alerts++;
      }
    }
  }
  return { alerts, evaluated };
}

/** Planned against reported for an ended period, kept for the quarterly status. */
export async function keepEvaluation(period: HolidayPeriod, now = currentTime()): Promise<HolidayEvaluation> {
  const departments = planDepartments();
  const cancerTypes = treatedCancerTypes(departments);
  const from = addWeeks(period.firstWeek, -1);
  const reports = (
    await Promise.all(cancerTypes.map((ct) => listWeeklyReports(ct, from, period.lastWeek)))
  ).flat();
  const evaluation = evaluatePeriod({
    period,
    plans: await listHolidayPlans(period.id),
    departments,
    cancerTypes,
    reports,
    riskShare: holidaySettings().riskShare,
    evaluatedAt: now,
  });
  await putHolidayEvaluation(evaluation);
  await recordAudit(
    SYSTEM_PERSON,
    'holiday-period',
    period.id,
    'evaluated',
    phrase('trail.holiday.evaluated', { period: period.name }),
    {
      at: now,
    },
  );
  return evaluation;
}

/** Evaluations of the periods that ended within [from, to): the quarterly status's section. */
export async function holidayEvaluationsFor(range: { from: Date; to: Date }): Promise<HolidayEvaluation[]> {
  const evaluations: HolidayEvaluation[] = [];
  for (const period of await listHolidayPeriods()) {
    const end = periodEnd(period).getTime();
    if (end <= range.from.getTime() || end > range.to.getTime()) continue;
    const evaluation = await getHolidayEvaluation(period.id);
    if (evaluation) evaluations.push(evaluation);
  }
  return evaluations;
}
