/**
 * Use cases of the weekly waiting-time exchange: submit (one or many departments), the overview
 * per cancer type and nationally, the capacity finder, the escalation proposal, and the weekly
 * reminder and overview e-mails.
 */

import { currentTime } from '#adapters/deps.ts';
import { mailer } from '#adapters/mailer.ts';
import { METRIC } from '#adapters/metric-names.ts';
import { listContacts, listExternalProviders } from '#adapters/store.ts';
import { count, logger } from '#adapters/telemetry.ts';
import {
  listWeeklyReports,
  listWeekSummaries,
  putWeeklyReport,
  reportedDepartments,
  sendOnceThisWeek,
} from '#adapters/weekly-store.ts';
import { inBatches } from '#domain/batches.ts';
import type { ExternalHit } from '#domain/external-providers.ts';
import type { Problem } from '#domain/problem.ts';
import {
  type Contact,
  type Department,
  findDepartment,
  REGION_IDS,
  type RegionId,
  referenceData,
} from '#domain/reference.ts';
import { isoWeekKey, weekStart } from '#domain/time.ts';
import {
  addWeeks,
  type CancerOverview,
  DEFAULT_ESCALATION,
  type DeadlineSettings,
  type DepartmentRow,
  type EscalationProposal,
  type EscalationSettings,
  escalationProposal,
  type FinderHit,
  type FinderQuery,
  type FinderSection,
  findCapacity,
  type NationalOverview,
  nationalRowFromSummaries,
  type Pathway,
  parseDeadline,
  pressureOf,
  quarterWeeklyFigures,
  reportStatus,
  type WeeklyReport,
  type WeeklySubmission,
  weekRange,
  weeksWithinMaximum,
} from '#domain/weekly.ts';
import { phrase } from '#web/i18n/phrase.ts';

export type {
  CancerOverview,
  DepartmentRow,
  NationalOverview,
  NationalRow,
  RegionCell,
} from '#domain/weekly.ts';

import { weeklyOverviewEmail, weeklyProposalEmail, weeklyReminderEmail } from '#web/weekly-emails.ts';
import { mayReportWeeklyFor } from './access.ts';
import { type Actor, ForbiddenError } from './actors.ts';
import { userFromContact } from './auth.ts';
import { externalFinderHits } from './external-providers.ts';
import { reportProblem } from './problems.ts';

export interface WeeklySettings {
  deadline: DeadlineSettings;
  escalation: EscalationSettings;
}

/** From the environment: WEEKLY_DEADLINE (2,12:00), WAIT_ESCALATION_WEEKS (2), AUTO_ESCALATE (false). */
export function weeklySettings(): WeeklySettings {
  const weeks = Number(process.env.WAIT_ESCALATION_WEEKS ?? DEFAULT_ESCALATION.weeks);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 12)
    throw new Error('WAIT_ESCALATION_WEEKS must be a whole number from 1 to 12');
  return {
    deadline: parseDeadline(process.env.WEEKLY_DEADLINE),
    escalation: { weeks, auto: process.env.AUTO_ESCALATE === 'true' },
  };
}

export function weeklyDepartmentsFor(actor: Actor) {
  return referenceData()
    .departments.filter((d) => mayReportWeeklyFor(actor, d.id))
    .map((d) => findDepartment(d.id))
    .filter((d): d is NonNullable<typeof d> => d !== undefined);
}

export interface SubmitResult {
  departmentId: string;
  week: string;
  replaced: boolean;
  proposals: EscalationProposal[];
  /** Problems opened directly (AUTO_ESCALATE=true). */
  opened: { problemId: string; ref: string; cancerType: string }[];
}

/**
 * Stores the current week's reports of one or many departments. Every department is validated
 * and authorised before anything is written, so a refused call writes nothing; a call that fails
 * midway (a timeout) can simply be repeated, since a report replaces the week's earlier one.
 */
