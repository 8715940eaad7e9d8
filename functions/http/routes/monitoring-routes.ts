/**
 * Monitoring of maximum waiting times (issue 10). JSON API for regional systems (bearer token):
 * register an upload and get a presigned URL, read its status, read the figures. The page
 * `/overvaagning` uses the same services with the signed-in session (CSRF token in a header).
 */
import { currentTime } from '#adapters/deps.ts';
import { monitoringCsv } from '#domain/monitoring-figures.ts';
import { referenceData } from '#domain/reference.ts';
import { uploadRequestSchema } from '#domain/schemas/monitoring.ts';
import { localDate } from '#domain/time.ts';
import { t } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { layout } from '#web/layout.ts';
import { uploadErrorsIn } from '#web/monitoring-errors.ts';
import { monitoringPage, UPLOAD_SCRIPT } from '#web/views/monitoring.ts';
import type { Actor } from '../../services/actors.ts';
import { monitoringFigures } from '../../services/monitoring.ts';
import {
  IdempotencyConflictError,
  requestUpload,
  uploadScope,
  uploadStatus,
} from '../../services/monitoring-uploads.ts';
import { referralWeeksOfYear } from '../../services/referrals.ts';
import { parseJson } from '../forms.ts';
import { idempotencyKey } from '../idempotency.ts';
import { checkCsrf, requireActor } from '../identity.ts';
import { pageContext } from '../page-context.ts';
import { htmlResponse, jsonResponse } from '../respond.ts';
import { HttpError, type Request, type RouteHandlers } from '../types.ts';

function thisYear(): number {
  return Number(localDate(currentTime()).slice(0, 4));
}

function yearParam(req: Request, name: string, fallback: number): number {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > thisYear())
    throw new HttpError(400, phrase('monitoring.badYear', { year: thisYear() }), {
      [name]: t(req.lang, 'monitoring.badYearField'),
    });
  return Number(raw);
}

function cancerParam(req: Request, name: string): string | undefined {
  const raw = req.query.get(name) || undefined;
  if (raw && !referenceData().cancerTypes.some((c) => c.id === raw))
    throw new HttpError(400, phrase('monitoring.unknownCancerType'), {
      [name]: t(req.lang, 'monitoring.unknownCancerType'),
    });
  return raw;
}

function mayUpload(actor: Actor): boolean {
  try {
    uploadScope(actor);
    return true;
  } catch {
    return false;
  }
}

async function createUpload(req: Request) {
  const actor = requireActor(req);
  if (actor.via === 'session') checkCsrf(req, req.headers['x-csrf-token']);
  const key = idempotencyKey(req, false);
  const parsed = uploadRequestSchema.safeParse(parseJson(req.body));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    throw new HttpError(400, phrase('error.request.invalidData'), fields);
  }
  try {
    const { ticket, created } = await requestUpload(actor, parsed.data, key);
    const location = `${req.path.startsWith('/api/') ? '/api/monitoring' : '/overvaagning'}/uploads/${ticket.id}`;
    return jsonResponse(ticket, created ? 201 : 200, { headers: { location } });
  } catch (error) {
    if (error instanceof IdempotencyConflictError) throw new HttpError(422, error.phrase);
    throw error;
  }
}

async function getUpload(req: Request) {
  const actor = requireActor(req);
  const upload = await uploadStatus(actor, req.params.id ?? '');
  return jsonResponse({ ...upload, errors: uploadErrorsIn(upload.errors, req.lang) });
}

async function waitingTimesApi(req: Request) {
  requireActor(req);
  const year = yearParam(req, 'year', thisYear() - 1);
  const { waiting } = await monitoringFigures(year, cancerParam(req, 'cancerType'));
  return jsonResponse({ year, periods: waiting });
}

async function packageTimesApi(req: Request) {
  requireActor(req);
  const year = yearParam(req, 'year', thisYear() - 1);
  const { packages } = await monitoringFigures(year, cancerParam(req, 'cancerType'));
  return jsonResponse({ year, periods: packages });
}

async function page(req: Request) {
  const actor = requireActor(req);
  const year = yearParam(req, 'aar', thisYear() - 1);
  const cancerType = cancerParam(req, 'kraeftform');
  const [{ waiting, packages }, referrals] = await Promise.all([
    monitoringFigures(year, cancerType),
    referralWeeksOfYear(year),
  ]);
  const scope = mayUpload(actor) ? uploadScope(actor) : undefined;
  const years = Array.from({ length: 6 }, (_, i) => thisYear() - i);
  const body = monitoringPage({
    year,
    cancerType,
    waiting,
    packages,
    referrals,
    csrf: req.csrf,
    mayUpload: scope !== undefined && actor.via === 'session',
    onlyRegion: scope?.onlyRegion,
    years,
    lang: req.lang,
  });
  return htmlResponse(
    layout({ title: t(req.lang, 'monitoring.title'), body, ...pageContext(req), user: actor }),
  );
}

async function csv(req: Request) {
  requireActor(req);
  const year = yearParam(req, 'aar', thisYear() - 1);
  const cancerType = cancerParam(req, 'kraeftform');
  const { waiting, packages } = await monitoringFigures(year, cancerType);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="overvaagning-${year}${cancerType ? `-${cancerType}` : ''}.csv"`,
      'cache-control': 'no-store',
    },
    body: `\uFEFF${monitoringCsv(waiting, packages)}`,
  };
}

async function script() {
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=300' },
    body: UPLOAD_SCRIPT,
  };
}

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const monitoringHandlers = {
  createUpload,
  getUpload,
  waitingTimesApi,
  packageTimesApi,
  page,
  csv,
  script,
} satisfies RouteHandlers;
