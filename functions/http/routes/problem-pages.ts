/** Pages for people: the report form, the receipt, the list, the problem page and e-mail link pages. */
import { currentTime } from '#adapters/deps.ts';
import { getProblemDetails, getRecipient, listProblems } from '#adapters/store.ts';
import { problemsToCsv } from '#domain/problem-facts.ts';
import { findDepartment, referenceData } from '#domain/reference.ts';
import {
  acknowledgeSchema,
  fieldErrors,
  offerSchema,
  problemReportSchema,
  resolveSchema,
} from '#domain/schemas/problem.ts';
import { localDate } from '#domain/time.ts';
import { html } from '#web/html.ts';
import { type Lang, t, translator } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { notice } from '#web/layout.ts';
import { localizeErrors } from '#web/validation.ts';
import { type FormValues, problemForm } from '#web/views/problem-form.ts';
import { actionForms, problemList, problemPage, receiptPage } from '#web/views/problem-page.ts';
import { mayReportFor } from '../../services/access.ts';
import type { Actor } from '../../services/actors.ts';
import { getUser, readActionToken } from '../../services/auth.ts';
import {
  acknowledge,
  mayResolve,
  offerCapacity,
  reportProblem,
  resolveProblem,
} from '../../services/problems.ts';
import { mayRestart, restartByHand } from '../../services/recovery.ts';
import { asString, fromForm, parseForm } from '../forms.ts';
import { formKey, newFormKey } from '../idempotency.ts';
import { checkCsrf, requireActor } from '../identity.ts';

import { closedPaths, page } from '../page-context.ts';
import { csvResponse, redirect } from '../respond.ts';

import { HttpError, type Request, type RouteHandler, type RouteHandlers } from '../types.ts';

function departmentsFor(actor: Actor) {
  return referenceData()
    .departments.filter((d) => mayReportFor(actor, d.id))
    .map((d) => findDepartment(d.id))
    .filter((d): d is NonNullable<typeof d> => d !== undefined);
}

/** Form fields → the report the JSON API takes, read through the report schema. */
export function reportFromForm(form: FormValues) {
  return fromForm(problemReportSchema, form);
}

async function showForm(req: Request) {
  const actor = requireActor(req);
  const departments = departmentsFor(actor);
  if (departments.length === 0) {
    const tr = translator(req.lang);
    return page(
      req,
      tr('report.title'),
      html`<h1>${tr('report.title')}</h1>${notice('info', tr('report.onlyDepartments'), tr('report.onlyDepartmentsText'))}`,
      403,
    );
  }
  const today = new Date().toISOString().slice(0, 10);
  const values: FormValues = { departmentId: actor.department, from: today, scope: 'hospital' };
  if (actor.department) {
    const own = findDepartment(actor.department);
    if (own?.cancerTypes.length === 1) values.cancerType = own.cancerTypes[0];
  }
  // Pre-filled from a link (the weekly exchange's escalation proposal); validated on submit as usual.
  const q = req.query;
  if (departments.some((d) => d.id === q.get('departmentId')))
    values.departmentId = q.get('departmentId') ?? undefined;
  for (const key of ['cancerType', 'description', 'patientsAtRisk'] as const) {
    const value = q.get(key);
    if (value) values[key] = value;
  }
  for (const key of ['pathwayTypes', 'modalities'] as const) if (q.has(key)) values[key] = q.getAll(key);
  return page(
    req,
    t(req.lang, 'report.title'),
    problemForm({
      departments,
      values,
      errors: {},
      submissionKey: newFormKey(),
      csrf: req.csrf ?? '',
      lang: req.lang,
    }),
  );
}

async function submitForm(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const submissionKey = formKey(asString(form.submissionKey));
  const parsed = problemReportSchema.safeParse(reportFromForm(form));
  if (!parsed.success) {
    return page(
      req,
      t(req.lang, 'report.errorTitle'),
      problemForm({
        departments: departmentsFor(actor),
        values: form,
        errors: localizeErrors(fieldErrors(parsed.error), req.lang),
        submissionKey,
        csrf: req.csrf ?? '',
        lang: req.lang,
      }),
      400,
    );
  }
  const { problem } = await reportProblem(parsed.data, actor, submissionKey);
  return redirect(`/problemer/${problem.id}/kvittering`);
}

async function receipt(req: Request) {
  requireActor(req);
  const details = await getProblemDetails(req.params.id ?? '');
  if (!details) throw new HttpError(404, phrase('problem.notFound'));
  return page(
    req,
    `${t(req.lang, 'receipt.heading')} ${details.problem.ref}`,
    receiptPage(details.problem, req.lang),
  );
}

async function list(req: Request) {
  requireActor(req);
  return page(
    req,
    t(req.lang, 'list.heading'),
    problemList(await listProblems(200), req.lang, !closedPaths(req.actor).includes('/indberet')),
  );
}

/** The same facts as each problem's page, one row per problem (the 200 newest, like the list). */
async function exportCsv(req: Request) {
  requireActor(req);
  return csvResponse(
    `kapacitetsproblemer-${localDate(currentTime())}.csv`,
    problemsToCsv(await listProblems(200)),
  );
}

