/** Pages of the weekly exchange: report form and receipt, overviews, capacity finder. */

import { currentTime } from '#adapters/deps.ts';
import { listWeeklyReports, weeklyHistory } from '#adapters/weekly-store.ts';
import { cancerTypeLabel, findDepartment, referenceData } from '#domain/reference.ts';
import { regionIdSchema } from '#domain/schemas/reference.ts';
import {
  pathErrors,
  pathwaySchema,
  weeklyEntrySchema,
  weeklySubmissionSchema,
} from '#domain/schemas/weekly.ts';
import { isoWeekKey } from '#domain/time.ts';
import { addWeeks, deadlineOf, escalationProposal, type WeeklySubmission } from '#domain/weekly.ts';
import { html } from '#web/html.ts';
import { type Lang, t, translator } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { notice } from '#web/layout.ts';
import { localizeErrors } from '#web/validation.ts';
import {
  cancerPage,
  type FormValues,
  finderPage,
  nationalPage,
  weeklyForm,
  weeklyReceipt,
} from '#web/views/weekly-pages.ts';
import { mayReportFor } from '../../services/access.ts';
import { externalProviders } from '../../services/external-providers.ts';
import { holidayWeekPlan } from '../../services/holiday.ts';
import { recentReferralWeeks } from '../../services/referrals.ts';
import {
  cancerOverview,
  capacityFinder,
  nationalOverview,
  submitWeekly,
  weeklyDepartmentsFor,
  weeklySettings,
} from '../../services/weekly.ts';
import { asString, fromForm, parseForm, toForm } from '../forms.ts';
import { checkCsrf, requireActor } from '../identity.ts';
import { closedPaths, page } from '../page-context.ts';
import { redirect } from '../respond.ts';
import { HttpError, type Request, type RouteHandlers } from '../types.ts';

/**
 * Form fields `<cancerType>.<field>[.<modality>]` → the submission the JSON API takes: one entry
 * per cancer type of the department, each read through the entry schema.
 */
export function submissionFromForm(form: FormValues, departmentId: string): unknown {
  const department = findDepartment(departmentId);
  return {
    departmentId,
    entries: (department?.cancerTypes ?? []).map((ct) => ({
      ...fromForm(weeklyEntrySchema, form, ct),
      cancerType: ct,
    })),
  };
}

/** `entries.1.udredningDays` → `<cancerType>.udredningDays`, the form's field names. */
function formErrors(errors: Record<string, string>, cancerTypes: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^entries\.(\d+)\.(.+)$/.exec(key);
    const ct = m ? cancerTypes[Number(m[1])] : undefined;
    out[ct && m ? `${ct}.${m[2]}` : key] = message;
  }
  return out;
}

/** The stored figures as form values, so a correction starts from what was reported. */
function valuesFrom(reports: Awaited<ReturnType<typeof listWeeklyReports>>): FormValues {
  const values: FormValues = {};
  for (const r of reports) Object.assign(values, toForm(weeklyEntrySchema, r, r.cancerType));
  return values;
}

async function currentReports(departmentId: string, week: string) {
  const department = findDepartment(departmentId);
  const lists = await Promise.all(
    (department?.cancerTypes ?? []).map((ct) => listWeeklyReports(ct, week, week)),
  );
  return lists.flat().filter((r) => r.departmentId === departmentId);
}

function chooseDepartment(req: Request, wanted: string | undefined) {
  const actor = requireActor(req);
  const departments = weeklyDepartmentsFor(actor);
  const department =
    departments.find((d) => d.id === wanted) ??
    departments.find((d) => d.id === actor.department) ??
    departments[0];
  return { departments, department };
}

async function showForm(req: Request) {
  const { departments, department } = chooseDepartment(req, req.query.get('afdeling') ?? undefined);
  const tr = translator(req.lang);
  if (!department) {
    return page(
      req,
      tr('weekly.title'),
      html`<h1>${tr('weekly.title')}</h1>${notice('info', tr('weekly.notAllowed'), tr('weekly.notAllowedText'))}`,
      403,
    );
  }
  const now = currentTime();
  const week = isoWeekKey(now);
  const reports = await currentReports(department.id, week);
  const values = valuesFrom(reports);
  return page(
    req,
    tr('weekly.title'),
    weeklyForm({
      department,
      departments,
      week,
      deadline: deadlineOf(week, weeklySettings().deadline),
      values,
      errors: {},
      csrf: req.csrf ?? '',
      prefilledFrom: reports
        .map((r) => r.submittedAt)
        .sort()
        .at(-1),
      now,
      lang: req.lang,
    }),
  );
}

