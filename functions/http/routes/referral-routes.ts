/**
 * The weekly referral counts: the region's form (`/henvisninger`), `POST /api/referral-counts`
 * for regional systems (one region and week a call, replacing what it recorded for that week)
 * and `GET /api/referral-counts?from=&to=` for the recorded weeks.
 */

import { currentTime } from '#adapters/deps.ts';
import { getReferralWeek, listReferralWeeks } from '#adapters/referral-store.ts';
import { referenceData } from '#domain/reference.ts';
import { DESTINATIONS, REFERRAL_WEEKS_BACK } from '#domain/referrals.ts';
import { type ReferralWeekInput, referralWeekSchema } from '#domain/schemas/referrals.ts';
import { pathErrors } from '#domain/schemas/weekly.ts';
import { isoWeekKey } from '#domain/time.ts';
import { addWeeks, isWeekKey } from '#domain/weekly.ts';
import { html } from '#web/html.ts';
import { phraseText, t } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { notice } from '#web/layout.ts';
import { localizeErrors } from '#web/validation.ts';
import { type ReferralFormValues, referralField, referralFormPage } from '#web/views/referrals.ts';
import { referralRegionsFor } from '../../services/access.ts';
import { recordReferralWeek, WeekClosedError } from '../../services/referrals.ts';
import { asString, parseForm, parseJson } from '../forms.ts';
import { checkCsrf, requireActor } from '../identity.ts';
import { page } from '../page-context.ts';
import { jsonResponse, redirect } from '../respond.ts';
import { HttpError, type Request, type RouteHandlers } from '../types.ts';

/** The weeks the form offers: the current one and the twelve before it, newest first. */
function formWeeks(): string[] {
  const current = isoWeekKey(currentTime());
  return Array.from({ length: 13 }, (_, i) => addWeeks(current, -i));
}

/** A form count: empty means 0; anything but digits is passed on as text for the schema to refuse. */
function formCount(value: string | string[] | undefined): number | string {
  const text = (asString(value) ?? '').trim();
  if (text === '') return 0;
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** The form's fields as the API's body: one line per cancer type and destination. */
function weekFromForm(form: ReferralFormValues, region: string, week: string) {
  return {
    region,
    week,
    counts: referenceData().cancerTypes.flatMap((c) =>
      DESTINATIONS.map((destination) => ({
        cancerType: c.id,
        destination,
        offered: formCount(form[referralField(c.id, destination, 'offered')]),
        accepted: formCount(form[referralField(c.id, destination, 'accepted')]),
      })),
    ),
  };
}

/** `counts.3.accepted` → the form field of line 3 (same order as weekFromForm). */
function formErrors(errors: Record<string, string>): Record<string, string> {
  const lines = referenceData().cancerTypes.flatMap((c) => DESTINATIONS.map((d) => [c.id, d] as const));
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^counts\.(\d+)\.?(offered|accepted)?/.exec(key);
    const line = m ? lines[Number(m[1])] : undefined;
    out[line ? referralField(line[0], line[1], (m?.[2] as 'offered' | 'accepted') ?? 'offered') : key] =
      message;
  }
  return out;
}

function valuesFrom(week: { counts: ReferralWeekInput['counts'] } | undefined): ReferralFormValues {
  const values: ReferralFormValues = {};
  for (const l of week?.counts ?? []) {
    values[referralField(l.cancerType, l.destination, 'offered')] = String(l.offered);
    values[referralField(l.cancerType, l.destination, 'accepted')] = String(l.accepted);
  }
  return values;
}

function chooseRegion(req: Request, wanted: string | undefined) {
  const actor = requireActor(req);
  const regions = referralRegionsFor(actor);
  const region = regions.find((r) => r === wanted) ?? regions.find((r) => r === actor.region) ?? regions[0];
  return { regions, region };
}

function notAllowed(req: Request) {
  return page(
    req,
    t(req.lang, 'referrals.form.heading'),
    html`<h1>${t(req.lang, 'referrals.form.heading')}</h1>${notice('info', t(req.lang, 'referrals.form.notAllowed'), t(req.lang, 'referrals.form.notAllowedText'))}`,
    403,
  );
}

async function showForm(req: Request) {
  const { regions, region } = chooseRegion(req, req.query.get('region') ?? undefined);
  if (!region) return notAllowed(req);
  const weeks = formWeeks();
  const wanted = req.query.get('uge') ?? '';
  const week = weeks.includes(wanted) ? wanted : (weeks[1] as string);
  const stored = await getReferralWeek(region, week);
  return page(
    req,
    t(req.lang, 'referrals.form.heading'),
    referralFormPage({
      regions,
      region,
      week,
      weeks,
      values: valuesFrom(stored),
      errors: {},
      csrf: req.csrf ?? '',
      stored,
      saved: req.query.has('gemt') ? stored : undefined,
      lang: req.lang,
    }),
  );
}

async function submitForm(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const { regions, region } = chooseRegion(req, asString(form.region));
  if (!region || region !== asString(form.region)) return notAllowed(req);
  const weeks = formWeeks();
  const week = asString(form.week) ?? '';
  if (!weeks.includes(week)) throw new HttpError(400, phrase('referrals.form.badWeek'));
  const parsed = referralWeekSchema.safeParse(weekFromForm(form, region, week));
  if (!parsed.success)
    return page(
      req,
      t(req.lang, 'referrals.form.errorTitle'),
      referralFormPage({
        regions,
        region,
        week,
        weeks,
        values: form,
        errors: localizeErrors(formErrors(pathErrors(parsed.error)), req.lang),
        csrf: req.csrf ?? '',
        lang: req.lang,
      }),
      400,
    );
  await recordReferralWeek(actor, parsed.data);
  return redirect(`/henvisninger?region=${region}&uge=${week}&gemt=1`);
}

/** `POST /api/referral-counts`: 201 with the stored week and whether it replaced an earlier one. */
async function apiRecord(req: Request) {
  const actor = requireActor(req);
  const parsed = referralWeekSchema.safeParse(parseJson(req.body));
  if (!parsed.success)
    throw new HttpError(400, phrase('error.request.invalidData'), pathErrors(parsed.error));
  try {
    const { week, replaced } = await recordReferralWeek(actor, parsed.data);
    return jsonResponse({ ...week, replaced }, 201);
  } catch (error) {
    if (error instanceof WeekClosedError)
      throw new HttpError(400, error.phrase, { week: phraseText(req.lang, error.phrase) });
    throw error;
  }
}

/** `GET /api/referral-counts?from=2026-W40&to=2026-W48`: every region's recorded weeks (default the last 8). */
async function apiList(req: Request) {
  requireActor(req);
  const current = isoWeekKey(currentTime());
  const to = req.query.get('to') ?? current;
  const from = req.query.get('from') ?? addWeeks(to, -7);
  const errors: Record<string, string> = {};
  if (!isWeekKey(from)) errors.from = t(req.lang, 'error.referrals.weekFormat');
  if (!isWeekKey(to)) errors.to = t(req.lang, 'error.referrals.weekFormat');
  if (Object.keys(errors).length === 0 && (from > to || from < addWeeks(to, -(REFERRAL_WEEKS_BACK + 53))))
    errors.from = t(req.lang, 'error.referrals.weekRange');
  if (Object.keys(errors).length > 0) throw new HttpError(400, phrase('error.request.invalidData'), errors);
  return jsonResponse({ from, to, weeks: await listReferralWeeks(from, to) });
}

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const referralHandlers = { showForm, submitForm, apiList, apiRecord } satisfies RouteHandlers;
