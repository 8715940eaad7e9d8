/**
 * The weekly waiting-time exchange: what a department reports each ISO week (Europe/Copenhagen)
 * per cancer type, and the pure rules on it — pressure, change from last week, overdue reports,
 * the capacity finder's ranking and the escalation proposal. No storage, no clock of its own.
 */
import type { ExternalHit } from './external-providers.ts';
import { type Lang, WAIT_PATHWAY_LIST } from './lists.ts';
import {
  type Contact,
  type Department,
  DIAGNOSTIC_MODALITIES,
  findDepartment,
  REGION_IDS,
  type RegionId,
  referenceData,
  TREATMENT_MODALITIES,
  type TreatmentModality,
} from './reference.ts';
import type { WeeklyEntry, WeeklySubmission } from './schemas/weekly.ts';
import { fromLocal, isoWeekKey, localDate, weekStart } from './time.ts';

// The schemas are in schemas/weekly.ts; the types they define are the report's own.
export type { WeeklyEntry, WeeklySubmission };

/** Maximum waiting times in calendar days (mission.md: 14 days to udredning, 14 to treatment). */
export const MAX_WAIT_DAYS = { udredning: 14, behandling: 14 } as const;

/** What a patient waits for: udredning or a treatment modality (the finder's "pathway"). */
export const PATHWAYS = WAIT_PATHWAY_LIST.ids;
export type Pathway = (typeof PATHWAYS)[number];
export function maxWaitFor(pathway: Pathway): number {
  return pathway === 'udredning' ? MAX_WAIT_DAYS.udredning : MAX_WAIT_DAYS.behandling;
}

/** One department's figures for one cancer type in one week. */
/** Longest comment on a weekly report line, in characters. */
export const COMMENT_MAX = 500;

/** A stored report: one department, one cancer type, one ISO week. */
export interface WeeklyReport extends WeeklyEntry {
  departmentId: string;
  week: string;
  region: RegionId;
  submittedAt: string;
  submittedBy: string;
}

// ---------------------------------------------------------------- pressure

export type Pressure = 'ok' | 'tight' | 'over' | 'severe' | 'missing';

const PRESSURE_RANK: Record<Pressure, number> = { missing: -1, ok: 0, tight: 1, over: 2, severe: 3 };

/** The reported waits of the pathways the department covers, as [pathway, days]. */
export function waits(report: Pick<WeeklyReport, 'udredningDays' | 'treatmentDays'>): [Pathway, number][] {
  const out: [Pathway, number][] = [];
  if (report.udredningDays !== undefined) out.push(['udredning', report.udredningDays]);
  for (const m of TREATMENT_MODALITIES) {
    const d = report.treatmentDays[m];
    if (d !== undefined) out.push([m, d]);
  }
  return out;
}

/** Largest wait as a share of its maximum: 1 means exactly at the maximum. */
export function worstRatio(report: Pick<WeeklyReport, 'udredningDays' | 'treatmentDays'>): number {
  return Math.max(0, ...waits(report).map(([p, d]) => d / maxWaitFor(p)));
}

/**
 * ok: every wait ≤ 75 % of its maximum (≤ 10 of 14 days); tight: up to the maximum; over:
 * above it; severe: more than 1.5 × the maximum (> 21 days). Thresholds are relative so a
 * different maximum per pathway keeps the same meaning.
 */
export function pressureOf(
  report: Pick<WeeklyReport, 'udredningDays' | 'treatmentDays'> | undefined,
): Pressure {
  return report ? pressureOfRatio(worstRatio(report)) : 'missing';
}

/** The pressure of a worst wait / maximum ratio (see {@link pressureOf}). */
export function pressureOfRatio(r: number): Exclude<Pressure, 'missing'> {
  if (r > 1.5) return 'severe';
  if (r > 1) return 'over';
  if (r > 0.75) return 'tight';
  return 'ok';
}

export function worstPressure(list: Pressure[]): Pressure {
  return list.reduce<Pressure>((a, b) => (PRESSURE_RANK[b] > PRESSURE_RANK[a] ? b : a), 'missing');
}

