/**
 * Holiday-period plans: the periods (`/ferieplaner`, the secretariat's defaults and edits), a
 * period's plan view, a department's plan form, and the JSON API — `GET /api/holiday-periods`,
 * `PUT /api/holiday-periods/{id}` (secretariat), `GET /api/holiday-periods/{id}` (the view) and
 * `POST /api/holiday-periods/{id}/plans` (one plan, or `{ plans: [...] }` from a regional system).
 */
import { currentTime } from '#adapters/deps.ts';
import { mayManageContacts } from '#domain/contact-lists.ts';
import { type HolidayPlan, periodWeeks, plannedPathways } from '#domain/holiday.ts';
import { type HolidayPlanInput, holidayPlanBulkSchema, holidayPlanSchema } from '#domain/schemas/holiday.ts';
import { pathErrors } from '#domain/schemas/weekly.ts';
import { localDate } from '#domain/time.ts';
import { t } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import {
  type FormValues,
  holidayListPage,
  holidayPeriodForm,
  holidayPlanForm,
  holidayPlanPage,
  type PlanFormDepartment,
} from '#web/views/holiday.ts';
import type { Actor } from '../../services/actors.ts';
import { ForbiddenError } from '../../services/actors.ts';
import {
  createDefaultPeriods,
  holidayPeriodSummaries,
  holidayPlanOf,
  holidayPlanView,
  holidaySettings,
  PeriodEndedError,
  requirePeriod,
  submitHolidayPlans,
} from '../../services/holiday.ts';
import { saveHolidayPeriod } from '../../services/holiday-edits.ts';
import { weeklyDepartmentsFor } from '../../services/weekly.ts';
import { asArray, asString, parseForm, parseJson } from '../forms.ts';
import { checkCsrf, requireActor } from '../identity.ts';
import { page } from '../page-context.ts';
import { jsonResponse, redirect } from '../respond.ts';
import { HttpError, type Request, type RouteHandlers } from '../types.ts';

async function list(req: Request) {
  const actor = requireActor(req);
  const periods = await holidayPeriodSummaries();
  if (req.wantsJson) return jsonResponse({ periods });
  const settings = holidaySettings();
  const created = req.query.get('oprettet');
  return page(
    req,
    t(req.lang, 'holiday.title'),
    holidayListPage({
      periods,
      lang: req.lang,
      mayManage: mayManageContacts(actor),
      csrf: req.csrf ?? '',
      riskShare: settings.riskShare,
      deadlineWeeks: settings.deadlineWeeks,
      year: Number(localDate(currentTime()).slice(0, 4)) + 1,
      ...(created && /^\d{1,2}$/.test(created) ? { created: Number(created) } : {}),
    }),
  );
}

async function createDefaults(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const year = Number(asString(form.year));
  if (!Number.isInteger(year) || year < 2020 || year > 2100)
    throw new HttpError(400, phrase('error.holiday.year'));
  const created = await createDefaultPeriods(actor, year);
  return redirect(`/ferieplaner?oprettet=${created.length}`);
}

async function view(req: Request) {
  const actor = requireActor(req);
  const result = await holidayPlanView(req.params.id ?? '');
  if (req.wantsJson) return jsonResponse(result);
  return page(
    req,
    t(req.lang, 'holiday.view.heading', { period: result.period.name }),
    holidayPlanPage(result, req.lang, weeklyDepartmentsFor(actor).length > 0),
  );
}

// ---------------------------------------------------------------- the plan form

function formDepartments(actor: Actor): PlanFormDepartment[] {
  return weeklyDepartmentsFor(actor).map((d) => ({
    id: d.id,
    name: d.name,
    hospitalName: d.hospitalName,
    pathways: plannedPathways(d),
  }));
}

/** Form fields `<week>.<pathway>` and `<week>.closedDays[]` → the plan the JSON API takes. */
function planFromForm(form: FormValues, department: PlanFormDepartment, weeks: string[]): unknown {
  return {
    departmentId: department.id,
    weeks: weeks.map((week) => ({
      week,
      capacity: Object.fromEntries(department.pathways.map((p) => [p, asString(form[`${week}.${p}`]) ?? ''])),
      closedDays: asArray(form[`${week}.closedDays`]),
    })),
    comment: asString(form.comment) ?? '',
  };
}

/** A stored plan (or a normal week, for a new one) as form values. */
function valuesFrom(
  plan: HolidayPlan | undefined,
  department: PlanFormDepartment,
  weeks: string[],
): FormValues {
  const values: FormValues = { comment: plan?.comment ?? '' };
  for (const week of weeks) {
    const planned = plan?.weeks.find((w) => w.week === week);
    for (const p of department.pathways) values[`${week}.${p}`] = String(planned?.capacity[p] ?? 100);
    values[`${week}.closedDays`] = planned?.closedDays ?? [];
  }
  return values;
}

/** `weeks.2.capacity.kirurgi` → `<week>.kirurgi`, the form's field names. */
function formErrors(errors: Record<string, string>, weeks: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^weeks\.(\d+)\.(capacity\.)?(.+)$/.exec(key);
    const week = m ? weeks[Number(m[1])] : undefined;
    out[week && m ? `${week}.${m[3]}` : key] = message;
  }
  return out;
}

