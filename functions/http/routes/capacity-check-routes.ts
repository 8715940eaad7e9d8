/**
 * The yearly capacity check of the highly specialised functions: `/kapacitetstjek` (checks and
 * the register), `/kapacitetstjek/<year>` (the summary; prints cleanly; `.csv`), a department's
 * answer form, the secretariat's function form, and the JSON API — `GET /api/capacity-checks/{year}`,
 * `POST /api/capacity-checks/{year}/answers` (one answer or `{ answers: [...] }`) and
 * `PUT /api/specialised-functions/{id}` (secretariat).
 */
import { currentTime } from '#adapters/deps.ts';
import { mayManageContacts } from '#domain/contact-lists.ts';
import { type CheckAnswerInput, checkAnswerSchema } from '#domain/schemas/capacity-check.ts';
import { pathErrors } from '#domain/schemas/weekly.ts';
import { localDate } from '#domain/time.ts';
import { t } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import {
  checkAnswerForm,
  checkListPage,
  checkSummaryPage,
  type FormValues,
  functionForm,
} from '#web/views/capacity-check.ts';
import { mayReportWeeklyFor } from '../../services/access.ts';
import { type Actor, ForbiddenError } from '../../services/actors.ts';
import {
  capacityCheckCsv,
  capacityChecks,
  capacityCheckView,
  checkAnswerOf,
  openCapacityCheck,
  requireCheck,
  sendCheckSummary,
  specialisedFunctions,
  submitCheckAnswers,
} from '../../services/capacity-check.ts';
import { saveSpecialisedFunction } from '../../services/capacity-check-edits.ts';
import { asArray, asString, parseForm, parseJson } from '../forms.ts';
import { checkCsrf, requireActor } from '../identity.ts';
import { page } from '../page-context.ts';
import { csvResponse, jsonResponse, redirect } from '../respond.ts';
import { HttpError, type Request, type RouteHandlers } from '../types.ts';

const MANAGE_ONLY = phrase('error.check.manageOnly');

function yearParam(req: Request): number {
  const raw = (req.params.year ?? '').replace(/\.csv$/, '');
  if (!/^\d{4}$/.test(raw)) throw new HttpError(404, phrase('error.check.notFound'));
  return Number(raw);
}

async function list(req: Request) {
  const actor = requireActor(req);
  const [checks, functions] = await Promise.all([capacityChecks(), specialisedFunctions()]);
  if (req.wantsJson) return jsonResponse({ checks, functions });
  const opened = req.query.get('aabnet');
  return page(
    req,
    t(req.lang, 'check.title'),
    checkListPage({
      checks,
      functions,
      lang: req.lang,
      mayManage: mayManageContacts(actor),
      csrf: req.csrf ?? '',
      nextYear: Number(localDate(currentTime()).slice(0, 4)) + 1,
      ...(opened && /^\d{4}$/.test(opened) ? { openedNotice: Number(opened) } : {}),
    }),
  );
}

/** The secretariat opens next year's check now (the yearly job does the same in its month). */
async function openNow(req: Request) {
  const actor = requireActor(req);
  checkCsrf(req, parseForm(req.body).csrf);
  if (!mayManageContacts(actor)) throw new ForbiddenError(MANAGE_ONLY);
  const { year } = await openCapacityCheck();
  return redirect(`/kapacitetstjek?aabnet=${year}`);
}

async function summary(req: Request) {
  const actor = requireActor(req);
  const view = await capacityCheckView(yearParam(req));
  if (req.wantsJson) return jsonResponse(view);
  const sent = req.query.get('sendt');
  return page(
    req,
    t(req.lang, 'check.heading', { year: view.check.year }),
    checkSummaryPage({
      view,
      lang: req.lang,
      mayManage: mayManageContacts(actor),
      mayAnswer: (departmentId) => mayReportWeeklyFor(actor, departmentId),
      csrf: req.csrf ?? '',
      ...(sent && /^\d{1,4}$/.test(sent) ? { sent: Number(sent) } : {}),
    }),
  );
}