/** Days more (+) or fewer (−) than last week for a pathway; undefined when either is missing. */
export function changeFromLastWeek(
  current: WeeklyReport | undefined,
  previous: WeeklyReport | undefined,
  pathway: Pathway,
): number | undefined {
  const now = current ? waitFor(current, pathway) : undefined;
  const before = previous ? waitFor(previous, pathway) : undefined;
  return now === undefined || before === undefined ? undefined : now - before;
}

export function waitFor(
  report: Pick<WeeklyReport, 'udredningDays' | 'treatmentDays'>,
  pathway: Pathway,
): number | undefined {
  return pathway === 'udredning' ? report.udredningDays : report.treatmentDays[pathway];
}

// ---------------------------------------------------------------- weeks and deadline

/** The ISO week key `n` weeks before (negative: after) a key, across year ends and week 53. */
export function addWeeks(week: string, n: number): string {
  // Noon on Thursday is safely inside the week in local time whatever the DST offset.
  const thursday = new Date(weekStart(week).getTime() + 3 * 86_400_000 + 12 * 3_600_000);
  return isoWeekKey(new Date(thursday.getTime() + n * 7 * 86_400_000));
}

/** The last `count` week keys ending with `week`, oldest first. */
export function weekRange(week: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addWeeks(week, i - (count - 1)));
}