function chooseDepartment(req: Request, wanted: string | undefined) {
  const actor = requireActor(req);
  const departments = formDepartments(actor);
  const department =
    departments.find((d) => d.id === wanted) ??
    departments.find((d) => d.id === actor.department) ??
    departments[0];
  if (!department) throw new ForbiddenError(phrase('holiday.form.forbidden'));
  return { departments, department };
}

async function showForm(req: Request) {
  const period = await requirePeriod(req.params.id ?? '');
  const { departments, department } = chooseDepartment(req, req.query.get('afdeling') ?? undefined);
  const weeks = periodWeeks(period);
  return page(
    req,
    t(req.lang, 'holiday.title'),
    holidayPlanForm({
      period,
      weeks,
      department,
      departments,
      values: valuesFrom(await holidayPlanOf(period.id, department.id), department, weeks),
      errors: {},
      csrf: req.csrf ?? '',
      lang: req.lang,
      saved: req.query.has('gemt'),
    }),
  );
}

async function submitForm(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const period = await requirePeriod(req.params.id ?? '');
  const { departments, department } = chooseDepartment(req, asString(form.departmentId));
  if (department.id !== asString(form.departmentId))
    throw new HttpError(403, phrase('error.holiday.notThisDepartment'));
  const weeks = periodWeeks(period);
  const parsed = holidayPlanSchema.safeParse(planFromForm(form, department, weeks));
  const result = parsed.success
    ? await submitPlans(period.id, [parsed.data], actor, false)
    : { ok: false as const, errors: pathErrors(parsed.error) };
  if (result.ok) return redirect(`/ferieplaner/${period.id}/plan?afdeling=${department.id}&gemt=1`);
  return page(
    req,
    t(req.lang, 'holiday.title'),
    holidayPlanForm({
      period,
      weeks,
      department,
      departments,
      values: form,
      errors: formErrors(result.errors, weeks),
      csrf: req.csrf ?? '',
      lang: req.lang,
    }),
    400,
  );
}

async function submitPlans(periodId: string, plans: HolidayPlanInput[], actor: Actor, bulk: boolean) {
  try {
    return await submitHolidayPlans(periodId, plans, actor, bulk);
  } catch (error) {
    if (error instanceof PeriodEndedError) throw new HttpError(409, error.phrase);
    throw error;
  }
}

// ---------------------------------------------------------------- periods

async function showPeriod(req: Request) {
  const actor = requireActor(req);
  if (!mayManageContacts(actor)) throw new ForbiddenError(phrase('error.holiday.editSecretariatOnly'));
  const period = await requirePeriod(req.params.id ?? '');
  return page(
    req,
    t(req.lang, 'holiday.period.heading'),
    holidayPeriodForm({
      id: period.id,
      values: { ...period },
      errors: {},
      csrf: req.csrf ?? '',
      lang: req.lang,
    }),
  );
}

async function submitPeriod(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const period = await requirePeriod(req.params.id ?? '');
  const input = Object.fromEntries(
    ['name', 'nameEn', 'firstWeek', 'lastWeek', 'deadline'].map((k) => [k, asString(form[k]) ?? '']),
  );
  const result = await saveHolidayPeriod(actor, input, period.id);
  if (result.ok) return redirect(`/ferieplaner/${period.id}`);
  return page(
    req,
    t(req.lang, 'holiday.period.heading'),
    holidayPeriodForm({
      id: period.id,
      values: form,
      errors: result.errors,
      csrf: req.csrf ?? '',
      lang: req.lang,
    }),
    400,
  );
}

// ---------------------------------------------------------------- JSON API

async function apiPutPeriod(req: Request) {
  const actor = requireActor(req);
  const result = await saveHolidayPeriod(actor, parseJson(req.body), req.params.id ?? '');
  if (!result.ok) throw new HttpError(400, phrase('error.request.invalidData'), result.errors);
  return jsonResponse({ period: result.period }, result.created ? 201 : 200);
}

async function apiSubmitPlans(req: Request) {
  const actor = requireActor(req);
  const body = parseJson(req.body);
  const bulk = typeof body === 'object' && body !== null && 'plans' in body;
  let items: unknown[] = [body];
  if (bulk) {
    const parsed = holidayPlanBulkSchema.safeParse(body);
    if (!parsed.success)
      throw new HttpError(400, phrase('error.request.invalidData'), pathErrors(parsed.error));
    items = parsed.data.plans;
  }
  const fields: Record<string, string> = {};
  const plans: HolidayPlanInput[] = [];
  items.forEach((item, i) => {
    const parsed = holidayPlanSchema.safeParse(item);
    if (parsed.success) plans.push(parsed.data);
    else
      for (const [k, v] of Object.entries(pathErrors(parsed.error))) fields[bulk ? `plans.${i}.${k}` : k] = v;
  });
  if (Object.keys(fields).length > 0) throw new HttpError(400, phrase('error.request.invalidData'), fields);
  const result = await submitPlans(req.params.id ?? '', plans, actor, bulk);
  if (!result.ok) throw new HttpError(400, phrase('error.request.invalidData'), result.errors);
  return jsonResponse(bulk ? { results: result.results } : result.results[0], 201);
}

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const holidayHandlers = {
  list,
  createDefaults,
  view,
  showForm,
  submitForm,
  showPeriod,
  submitPeriod,
  apiPutPeriod,
  apiSubmitPlans,
} satisfies RouteHandlers;