export async function submitWeekly(submissions: WeeklySubmission[], actor: Actor): Promise<SubmitResult[]> {
  for (const s of submissions) {
    if (!mayReportWeeklyFor(actor, s.departmentId))
      throw new ForbiddenError(phrase('error.weekly.notYourDepartment', { department: s.departmentId }));
  }
  const now = currentTime();
  const week = isoWeekKey(now);
  const settings = weeklySettings();
  const results: SubmitResult[] = [];
  for (const s of submissions) {
    const department = findDepartment(s.departmentId);
    if (!department) continue;
    let replaced = false;
    for (const entry of s.entries) {
      const r = await putWeeklyReport({
        ...entry,
        departmentId: s.departmentId,
        week,
        region: department.region,
        submittedAt: now.toISOString(),
        submittedBy: actor.email,
      });
      replaced ||= r.replaced;
      count(METRIC.weeklyReportsReceived);
    }
    const proposals: EscalationProposal[] = [];
    for (const entry of s.entries) {
      const history = await listWeeklyReports(
        entry.cancerType,
        addWeeks(week, -(settings.escalation.weeks - 1)),
        week,
      );
      const proposal = escalationProposal(
        history,
        s.departmentId,
        entry.cancerType,
        week,
        settings.escalation,
      );
      if (proposal) proposals.push(proposal);
    }
    const opened = settings.escalation.auto ? await openProblems(proposals) : await mailProposals(proposals);
    results.push({ departmentId: s.departmentId, week, replaced, proposals, opened });
  }
  return results;
}

/**
 * The proposal also goes by e-mail to the department's coordinator (a regional system's bulk
 * call shows no receipt page), once per department, cancer type and week.
 */
async function mailProposals(proposals: EscalationProposal[]): Promise<SubmitResult['opened']> {
  if (proposals.length === 0) return [];
  const contacts = await listContacts();
  for (const p of proposals) {
    for (const contact of departmentContacts(contacts, p.departmentId)) {
      await sendOnceThisWeek(p.week, `proposal#${contact.email}#${p.departmentId}#${p.cancerType}`, () =>
        mailer().send({
          to: contact.email,
          ...weeklyProposalEmail(p, contact.language),
          purpose: 'weekly-proposal',
        }),
      );
    }
  }
  return [];
}

/**
 * AUTO_ESCALATE: opens the proposed problems in the department's name (its coordinator is the
 * reporter and gets the receipt). The submission key is the department, cancer type and week,
 * so a corrected report in the same week does not open a second problem.
 */
async function openProblems(proposals: EscalationProposal[]): Promise<SubmitResult['opened']> {
  if (proposals.length === 0) return [];
  const contacts = await listContacts();
  const opened: SubmitResult['opened'] = [];
  for (const p of proposals) {
    const contact = contacts.find((c) => c.role === 'department' && c.department === p.departmentId);
    if (!contact) continue;
    const reporter: Actor = { ...userFromContact(contact), via: 'token' };
    const modalities = p.pathways.filter((x): x is Exclude<Pathway, 'udredning'> => x !== 'udredning');
    const { problem } = await reportProblem(
      {
        departmentId: p.departmentId,
        cancerType: p.cancerType,
        pathwayTypes: [
          ...(p.pathways.includes('udredning') ? (['udredning'] as const) : []),
          ...(modalities.length > 0 ? (['behandling'] as const) : []),
        ],
        modalities,
        // The weekly figures give waits, not head counts: one patient is the least that is at risk.
        patientsAtRisk: 1,
        from: currentTime().toISOString().slice(0, 10),
        longLasting: false,
        scope: 'hospital',
        description: '',
        // Described from these in each reader's language (problem-facts.ts).
        weeklyBasis: { pathways: p.pathways, weeks: p.weeks, days: p.days },
      },
      reporter,
      `weekly-${p.departmentId}-${p.cancerType}-${p.week}`,
    );
    opened.push({ problemId: problem.id, ref: problem.ref, cancerType: p.cancerType });
  }
  return opened;
}