export interface DeadlineSettings {
  /** ISO weekday of the deadline: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
}

export const DEFAULT_DEADLINE: DeadlineSettings = { weekday: 2, hour: 12, minute: 0 };

/** `WEEKLY_DEADLINE=2,12:00` (Tuesday 12:00 Copenhagen). */
export function parseDeadline(value: string | undefined): DeadlineSettings {
  if (!value) return DEFAULT_DEADLINE;
  const match = /^([1-7]),(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) throw new Error('WEEKLY_DEADLINE must be "<ISO weekday 1-7>,<HH:MM>", e.g. 2,12:00');
  return { weekday: Number(match[1]), hour: Number(match[2]), minute: Number(match[3]) };
}

/** The instant a week's report is due, in Copenhagen wall-clock time (DST-aware). */
export function deadlineOf(week: string, settings: DeadlineSettings = DEFAULT_DEADLINE): Date {
  const monday = weekStart(week);
  const noon = new Date(monday.getTime() + (settings.weekday - 1) * 86_400_000 + 12 * 3_600_000);
  const date = localDate(noon);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return fromLocal({ year, month, day, hour: settings.hour, minute: settings.minute, second: 0 });
}

export type ReportStatus = 'reported' | 'pending' | 'overdue';

/** A department without a report for the current week is overdue once the deadline has passed. */
export function reportStatus(
  hasReport: boolean,
  now: Date,
  settings: DeadlineSettings = DEFAULT_DEADLINE,
): ReportStatus {
  if (hasReport) return 'reported';
  return now.getTime() >= deadlineOf(isoWeekKey(now), settings).getTime() ? 'overdue' : 'pending';
}

// ---------------------------------------------------------------- capacity finder

export interface FinderQuery {
  cancerType: string;
  pathway: Pathway;
  homeRegion: RegionId;
}

/** The finder's answer for one of a problem's pathways: the escalation e-mail's lines. */
export interface FinderSection {
  pathway: Pathway;
  hits: FinderHit[];
  external: ExternalHit[];
}

export interface FinderHit {
  departmentId: string;
  departmentName: string;
  hospitalName: string;
  region: RegionId;
  expectedDays: number;
  spareCapacity: number;
  week: string;
  /** The figures are last week's: this week's report is missing. */
  stale: boolean;
  status: ReportStatus;
  contact?: Pick<Contact, 'name' | 'title' | 'email' | 'phone' | 'role'>;
}

export function offersPathway(department: Department, pathway: Pathway): boolean {
  return pathway === 'udredning' ? department.udredning : department.modalities.includes(pathway);
}

/** The region's primærindgang for the cancer type and pathway, else the department's own contact. */
export function contactFor(
  contacts: Contact[],
  department: Department & { region: RegionId },
  cancerType: string,
  pathway: Pathway,
): Contact | undefined {
  const primary = contacts.find(
    (c) =>
      c.role === 'primary' &&
      c.region === department.region &&
      (c.cancerTypes.length === 0 || c.cancerTypes.includes(cancerType)) &&
      (c.modalities.length === 0 || c.modalities.includes(pathway)),
  );
  return primary ?? contacts.find((c) => c.role === 'department' && c.department === department.id);
}

/**
 * Departments that can start the pathway within its maximum, best first.
 *
 * Uses each department's report for the current week, or last week's when this week's is not
 * in yet (marked stale; older figures are not trusted). A department must report spare capacity
 * (> 0), since the finder looks for room for patients from other hospitals.
 *
 * Ranking: expected wait (shortest first), then spare capacity (most first), then the patient's
 * own region before others — only on a tie, because the time limit (handlepligt) weighs more
 * than distance — then department name for a stable order.
 */
export function findCapacity(args: {
  query: FinderQuery;
  reports: WeeklyReport[];
  contacts: Contact[];
  now: Date;
  deadline?: DeadlineSettings;
}): FinderHit[] {
  const { query, reports, contacts, now } = args;
  const current = isoWeekKey(now);
  const previous = addWeeks(current, -1);
  const byDepartment = new Map<string, { current?: WeeklyReport; previous?: WeeklyReport }>();
  for (const r of reports) {
    if (r.cancerType !== query.cancerType) continue;
    const slot = byDepartment.get(r.departmentId) ?? {};
    if (r.week === current) slot.current = r;
    else if (r.week === previous) slot.previous = r;
    byDepartment.set(r.departmentId, slot);
  }
  const max = maxWaitFor(query.pathway);
  const hits: FinderHit[] = [];
  for (const [departmentId, slot] of byDepartment) {
    const department = findDepartment(departmentId);
    if (!department || !offersPathway(department, query.pathway)) continue;
    const report = slot.current ?? slot.previous;
    if (!report) continue;
    const expected = waitFor(report, query.pathway);
    if (expected === undefined || expected > max || report.spareCapacity <= 0) continue;
    const contact = contactFor(contacts, department, query.cancerType, query.pathway);
    hits.push({
      departmentId,
      departmentName: department.name,
      hospitalName: department.hospitalName,
      region: department.region,
      expectedDays: expected,
      spareCapacity: report.spareCapacity,
      week: report.week,
      stale: !slot.current,
      status: reportStatus(slot.current !== undefined, now, args.deadline),
      contact: contact
        ? {
            name: contact.name,
            title: contact.title,
            email: contact.email,
            phone: contact.phone,
            role: contact.role,
          }
        : undefined,
    });
  }
  return hits.sort(finderOrder(query.homeRegion));
}

/** What the finder ranks departments by (also the holiday plans' proposals). */
export interface FinderRanked {
  expectedDays: number;
  spareCapacity: number;
  region: string;
  departmentName: string;
}

/**
 * The finder's order: expected wait (shortest first), then spare capacity (most first), then
 * the patient's home region — only on a tie — then department name for a stable order.
 */
export function finderOrder(homeRegion?: string): (a: FinderRanked, b: FinderRanked) => number {
  return (a, b) =>
    a.expectedDays - b.expectedDays ||
    b.spareCapacity - a.spareCapacity ||
    Number(b.region === homeRegion) - Number(a.region === homeRegion) ||
    a.departmentName.localeCompare(b.departmentName, 'da');
}

// ---------------------------------------------------------------- escalation proposal

export interface EscalationSettings {
  /** Consecutive weeks above the maximum before a capacity problem is proposed. */
  weeks: number;
  /** Open the problem directly instead of proposing it. */
  auto: boolean;
}

export const DEFAULT_ESCALATION: EscalationSettings = { weeks: 2, auto: false };

export interface EscalationProposal {
  departmentId: string;
  cancerType: string;
  week: string;
  /** The pathways above the maximum in every one of the weeks. */
  pathways: Pathway[];
  weeks: string[];
  /** The latest reported waits of those pathways. */
  days: Partial<Record<Pathway, number>>;
}

/**
 * Proposes a capacity problem when a department's reported wait for a pathway has been above
 * its maximum in each of the last `settings.weeks` ISO weeks up to and including `week`
 * (a missing week breaks the run: no guessing from absent data).
 */
export function escalationProposal(
  history: WeeklyReport[],
  departmentId: string,
  cancerType: string,
  week: string,
  settings: EscalationSettings = DEFAULT_ESCALATION,
): EscalationProposal | undefined {
  const weeks = weekRange(week, Math.max(1, settings.weeks));
  const reports = weeks.map((w) =>
    history.find((r) => r.departmentId === departmentId && r.cancerType === cancerType && r.week === w),
  );
  if (reports.some((r) => r === undefined)) return undefined;
  const latest = reports[reports.length - 1] as WeeklyReport;
  const pathways = waits(latest)
    .map(([p]) => p)
    .filter((p) => reports.every((r) => (waitFor(r as WeeklyReport, p) ?? 0) > maxWaitFor(p)));
  if (pathways.length === 0) return undefined;
  const days: Partial<Record<Pathway, number>> = {};
  for (const p of pathways) days[p] = waitFor(latest, p);
  return { departmentId, cancerType, week, pathways, weeks, days };
}

/** The capacity-problem form's query string, pre-filled from a proposal. */
export function proposalQuery(proposal: EscalationProposal): string {
  const params = new URLSearchParams();
  params.set('departmentId', proposal.departmentId);
  params.set('cancerType', proposal.cancerType);
  if (proposal.pathways.includes('udredning')) params.append('pathwayTypes', 'udredning');
  const modalities = proposal.pathways.filter((p): p is TreatmentModality => p !== 'udredning');
  if (modalities.length > 0) params.append('pathwayTypes', 'behandling');
  for (const m of modalities) params.append('modalities', m);
  params.set('description', proposalDescription(proposal));
  return params.toString();
}

/** The proposal in one sentence: the problem's description in the pre-filled form (Danish) and in its e-mail. */
export function proposalDescription(proposal: WeeklyBasis, lang: Lang = 'da'): string {
  const parts = proposal.pathways.map(
    (p) => `${WAIT_PATHWAY_LIST.label(p, lang).toLowerCase()} ${daysText(proposal.days[p], lang)}`,
  );
  const weeks = proposal.weeks.map((w) => weekLabel(w, lang)).join(', ');
  return lang === 'en'
    ? `The weekly reports for ${weeks} show waiting times over the maximum: ${parts.join(', ')}.`
    : `Ugerapporterne for ${weeks} viser ventetider over maksimum: ${parts.join(', ')}.`;
}

/** The figures a problem the weekly exchange opened by itself is described from. */
export type WeeklyBasis = Pick<EscalationProposal, 'pathways' | 'weeks' | 'days'>;

/** The description of a problem the weekly exchange opened by itself, in the reader's language. */
export function weeklyBasisText(basis: WeeklyBasis, lang: Lang = 'da'): string {
  const note =
    lang === 'en'
      ? 'Opened automatically from the weekly report; the number of patients affected is not counted.'
      : 'Oprettet automatisk ud fra ugerapporten; antal berørte patienter er ikke opgjort.';
  return `${proposalDescription(basis, lang)} ${note}`;
}

/** "1 dag", "3 dage" ("1 day", "3 days"). */
export function daysText(n: number | undefined, lang: Lang = 'da'): string {
  if (lang === 'en') return `${n} ${n === 1 ? 'day' : 'days'}`;
  return `${n} ${n === 1 ? 'dag' : 'dage'}`;
}

/** "1 patient", "3 patienter" ("3 patients"). */
export function patientsText(n: number, lang: Lang = 'da'): string {
  if (lang === 'en') return `${n} ${n === 1 ? 'patient' : 'patients'}`;
  return `${n} ${n === 1 ? 'patient' : 'patienter'}`;
}

/** `2026-W47` → "uge 47 2026" ("week 47 2026"). */
export function weekLabel(week: string, lang: Lang = 'da'): string {
  const [year, w] = week.split('-W');
  return `${lang === 'en' ? 'week' : 'uge'} ${Number(w)} ${year}`;
}

/** Characters of an ISO week key: 2027-W27. */
export const WEEK_KEY_LENGTH = 8;

export function isWeekKey(value: string): boolean {
  return /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(value);
}

/** Departments treating a cancer type (from the reference data). */
export function departmentsTreating(cancerType: string): Department[] {
  return referenceData().departments.filter((d) => d.cancerTypes.includes(cancerType));
}

export { DIAGNOSTIC_MODALITIES };

// ---------------------------------------------------------------- follow-up figures

/** Weeks in a row over the maximum before a cancer type counts as under sustained pressure. */
export const SUSTAINED_PRESSURE_WEEKS = 3;

/** The weeks in which at least one department reported a wait above the maximum. */
export function weeksOverMaximum(reports: WeeklyReport[]): Set<string> {
  return new Set(reports.filter((r) => worstRatio(r) > 1).map((r) => r.week));
}

/** The longest run of consecutive `weeks` (ordered) that are in `marked`. */
export function longestRun(weeks: string[], marked: Set<string>): number {
  let best = 0;
  let run = 0;
  for (const week of weeks) {
    run = marked.has(week) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/**
 * Weeks in a row, counting back from `lastWeek`, in which a cancer type was reported and every
 * wait stayed within the maximum (the network's standby proposal).
 */
export function weeksWithinMaximum(reports: WeeklyReport[], lastWeek: string, lookBack: number): number {
  const over = weeksOverMaximum(reports);
  const reported = new Set(reports.map((r) => r.week));
  let weeks = 0;
  for (let i = 0; i < lookBack; i++) {
    const week = addWeeks(lastWeek, -i);
    if (!reported.has(week) || over.has(week)) break;
    weeks++;
  }
  return weeks;
}

/**
 * The quarter's weekly-exchange figures for the health directors: cancer types over the maximum
 * for at least {@link SUSTAINED_PRESSURE_WEEKS} weeks in a row, and per region the weekly reports
 * received against expected (one per department and week).
 */
export function quarterWeeklyFigures(args: {
  weeks: string[];
  reportsByCancerType: Map<string, WeeklyReport[]>;
  reportedByWeek: Map<string, Set<string>>;
  departments: { id: string; region: string }[];
}): {
  sustainedPressure: { cancerType: string; weeks: number }[];
  compliance: { region: string; received: number; expected: number }[];
} {
  const sustainedPressure = [...args.reportsByCancerType]
    .map(([cancerType, reports]) => ({
      cancerType,
      weeks: longestRun(args.weeks, weeksOverMaximum(reports)),
    }))
    .filter((p) => p.weeks >= SUSTAINED_PRESSURE_WEEKS)
    .sort((a, b) => b.weeks - a.weeks || a.cancerType.localeCompare(b.cancerType));
  const byRegion = new Map<string, { received: number; expected: number }>();
  for (const d of args.departments) {
    const row = byRegion.get(d.region) ?? { received: 0, expected: 0 };
    for (const week of args.weeks) {
      row.expected++;
      if (args.reportedByWeek.get(week)?.has(d.id)) row.received++;
    }
    byRegion.set(d.region, row);
  }
  const compliance = [...byRegion]
    .map(([region, r]) => ({ region, ...r }))
    .sort((a, b) => a.region.localeCompare(b.region));
  return { sustainedPressure, compliance };
}

// ---------------------------------------------------------------- overviews (shown by pages and e-mails)

export interface DepartmentRow {
  departmentId: string;
  departmentName: string;
  hospitalName: string;
  region: RegionId;
  udredning: boolean;
  modalities: string[];
  status: ReportStatus;
  /** This week's report, or the latest within the shown weeks when this week's is missing. */
  latest?: WeeklyReport;
  /** The report of the week before `latest`. */
  previous?: WeeklyReport;
  pressure: Pressure;
  /** Worst wait in days per shown week (undefined: no report). */
  trend: (number | undefined)[];
}

export interface CancerOverview {
  cancerType: string;
  week: string;
  weeks: string[];
  rows: DepartmentRow[];
}

export interface RegionCell {
  region: RegionId;
  pressure: Pressure;
  departments: number;
  over: number;
  overdue: number;
  /** Worst wait per shown week in the region. */
  trend: (number | undefined)[];
}

export interface NationalRow {
  cancerType: string;
  name: string;
  pressure: Pressure;
  cells: RegionCell[];
}

export interface NationalOverview {
  week: string;
  weeks: string[];
  rows: NationalRow[];
}

// ---------------------------------------------------------------- week summaries (national overview)

/**
 * What the national overview shows of one department's report in a week: its pressure (which
 * also says whether it is over the maximum) and its worst wait. Kept per cancer type and week
 * beside the reports (maintained when a report is stored, weekly-summaries.ts), so the overview
 * reads one small item per cancer type and week instead of every report.
 */
export interface WeekSummary {
  pressure: Exclude<Pressure, 'missing'>;
  /** Worst wait in days (undefined: no wait reported). */
  worstDays?: number;
}

/** A summary with its report's submission time: an older report never replaces a newer summary. */
export interface TimedWeekSummary extends WeekSummary {
  submittedAt: string;
}

export function weekSummaryOf(report: WeeklyReport): TimedWeekSummary {
  const all = [report.udredningDays, ...Object.values(report.treatmentDays ?? {})].filter(
    (d): d is number => typeof d === 'number',
  );
  return {
    pressure: pressureOfRatio(worstRatio(report)),
    ...(all.length > 0 ? { worstDays: Math.max(...all) } : {}),
    submittedAt: report.submittedAt,
  };
}

/** One department of a national row: its region and the figures of the shown weeks. */
export interface RegionRowInput {
  region: RegionId;
  pressure: Pressure;
  /** Its latest report within the shown weeks is over the maximum. */
  over: boolean;
  status: ReportStatus;
  trend: (number | undefined)[];
}

/** The largest value of each week across the series (undefined where none has one). */
function worstPerWeek(weeks: number, series: (number | undefined)[][]): (number | undefined)[] {
  const worst: (number | undefined)[] = new Array(weeks).fill(undefined);
  for (const values of series)
    for (let i = 0; i < weeks; i++) {
      const v = values[i];
      const w = worst[i];
      if (v !== undefined && (w === undefined || v > w)) worst[i] = v;
    }
  return worst;
}

/** A cancer type's row: each region's cell takes its worst department (where it hurts). */
export function nationalRowOf(
  cancerType: string,
  name: string,
  weeks: string[],
  departments: RegionRowInput[],
): NationalRow {
  const cells = REGION_IDS.map((region): RegionCell => {
    const rows = departments.filter((r) => r.region === region);
    return {
      region,
      pressure: worstPressure(rows.map((r) => r.pressure)),
      departments: rows.length,
      over: rows.filter((r) => r.over).length,
      overdue: rows.filter((r) => r.status === 'overdue').length,
      trend: worstPerWeek(
        weeks.length,
        rows.map((r) => r.trend),
      ),
    };
  });
  return { cancerType, name, pressure: worstPressure(cells.map((c) => c.pressure)), cells };
}

/**
 * A cancer type's national row from week summaries: `summaries` maps a week to the summaries of
 * that week's reports by department.
 */
export function nationalRowFromSummaries(
  cancerType: { id: string; name: string },
  departments: { id: string; region: RegionId; cancerTypes: string[] }[],
  weeks: string[],
  summaries: Map<string, Map<string, WeekSummary>>,
  now: Date,
  deadline: DeadlineSettings,
): NationalRow {
  const byWeek = weeks.map((w) => summaries.get(w));
  const current = reportStatus(true, now, deadline);
  const missing = reportStatus(false, now, deadline);
  const rows = departments
    .filter((d) => d.cancerTypes.includes(cancerType.id))
    .map((d): RegionRowInput => {
      const series = byWeek.map((m) => m?.get(d.id));
      const latest = series.findLast((s) => s !== undefined);
      return {
        region: d.region,
        pressure: latest ? latest.pressure : 'missing',
        over: latest !== undefined && PRESSURE_RANK[latest.pressure] > PRESSURE_RANK.tight,
        status: series[series.length - 1] !== undefined ? current : missing,
        trend: series.map((s) => s?.worstDays),
      };
    });
  return nationalRowOf(cancerType.id, cancerType.name, weeks, rows);
}
