/** Pages of the weekly exchange: report form and receipt, overviews, capacity finder. */

import { currentTime } from '#adapters/deps.ts';
import { listWeeklyReports, weeklyHistory } from '#adapters/weekly-store.ts';
import { findDepartment, referenceData, regionIdSchema } from '#domain/reference.ts';
import { isoWeekKey } from '#domain/time.ts';
import {
  addWeeks,
  deadlineOf,
  escalationProposal,
  pathErrors,
  pathwaySchema,
  type WeeklySubmission,
  weeklyEntrySchema,
  weeklySubmissionSchema,
} from '#domain/weekly.ts';
import { html } from '#web/html.ts';
import { notice } from '#web/layout.ts';
import {
  cancerPage,
  type FormValues,
  finderPage,
  nationalPage,
  weeklyForm,
  weeklyReceipt,
} from '#web/views/weekly-pages.ts';
import { externalProviders } from '../../services/external-providers.ts';
import { holidayWeekPlan } from '../../services/holiday.ts';
import { mayReportFor } from '../../services/problems.ts';
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
import { page } from '../page-context.ts';
import { redirect } from '../respond.ts';
import { HttpError, type Request, type Route } from '../types.ts';

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
  if (!department) {
    return page(
      req,
      'Ugerapport',
      html`<h1>Ugerapport</h1>${notice('info', 'Du kan ikke indberette ugetal', 'Ugerapporten indberettes af afdelinger, deres hospitalsledelse, regionens primærindgang eller Specialenheden.')}`,
      403,
    );
  }
  const now = currentTime();
  const week = isoWeekKey(now);
  const reports = await currentReports(department.id, week);
  const values = valuesFrom(reports);
  return page(
    req,
    'Ugerapport',
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
    }),
  );
}

async function submitForm(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const { departments, department } = chooseDepartment(req, asString(form.departmentId));
  if (!department || department.id !== asString(form.departmentId))
    throw new HttpError(403, 'Du kan ikke indberette ugetal for denne afdeling.');
  const parsed = weeklySubmissionSchema.safeParse(submissionFromForm(form, department.id));
  if (!parsed.success) {
    const week = isoWeekKey(currentTime());
    return page(
      req,
      'Fejl i ugerapporten',
      weeklyForm({
        department,
        departments,
        week,
        deadline: deadlineOf(week, weeklySettings().deadline),
        values: form,
        errors: formErrors(pathErrors(parsed.error), department.cancerTypes),
        csrf: req.csrf ?? '',
        now: currentTime(),
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
  if (!department) throw new HttpError(403, 'Du kan ikke se denne afdelings ugerapport.');
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
    'Ugerapport gemt',
    weeklyReceipt({
      department,
      week,
      reports,
      history,
      proposals: settings.auto ? [] : proposals,
      opened,
      mayReport: req.actor ? mayReportFor(req.actor, department.id) : false,
    }),
  );
}

async function national(req: Request) {
  requireActor(req);
  return page(req, 'Ventetider', nationalPage(await nationalOverview()));
}

async function perCancer(req: Request) {
  requireActor(req);
  const cancerType = req.params.cancerType ?? '';
  if (!referenceData().cancerTypes.some((c) => c.id === cancerType))
    throw new HttpError(404, 'Kræftformen findes ikke.');
  const [overview, plan] = await Promise.all([
    cancerOverview(cancerType),
    holidayWeekPlan(isoWeekKey(currentTime())),
  ]);
  return page(req, 'Ventetider', cancerPage(overview, plan));
}

/** Query-string input of the finder (page and API), validated with Danish messages. */
export function finderInput(query: URLSearchParams, fallbackRegion?: string) {
  const raw = {
    cancerType: query.get('cancerType') ?? undefined,
    pathway: query.get('pathway') ?? undefined,
    region: query.get('region') ?? fallbackRegion,
  };
  const errors: Record<string, string> = {};
  if (!raw.cancerType || !referenceData().cancerTypes.some((c) => c.id === raw.cancerType))
    errors.cancerType = 'Vælg en kræftform fra listen.';
  const pathway = pathwaySchema.safeParse(raw.pathway);
  if (!pathway.success) errors.pathway = 'Vælg udredning eller en behandlingsform.';
  const region = regionIdSchema.safeParse(raw.region);
  if (!region.success) errors.region = 'Vælg patientens bopælsregion.';
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
  const input = finderInput(req.query, actor.region);
  const externalCancerTypes = (await externalProviders()).flatMap((p) => p.cancerTypes);
  if (!asked)
    return page(req, 'Find kapacitet', finderPage({ query: input.raw, errors: {}, externalCancerTypes }));
  if (!input.query)
    return page(
      req,
      'Find kapacitet',
      finderPage({ query: input.raw, errors: input.errors, externalCancerTypes }),
      400,
    );
  const result = await capacityFinder(input.query);
  return page(
    req,
    'Find kapacitet',
    finderPage({ query: input.raw, errors: {}, result, externalCancerTypes }),
  );
}

export const weeklyPageRoutes: Route[] = [
  { method: 'GET', path: '/ugerapport', handler: showForm },
  { method: 'POST', path: '/ugerapport', handler: submitForm },
  { method: 'GET', path: '/ugerapport/kvittering', handler: receipt },
  { method: 'GET', path: '/ventetider', handler: national },
  { method: 'GET', path: '/ventetider/:cancerType', handler: perCancer },
  { method: 'GET', path: '/find-kapacitet', handler: finder },
];