// ---------------------------------------------------------------- overviews

function worstDays(r: WeeklyReport | undefined): number | undefined {
  if (!r) return undefined;
  const all = [r.udredningDays, ...Object.values(r.treatmentDays ?? {})].filter(
    (d): d is number => typeof d === 'number',
  );
  return all.length > 0 ? Math.max(...all) : undefined;
}

export type LocatedDepartment = Department & { hospitalName: string; region: RegionId };

/** The reference data's departments with hospital name and region. */
export function locatedDepartments(): LocatedDepartment[] {
  return referenceData()
    .departments.map((d) => findDepartment(d.id))
    .filter((d): d is LocatedDepartment => d !== undefined);
}

export function buildCancerOverview(
  cancerType: string,
  reports: WeeklyReport[],
  weeks: string[],
  now: Date,
  deadline = weeklySettings().deadline,
  departments: LocatedDepartment[] = locatedDepartments(),
): CancerOverview {
  const week = weeks[weeks.length - 1] as string;
  const byKey = new Map(reports.map((r) => [`${r.week}#${r.departmentId}`, r]));
  const rows: DepartmentRow[] = [];
  for (const department of departments) {
    const d = department;
    if (!d.cancerTypes.includes(cancerType)) continue;
    const series = weeks.map((w) => byKey.get(`${w}#${d.id}`));
    const current = series[series.length - 1];
    let latestIndex = -1;
    for (let i = series.length - 1; i >= 0; i--)
      if (series[i]) {
        latestIndex = i;
        break;
      }
    const latest = latestIndex >= 0 ? series[latestIndex] : undefined;
    rows.push({
      departmentId: d.id,
      departmentName: department.name,
      hospitalName: department.hospitalName,
      region: department.region,
      udredning: d.udredning,
      modalities: d.modalities,
      status: reportStatus(current !== undefined, now, deadline),
      latest,
      previous: latestIndex > 0 ? series[latestIndex - 1] : undefined,
      pressure: pressureOf(latest),
      trend: series.map(worstDays),
    });
  }
  rows.sort(
    (a, b) =>
      REGION_IDS.indexOf(a.region) - REGION_IDS.indexOf(b.region) ||
      a.hospitalName.localeCompare(b.hospitalName, 'da') ||
      a.departmentName.localeCompare(b.departmentName, 'da'),
  );
  return { cancerType, week, weeks, rows };
}

/** One cancer type over the last `count` weeks: one Query. */
export async function cancerOverview(cancerType: string, count = 8): Promise<CancerOverview> {
  const now = currentTime();
  const weeks = weekRange(isoWeekKey(now), count);
  const reports = await listWeeklyReports(cancerType, weeks[0] as string, weeks[weeks.length - 1] as string);
  return buildCancerOverview(cancerType, reports, weeks, now);
}

/**
 * Every cancer type × region from the week summaries (maintained when reports are stored): one
 * Query over the shown weeks, whatever the number of departments.
 */
export async function nationalOverview(
  count = 8,
  cancerTypes: { id: string; name: string }[] = referenceData().cancerTypes,
  departments: LocatedDepartment[] = locatedDepartments(),
): Promise<NationalOverview> {
  const now = currentTime();
  const weeks = weekRange(isoWeekKey(now), count);
  const deadline = weeklySettings().deadline;
  const summaries = await listWeekSummaries(weeks[0] as string, weeks[weeks.length - 1] as string);
  const rows = cancerTypes.map((c) =>
    nationalRowFromSummaries(c, departments, weeks, summaries.get(c.id) ?? new Map(), now, deadline),
  );
  return { week: weeks[weeks.length - 1] as string, weeks, rows };
}

// ---------------------------------------------------------------- finder

/**
 * Public departments that can start in time; when there are none, the external providers with a
 * valid agreement (`external`, listed after them and marked as such).
 */