async function csv(req: Request) {
  requireActor(req);
  const year = yearParam(req);
  return csvResponse(`kapacitetstjek-${year}.csv`, await capacityCheckCsv(year));
}

async function send(req: Request) {
  const actor = requireActor(req);
  checkCsrf(req, parseForm(req.body).csrf);
  const year = yearParam(req);
  const { sent } = await sendCheckSummary(actor, year);
  return redirect(`/kapacitetstjek/${year}?sendt=${sent}`);
}

// ---------------------------------------------------------------- answers

/** The pair asked of a department the viewer may answer for, from the query or the form. */
async function choosePair(
  req: Request,
  actor: Actor,
  departmentId: string | undefined,
  functionId: string | undefined,
) {
  const year = yearParam(req);
  const check = await requireCheck(year);
  const mine = check.asked.filter((pair) => mayReportWeeklyFor(actor, pair.split('#')[1] ?? ''));
  const pair = mine.find((p) => p === `${functionId}#${departmentId}`) ?? mine[0];
  if (!pair) throw new ForbiddenError(phrase('check.answer.forbidden'));
  const [fnId, deptId] = pair.split('#') as [string, string];
  const fn = (await specialisedFunctions()).find((f) => f.id === fnId);
  if (!fn) throw new HttpError(404, phrase('error.check.functionNotFound'));
  return { check, fn, departmentId: deptId };
}

function answerFromForm(form: FormValues, functionId: string, departmentId: string): unknown {
  return {
    functionId,
    departmentId,
    demand: [1, 2, 3, 4].map((q) => asString(form[`demand.${q}`]) ?? ''),
    capacity: [1, 2, 3, 4].map((q) => asString(form[`capacity.${q}`]) ?? ''),
    constraints: asArray(form.constraints),
    notes: asString(form.notes) ?? '',
  };
}

/** `demand.2` (0-based from zod) → the form's `demand.3` (quarters 1–4). */
function formErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^(demand|capacity)\.(\d)$/.exec(key);
    out[m ? `${m[1]}.${Number(m[2]) + 1}` : key] = message;
  }
  return out;
}

async function showAnswer(req: Request) {
  const actor = requireActor(req);
  const { check, fn, departmentId } = await choosePair(
    req,
    actor,
    req.query.get('afdeling') ?? undefined,
    req.query.get('funktion') ?? undefined,
  );
  const answer = await checkAnswerOf(check.year, fn.id, departmentId);
  const values: FormValues = { notes: answer?.notes ?? '', constraints: answer?.constraints ?? [] };
  [1, 2, 3, 4].forEach((q) => {
    values[`demand.${q}`] = answer ? String(answer.demand[q - 1]) : '';
    values[`capacity.${q}`] = answer ? String(answer.capacity[q - 1]) : '';
  });
  return page(
    req,
    t(req.lang, 'check.answer.heading', { year: check.year }),
    checkAnswerForm({
      year: check.year,
      deadline: check.deadline,
      fn,
      departmentId,
      values,
      errors: {},
      csrf: req.csrf ?? '',
      lang: req.lang,
      saved: req.query.has('gemt'),
    }),
  );
}

async function submitAnswer(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const { check, fn, departmentId } = await choosePair(
    req,
    actor,
    asString(form.departmentId),
    asString(form.functionId),
  );
  if (departmentId !== asString(form.departmentId) || fn.id !== asString(form.functionId))
    throw new HttpError(403, phrase('error.check.notThisDepartment'));
  const parsed = checkAnswerSchema.safeParse(answerFromForm(form, fn.id, departmentId));
  const result = parsed.success
    ? await submitCheckAnswers(check.year, [parsed.data], actor)
    : { ok: false as const, errors: pathErrors(parsed.error) };
  if (result.ok)
    return redirect(`/kapacitetstjek/${check.year}/svar?afdeling=${departmentId}&funktion=${fn.id}&gemt=1`);
  return page(
    req,
    t(req.lang, 'check.answer.heading', { year: check.year }),
    checkAnswerForm({
      year: check.year,
      deadline: check.deadline,
      fn,
      departmentId,
      values: form,
      errors: formErrors(result.errors),
      csrf: req.csrf ?? '',
      lang: req.lang,
    }),
    400,
  );
}

