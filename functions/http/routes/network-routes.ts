/** National networks: overview, one network's page, and its actions (each a POST, then back). */
import { listNetworks } from '#adapters/followup-store.ts';
import { referenceData } from '#domain/reference.ts';
import { memberSchema, parseMeetingForm, stateDecisionSchema } from '#domain/schemas/networks.ts';
import { fieldErrors } from '#domain/schemas/problem.ts';
import { t } from '#web/i18n/index.ts';
import { notice } from '#web/layout.ts';
import { localizeErrors } from '#web/validation.ts';
import { networkListPage, networkPage } from '#web/views/networks.ts';
import type { Actor } from '../../services/actors.ts';
import {
  addMember,
  completeAction,
  informDanskeRegioner,
  mayCoordinate,
  mayDecide,
  networkOverview,
  recordMeeting,
  setNetworkState,
} from '../../services/networks.ts';
import { asString, parseForm } from '../forms.ts';
import { formKey, newFormKey } from '../idempotency.ts';
import { checkCsrf, requireActor } from '../identity.ts';
import { page } from '../page-context.ts';
import { redirect } from '../respond.ts';
import type { Request, RouteHandlers } from '../types.ts';

/** The confirmation after each action (`?udfoert=`): heading and text. */
const FLASH = {
  status: ['networks.flash.status', 'networks.flash.statusText'],
  medlem: ['networks.flash.member', undefined],
  moede: ['networks.flash.meeting', 'networks.flash.meetingText'],
  handling: ['networks.flash.action', undefined],
  informeret: ['networks.flash.informed', 'networks.flash.informedText'],
} as const;

async function list(req: Request) {
  requireActor(req);
  const networks = new Map((await listNetworks()).map((n) => [n.cancerType, n]));
  return page(
    req,
    t(req.lang, 'networks.title'),
    networkListPage(referenceData().cancerTypes, networks, req.lang),
  );
}

async function render(
  req: Request,
  actor: Actor,
  outcome: { errors?: Record<string, string>; values?: Record<string, string> } = {},
) {
  const cancerType = req.params.cancerType ?? '';
  const overview = await networkOverview(cancerType, req.lang);
  const flashKey = req.query.get('udfoert') ?? '';
  const flash = Object.hasOwn(FLASH, flashKey) ? FLASH[flashKey as keyof typeof FLASH] : undefined;
  const hasErrors = Object.keys(outcome.errors ?? {}).length > 0;
  return page(
    req,
    t(req.lang, 'networks.page.title'),
    networkPage({
      cancerType,
      ...overview,
      mayDecide: mayDecide(actor),
      mayCoordinate: mayCoordinate(actor, cancerType, overview.network),
      submissionKey: newFormKey(),
      csrf: req.csrf ?? '',
      errors: localizeErrors(outcome.errors ?? {}, req.lang),
      values: outcome.values ?? {},
      flash: flash
        ? notice('success', t(req.lang, flash[0]), flash[1] ? t(req.lang, flash[1]) : undefined)
        : undefined,
      lang: req.lang,
    }),
    hasErrors ? 400 : 200,
  );
}

async function show(req: Request) {
  return render(req, requireActor(req));
}

function formOf(req: Request) {
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (k !== 'csrf') values[k] = asString(v) ?? '';
  return values;
}

const back = (req: Request, what: string) => redirect(`/netvaerk/${req.params.cancerType}?udfoert=${what}`);

async function changeStatus(req: Request) {
  const actor = requireActor(req);
  const values = formOf(req);
  const parsed = stateDecisionSchema.safeParse({ reason: values.reason ?? '' });
  if (!parsed.success) return render(req, actor, { errors: fieldErrors(parsed.error), values });
  const state = values.state === 'standby' ? 'standby' : 'active';
  await setNetworkState(actor, req.params.cancerType ?? '', state, parsed.data.reason);
  return back(req, 'status');
}

async function member(req: Request) {
  const actor = requireActor(req);
  const values = formOf(req);
  const parsed = memberSchema.safeParse(values);
  if (!parsed.success) return render(req, actor, { errors: fieldErrors(parsed.error), values });
  await addMember(actor, req.params.cancerType ?? '', parsed.data);
  return back(req, 'medlem');
}

async function meeting(req: Request) {
  const actor = requireActor(req);
  const values = formOf(req);
  const parsed = parseMeetingForm(values);
  if (!parsed.ok) return render(req, actor, { errors: parsed.errors, values });
  await recordMeeting(actor, req.params.cancerType ?? '', parsed);
  return back(req, 'moede');
}

async function actionDone(req: Request) {
  const actor = requireActor(req);
  formOf(req);
  await completeAction(actor, req.params.cancerType ?? '', req.params.actionId ?? '');
  return back(req, 'handling');
}

async function inform(req: Request) {
  const actor = requireActor(req);
  const submissionKey = formKey(formOf(req).submissionKey);
  await informDanskeRegioner(actor, req.params.cancerType ?? '', submissionKey);
  return back(req, 'informeret');
}

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const networkHandlers = {
  list,
  show,
  changeStatus,
  member,
  meeting,
  actionDone,
  inform,
} satisfies RouteHandlers;