export async function capacityFinder(
  query: FinderQuery,
): Promise<{ week: string; hits: FinderHit[]; external: ExternalHit[] }> {
  const now = currentTime();
  const week = isoWeekKey(now);
  const [reports, contacts] = await Promise.all([
    listWeeklyReports(query.cancerType, addWeeks(week, -1), week),
    listContacts(),
  ]);
  const hits = findCapacity({ query, reports, contacts, now, deadline: weeklySettings().deadline });
  const external = await externalFinderHits({
    publicHits: hits.length,
    cancerType: query.cancerType,
    pathway: query.pathway,
  });
  return { week, hits, external };
}

/**
 * The finder's answer for a capacity problem, per pathway, for the level 1–2 escalation e-mails
 * (each written in its recipient's language): three reads for all the problem's pathways;
 * external providers only where no public department can start in time. A failure here must not
 * hold up the escalation, so it is logged and the e-mail goes without the answer.
 */
export async function finderAnswerFor(problem: Problem, contacts?: Contact[]): Promise<FinderSection[]> {
  try {
    return await finderAnswer(problem, contacts);
  } catch (error) {
    logger.error('capacity finder failed', { problemId: problem.id, error });
    return [];
  }
}

async function finderAnswer(problem: Problem, knownContacts?: Contact[]): Promise<FinderSection[]> {
  const pathways: Pathway[] = [
    ...(problem.pathwayTypes.includes('udredning') ? (['udredning'] as const) : []),
    ...problem.modalities,
  ];
  const now = currentTime();
  const week = isoWeekKey(now);
  const [reports, contacts, providers] = await Promise.all([
    listWeeklyReports(problem.cancerType, addWeeks(week, -1), week),
    knownContacts ?? listContacts(),
    listExternalProviders(),
  ]);
  const deadline = weeklySettings().deadline;
  const sections: FinderSection[] = [];
  for (const pathway of pathways) {
    const query = { cancerType: problem.cancerType, pathway, homeRegion: problem.region as RegionId };
    const hits = findCapacity({ query, reports, contacts, now, deadline });
    const others = hits.filter((h) => h.departmentId !== problem.departmentId).slice(0, 3);
    const external = await externalFinderHits({
      publicHits: others.length,
      cancerType: problem.cancerType,
      pathway,
      providers,
    });
    sections.push({ pathway, hits: others, external: external.slice(0, 3) });
  }
  return sections;
}

// ---------------------------------------------------------------- jobs

function departmentContacts(contacts: Contact[], departmentId: string): Contact[] {
  return contacts.filter((c) => c.role === 'department' && c.department === departmentId);
}

/** A batch of departments to remind: one work unit of the weekly-reminder job. */
export interface WeeklyReminderUnit {
  week: string;
  departments: string[];
}

/** At most this many departments per unit, so one invocation's mail stays small. */
const DEPARTMENTS_PER_UNIT = 25;

/** Weekly: the departments without a report for the ISO week, in batches. */
export async function weeklyReminderUnits(): Promise<WeeklyReminderUnit[]> {
  const week = isoWeekKey(currentTime());
  const reported = await reportedDepartments(week);
  const missing = referenceData()
    .departments.filter((d) => !reported.has(d.id))
    .map((d) => d.id);
  return inBatches(missing, DEPARTMENTS_PER_UNIT).map((departments) => ({ week, departments }));
}

/** Reminds each contact of the unit's departments, once per week whatever the retries. */
export async function sendWeeklyReminderUnit(
  unit: WeeklyReminderUnit,
): Promise<{ week: string; sent: number; departments: number }> {
  const now = currentTime();
  const { week } = unit;
  const contacts = await listContacts();
  const deadline = weeklySettings().deadline;
  let sent = 0;
  for (const departmentId of unit.departments) {
    for (const contact of departmentContacts(contacts, departmentId)) {
      const mail = weeklyReminderEmail({
        recipientName: contact.name,
        departmentId,
        week,
        now,
        deadline,
        lang: contact.language,
      });
      const first = await sendOnceThisWeek(week, `reminder#${contact.email}#${departmentId}`, () =>
        mailer().send({ to: contact.email, ...mail, purpose: 'weekly-reminder' }),
      );
      if (first) sent++;
    }
  }
  return { week, sent, departments: unit.departments.length };
}