/** What an action did: a message, or field errors with the values to keep. */
interface Outcome {
  flash?: ReturnType<typeof html>;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

type Details = NonNullable<Awaited<ReturnType<typeof getProblemDetails>>>;

/** The problem page with the action forms this viewer may use; 400 when an action had errors. */
async function renderProblem(
  req: Request,
  problemId: string,
  view: {
    action: string;
    csrf?: string;
    mayRespond: (d: Details) => boolean;
    mayResolve: (d: Details) => boolean;
    mayRestart?: boolean;
  },
  outcome: Outcome = {},
) {
  const details = await getProblemDetails(problemId);
  if (!details) throw new HttpError(404, phrase('problem.notFound'));
  const actions = actionForms({
    action: view.action,
    csrf: view.csrf,
    mayRespond: view.mayRespond(details),
    mayResolve: view.mayResolve(details),
    problem: details.problem,
    errors: outcome.errors && localizeErrors(outcome.errors, req.lang),
    values: outcome.values,
    lang: req.lang,
  });
  return page(
    req,
    t(req.lang, 'problem.heading', { ref: details.problem.ref }),
    problemPage({
      ...details,
      actions,
      flash: outcome.flash,
      lang: req.lang,
      restart: view.mayRestart ? { action: view.action, csrf: view.csrf } : undefined,
    }),
    outcome.errors ? 400 : 200,
  );
}

async function show(req: Request, outcome?: Outcome) {
  const actor = requireActor(req);
  const id = req.params.id ?? '';
  return renderProblem(
    req,
    id,
    {
      action: `/problemer/${id}`,
      csrf: req.csrf,
      mayRespond: (d) => d.recipients.some((r) => r.email === actor.email),
      mayResolve: (d) => mayResolve(actor, d.problem),
      mayRestart: mayRestart(actor),
    },
    outcome,
  );
}

/** Performs one action (acknowledge, offer, resolve) for an actor and says what happened. */
async function perform(problemId: string, actor: Actor, form: FormValues, lang: Lang): Promise<Outcome> {
  const action = asString(form.action);
  const note = asString(form.note) ?? '';
  if (action === 'acknowledge') {
    const parsed = acknowledgeSchema.safeParse({ note });
    if (!parsed.success) return { errors: fieldErrors(parsed.error) };
    await acknowledge(problemId, actor, parsed.data.note);
    return { flash: notice('success', t(lang, 'actions.ack.done')) };
  }
  if (action === 'offer') {
    const parsed = offerSchema.safeParse(fromForm(offerSchema, form));
    if (!parsed.success) {
      return {
        errors: fieldErrors(parsed.error),
        values: {
          patients: asString(form.patients) ?? '',
          modality: asString(form.modality) ?? '',
          earliest: asString(form.earliest) ?? '',
        },
      };
    }
    const offerKey = asString(form.offerKey);
    await offerCapacity(
      problemId,
      actor,
      parsed.data,
      offerKey === undefined ? undefined : formKey(offerKey),
    );
    return { flash: notice('success', t(lang, 'actions.offer.done')) };
  }
  if (action === 'resolve') {
    const parsed = resolveSchema.safeParse({ note });
    if (!parsed.success) return { errors: fieldErrors(parsed.error) };
    await resolveProblem(problemId, actor, parsed.data.note);
    return {
      flash: notice('success', t(lang, 'actions.resolve.done'), t(lang, 'actions.resolve.doneText')),
    };
  }
  if (action === 'restart' && actor.via !== 'link') {
    const done = await restartByHand(problemId, actor);
    return {
      flash:
        done === 'restarted'
          ? notice('success', t(lang, 'problem.restarted'), t(lang, 'problem.restartedText'))
          : notice('info', t(lang, 'problem.alreadyRunning')),
    };
  }
  throw new HttpError(400, phrase('problem.unknownAction'));
}

async function act(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const outcome = await perform(req.params.id ?? '', actor, form, req.lang);
  return show(req, outcome);
}

/** The e-mail link: the token names the recipient and the problem; GET only shows, POST acts. */
async function linkActor(req: Request) {
  const link = await readActionToken(req.params.token ?? '');
  if (!link) throw new HttpError(404, phrase('problem.linkInvalidSignIn'));
  const user = await getUser(link.email);
  const recipient = user ? undefined : await getRecipient(link.problemId, link.email);
  const base =
    user ??
    (recipient
      ? {
          email: recipient.email,
          name: recipient.name,
          role: recipient.role,
          cancerTypes: [],
          department: recipient.department,
          hospital: recipient.hospital,
          region: recipient.region,
        }
      : undefined);
  if (!base) throw new HttpError(404, phrase('problem.linkInvalid'));
  const actor: Actor = { ...base, via: 'link' };
  return { link, actor };
}

async function showLink(req: Request, outcome?: Outcome) {
  const { link, actor } = await linkActor(req);
  return renderProblem(
    req,
    link.problemId,
    {
      action: `/svar/${req.params.token}`,
      mayRespond: (d) => d.recipients.some((r) => r.email === link.email),
      mayResolve: (d) => link.mayResolve && mayResolve(actor, d.problem),
    },
    outcome,
  );
}

async function actLink(req: Request) {
  const { link, actor } = await linkActor(req);
  const form = parseForm(req.body);
  if (asString(form.action) === 'resolve' && !link.mayResolve)
    throw new HttpError(403, phrase('problem.linkCannotResolve'));
  const outcome = await perform(link.problemId, actor, form, req.lang);
  return showLink(req, outcome);
}

/** The problem page with no outcome to report (a plain GET). */
const showProblem: RouteHandler = (req) => show(req);

/** The answer page of an e-mailed link, with no outcome to report. */
const showAnswerLink: RouteHandler = (req) => showLink(req);

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const problemPageHandlers = {
  showForm,
  submitForm,
  list,
  exportCsv,
  receipt,
  showProblem,
  act,
  showAnswerLink,
  actLink,
} satisfies RouteHandlers;