async function submitForm(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const { departments, department } = chooseDepartment(req, asString(form.departmentId));
  if (!department || department.id !== asString(form.departmentId))
    throw new HttpError(403, phrase('weekly.notForDepartment'));
  const parsed = weeklySubmissionSchema.safeParse(submissionFromForm(form, department.id));
  if (!parsed.success) {
    const week = isoWeekKey(currentTime());
    return page(
      req,
      t(req.lang, 'weekly.errorTitle'),
      weeklyForm({
        department,
        departments,
        week,
        deadline: deadlineOf(week, weeklySettings().deadline),
        values: form,
        errors: localizeErrors(formErrors(pathErrors(parsed.error), department.cancerTypes), req.lang),
        csrf: req.csrf ?? '',
        now: currentTime(),
        lang: req.lang,
      }),
      400,
    );
  }
  const [result] = await submitWeekly([parsed.data as WeeklySubmission], actor);
  const opened = (result?.opened ?? []).map((o) => `&sag=${o.problemId}`).join('');
  return redirect(`/ugerapport/kvittering?afdeling=${department.id}${opened}`);
}

async function receipt(req: Request) {
  const { department } = chooseDepartment(req, req.query.get('afdeling') ?? undefined);
  if (!department) throw new HttpError(403, phrase('weekly.notYourReport'));
  const week = isoWeekKey(currentTime());
  const settings = weeklySettings().escalation;
  const [reports, history] = await Promise.all([
    currentReports(department.id, week),
    weeklyHistory(department.id, week),
  ]);
  const proposals = [];
  for (const ct of department.cancerTypes) {
    const span = await listWeeklyReports(ct, addWeeks(week, -(settings.weeks - 1)), week);
    const p = escalationProposal(span, department.id, ct, week, settings);
    if (p) proposals.push(p);
  }
  const opened = req.query
    .getAll('sag')
    .filter((id) => /^[0-9A-Z]{10}$/.test(id))
    .map((id) => ({ id }));
  return page(
    req,
    t(req.lang, 'weekly.savedTitle'),
    weeklyReceipt({
      department,
      week,
      reports,
      history,
      proposals: settings.auto ? [] : proposals,
      opened,
      mayReport: req.actor ? mayReportFor(req.actor, department.id) : false,
      lang: req.lang,
    }),
  );
}

async function national(req: Request) {
  requireActor(req);
  const [overview, referrals] = await Promise.all([nationalOverview(), recentReferralWeeks()]);
  return page(
    req,
    t(req.lang, 'weekly.national.title'),
    nationalPage(
      overview,
      req.lang,
      { ...referrals, mayRecord: !closedPaths(req.actor).includes('/henvisninger') },
      !closedPaths(req.actor).includes('/ugerapport'),
    ),
  );
}

async function perCancer(req: Request) {
  requireActor(req);
  const cancerType = req.params.cancerType ?? '';
  if (!referenceData().cancerTypes.some((c) => c.id === cancerType))
    throw new HttpError(404, phrase('weekly.cancer.unknown'));
  const [overview, plan, referrals] = await Promise.all([
    cancerOverview(cancerType),
    holidayWeekPlan(isoWeekKey(currentTime())),
    recentReferralWeeks(),
  ]);
  return page(
    req,
    t(req.lang, 'weekly.cancer.heading', { name: cancerTypeLabel(cancerType, req.lang) }),
    cancerPage(overview, req.lang, plan, {
      ...referrals,
      mayRecord: !closedPaths(req.actor).includes('/henvisninger'),
    }),
  );
}

/** Query-string input of the finder (page and API), validated with messages in Danish or English. */
export function finderInput(query: URLSearchParams, fallbackRegion?: string, lang: Lang = 'da') {
  const raw = {
    cancerType: query.get('cancerType') ?? undefined,
    pathway: query.get('pathway') ?? undefined,
    region: query.get('region') ?? fallbackRegion,
  };
  const errors: Record<string, string> = {};
  if (!raw.cancerType || !referenceData().cancerTypes.some((c) => c.id === raw.cancerType))
    errors.cancerType = t(lang, 'finder.error.cancerType');
  const pathway = pathwaySchema.safeParse(raw.pathway);
  if (!pathway.success) errors.pathway = t(lang, 'finder.error.pathway');
  const region = regionIdSchema.safeParse(raw.region);
  if (!region.success) errors.region = t(lang, 'finder.error.region');
  if (Object.keys(errors).length > 0 || !pathway.success || !region.success || !raw.cancerType)
    return { raw, errors };
  return {
    raw,
    errors,
    query: { cancerType: raw.cancerType, pathway: pathway.data, homeRegion: region.data },
  };
}

async function finder(req: Request) {
  const actor = requireActor(req);
  const asked = req.query.has('cancerType');
  const { lang } = req;
  const input = finderInput(req.query, actor.region, lang);
  const externalCancerTypes = (await externalProviders()).flatMap((p) => p.cancerTypes);
  const title = t(lang, 'finder.title');
  if (!asked)
    return page(req, title, finderPage({ query: input.raw, errors: {}, externalCancerTypes, lang }));
  if (!input.query)
    return page(
      req,
      title,
      finderPage({ query: input.raw, errors: input.errors, externalCancerTypes, lang }),
      400,
    );
  const result = await capacityFinder(input.query);
  return page(req, title, finderPage({ query: input.raw, errors: {}, result, externalCancerTypes, lang }));
}

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const weeklyPageHandlers = {
  showForm,
  submitForm,
  receipt,
  national,
  perCancer,
  finder,
} satisfies RouteHandlers;