/** One cancer type's overview to the departments treating it: a work unit of the weekly-overview job. */
export interface WeeklyOverviewUnit {
  week: string;
  cancerType: string;
}

/** Weekly: every cancer type some department treats. */
export async function weeklyOverviewUnits(): Promise<WeeklyOverviewUnit[]> {
  const now = currentTime();
  const week = isoWeekKey(now);
  if (reportStatus(false, now, weeklySettings().deadline) === 'overdue') {
    const reported = await reportedDepartments(week);
    count(METRIC.weeklyReportsOverdue, referenceData().departments.filter((d) => !reported.has(d.id)).length);
  }
  const treated = new Set(referenceData().departments.flatMap((d) => d.cancerTypes));
  return referenceData()
    .cancerTypes.filter((c) => treated.has(c.id))
    .map((c) => ({ week, cancerType: c.id }));
}

/** E-mails the cancer type's overview to every department treating it, once per week. */
export async function sendWeeklyOverviewUnit(
  unit: WeeklyOverviewUnit,
): Promise<{ week: string; sent: number }> {
  const { week, cancerType } = unit;
  const contacts = await listContacts();
  const overview = await cancerOverview(cancerType, 2);
  const mails = { da: weeklyOverviewEmail(overview, 'da'), en: weeklyOverviewEmail(overview, 'en') };
  let sent = 0;
  for (const d of referenceData().departments.filter((d) => d.cancerTypes.includes(cancerType))) {
    for (const contact of departmentContacts(contacts, d.id)) {
      const first = await sendOnceThisWeek(week, `overview#${contact.email}#${cancerType}`, () =>
        mailer().send({ to: contact.email, ...mails[contact.language ?? 'da'], purpose: 'weekly-overview' }),
      );
      if (first) sent++;
    }
  }
  return { week, sent };
}

// ---------------------------------------------------------------- figures for follow-up

/** The weekly-exchange figures of a quarter (weeks whose Monday falls in [from, to), up to now). */
export async function quarterFigures(range: { from: Date; to: Date }) {
  const now = currentTime();
  const end = range.to < now ? range.to : now;
  const weeks: string[] = [];
  for (let week = isoWeekKey(range.from); weekStart(week) < end; week = addWeeks(week, 1)) {
    if (weekStart(week) >= range.from) weeks.push(week);
  }
  if (weeks.length === 0) return undefined;
  const first = weeks[0] as string;
  const last = weeks[weeks.length - 1] as string;
  const cancerTypes = referenceData().cancerTypes.map((c) => c.id);
  const [reports, reported] = await Promise.all([
    Promise.all(cancerTypes.map(async (ct) => [ct, await listWeeklyReports(ct, first, last)] as const)),
    Promise.all(weeks.map(async (w) => [w, await reportedDepartments(w)] as const)),
  ]);
  return quarterWeeklyFigures({
    weeks,
    reportsByCancerType: new Map(reports.filter(([, list]) => list.length > 0)),
    reportedByWeek: new Map(reported),
    departments: locatedDepartments(),
  });
}

/** Weeks in a row up to last week with every wait of the cancer type within the maximum. */
export async function weeksWithinMaximumFor(cancerType: string, now: Date, lookBack = 26): Promise<number> {
  const lastWeek = addWeeks(isoWeekKey(now), -1);
  return weeksWithinMaximum(
    await listWeeklyReports(cancerType, addWeeks(lastWeek, -(lookBack - 1)), lastWeek),
    lastWeek,
    lookBack,
  );
}