async function apiAnswers(req: Request) {
  const actor = requireActor(req);
  const body = parseJson(req.body);
  const bulk = typeof body === 'object' && body !== null && 'answers' in body;
  const items: unknown[] = bulk ? ((body as { answers: unknown }).answers as unknown[]) : [body];
  if (!Array.isArray(items) || items.length === 0 || items.length > 200)
    throw new HttpError(400, phrase('error.check.answersCount'));
  const fields: Record<string, string> = {};
  const answers: CheckAnswerInput[] = [];
  items.forEach((item, i) => {
    const parsed = checkAnswerSchema.safeParse(item);
    if (parsed.success) answers.push(parsed.data);
    else
      for (const [k, v] of Object.entries(pathErrors(parsed.error)))
        fields[bulk ? `answers.${i}.${k}` : k] = v;
  });
  if (Object.keys(fields).length > 0) throw new HttpError(400, phrase('error.request.invalidData'), fields);
  const result = await submitCheckAnswers(yearParam(req), answers, actor, bulk);
  if (!result.ok) throw new HttpError(400, phrase('error.request.invalidData'), result.errors);
  return jsonResponse({ stored: result.stored }, 201);
}

// ---------------------------------------------------------------- the register

async function showFunction(req: Request) {
  const actor = requireActor(req);
  if (!mayManageContacts(actor)) throw new ForbiddenError(MANAGE_ONLY);
  const id = req.params.id ?? '';
  const fn = id === 'ny' ? undefined : (await specialisedFunctions()).find((f) => f.id === id);
  if (id !== 'ny' && !fn) throw new HttpError(404, phrase('error.check.functionNotFound'));
  return page(
    req,
    t(req.lang, 'check.register.heading'),
    functionForm({
      ...(fn ? { id: fn.id } : {}),
      values: fn ? { ...fn, cancerType: fn.cancerType ?? '' } : {},
      errors: {},
      csrf: req.csrf ?? '',
      lang: req.lang,
    }),
  );
}

async function submitFunction(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const isNew = req.params.id === 'ny';
  const id = isNew ? (asString(form.id) ?? '') : (req.params.id ?? '');
  if (!isNew && !(await specialisedFunctions()).some((f) => f.id === id))
    throw new HttpError(404, phrase('error.check.functionNotFound'));
  const result = await saveSpecialisedFunction(
    actor,
    {
      name: asString(form.name) ?? '',
      nameEn: asString(form.nameEn) ?? '',
      cancerType: asString(form.cancerType) ?? '',
      departments: asArray(form.departments),
    },
    id,
  );
  if (result.ok) return redirect('/kapacitetstjek');
  return page(
    req,
    t(req.lang, 'check.register.heading'),
    functionForm({
      ...(isNew ? {} : { id }),
      values: form,
      errors: result.errors,
      csrf: req.csrf ?? '',
      lang: req.lang,
    }),
    400,
  );
}

async function apiPutFunction(req: Request) {
  const actor = requireActor(req);
  const result = await saveSpecialisedFunction(actor, parseJson(req.body), req.params.id ?? '');
  if (!result.ok) throw new HttpError(400, phrase('error.request.invalidData'), result.errors);
  return jsonResponse({ function: result.fn }, result.created ? 201 : 200);
}

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const capacityCheckHandlers = {
  list,
  openNow,
  showFunction,
  submitFunction,
  csv,
  summary,
  showAnswer,
  submitAnswer,
  send,
  apiAnswers,
  apiPutFunction,
} satisfies RouteHandlers;
