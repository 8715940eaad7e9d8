/** The quarterly status pages (list, one quarter, CSV, recompute) and the audit trail page. */
import { currentTime } from '#adapters/deps.ts';
import {
  getQuarterlyStatus,
  listAuditForEntity,
  listAuditForMonth,
  listQuarterlyStatuses,
} from '#adapters/followup-store.ts';
import { listProblems } from '#adapters/store.ts';
import { parseProblemRef } from '#domain/problem.ts';
import { QUARTER_PATTERN, quarterLabel } from '#domain/quarterly.ts';
import { t } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { quarterlyStatusCsv } from '#web/quarterly-csv.ts';
import {
  AUDIT_ENTITY_TYPES,
  auditPage,
  quarterlyListPage,
  quarterlyStatusPage,
} from '#web/views/followup.ts';
import { mayReadStatus } from '../../services/access.ts';
import { ForbiddenError } from '../../services/actors.ts';
import { prepareQuarterlyStatus, QuarterNotStartedError } from '../../services/quarterly.ts';
import { parseForm } from '../forms.ts';
import { checkCsrf, requireActor } from '../identity.ts';

import { closedPaths, page } from '../page-context.ts';
import { csvResponse, jsonResponse, redirect } from '../respond.ts';

import { HttpError, type Request, type RouteHandlers } from '../types.ts';

function mayPrepare(role: string): boolean {
  return role === 'secretariat' || role === 'admin';
}

function quarterParam(req: Request): string {
  const quarter = req.params.quarter ?? '';
  if (!QUARTER_PATTERN.test(quarter)) throw new HttpError(404, phrase('quarterly.noQuarter'));
  return quarter;
}

async function list(req: Request) {
  const actor = requireActor(req);
  if (!mayReadStatus(actor.role)) throw new ForbiddenError(phrase('quarterly.forDirectors'));
  return page(
    req,
    t(req.lang, 'quarterly.title'),
    quarterlyListPage(await listQuarterlyStatuses(), req.lang),
  );
}

async function show(req: Request) {
  const actor = requireActor(req);
  if (!mayReadStatus(actor.role)) throw new ForbiddenError(phrase('quarterly.forDirectors'));
  const status = await getQuarterlyStatus(quarterParam(req));
  if (!status) throw new HttpError(404, phrase('quarterly.notYet'));
  if (req.wantsJson) return jsonResponse(status);
  return page(
    req,
    t(req.lang, 'quarterly.heading', { quarter: quarterLabel(status.quarter, req.lang) }),
    quarterlyStatusPage(
      status,
      mayPrepare(actor.role),
      req.csrf ?? '',
      req.lang,
      !closedPaths(actor).includes('/indberet'),
    ),
  );
}

async function csv(req: Request) {
  const actor = requireActor(req);
  if (!mayReadStatus(actor.role)) throw new ForbiddenError(phrase('quarterly.forDirectors'));
  const quarter = (req.params.quarter ?? '').replace(/\.csv$/, '');
  if (!QUARTER_PATTERN.test(quarter)) throw new HttpError(404, phrase('quarterly.noQuarter'));
  const status = await getQuarterlyStatus(quarter);
  if (!status) throw new HttpError(404, phrase('quarterly.notYet'));
  return csvResponse(`kvartalsstatus-${quarter}.csv`, quarterlyStatusCsv(status, req.lang));
}

/** Recompute on demand (e.g. after late corrections); the e-mail goes only from the schedule. */
async function recompute(req: Request) {
  const actor = requireActor(req);
  if (!mayPrepare(actor.role)) throw new ForbiddenError(phrase('quarterly.onlySecretariat'));
  checkCsrf(req, parseForm(req.body).csrf);
  const quarter = quarterParam(req);
  try {
    await prepareQuarterlyStatus(quarter);
  } catch (error) {
    if (error instanceof QuarterNotStartedError)
      throw new HttpError(
        400,
        phrase('error.quarter.notStarted', { quarter: quarterLabel(error.quarter, req.lang) }),
      );
    throw error;
  }
  return redirect(`/kvartalsstatus/${quarter}`);
}

async function audit(req: Request) {
  const actor = requireActor(req);
  if (actor.role !== 'admin' && actor.role !== 'secretariat')
    throw new ForbiddenError(phrase('error.audit.forbidden'));
  const asked = req.query.get('id')?.trim() || undefined;
  // People quote a problem by its reference (KK-6435-VRXX); the trail is keyed by the internal id.
  const ref = asked ? parseProblemRef(asked) : undefined;
  const type = ref ? 'problem' : req.query.get('type') || undefined;
  const id = ref ? (await listProblems(1000)).find((p) => p.ref === ref)?.id : asked;
  const monthParam = req.query.get('maaned') ?? '';
  const month = /^\d{4}-\d{2}$/.test(monthParam) ? monthParam : currentTime().toISOString().slice(0, 7);
  const entries =
    type && asked && AUDIT_ENTITY_TYPES.includes(type)
      ? id
        ? (await listAuditForEntity(type as 'contact', id)).reverse()
        : []
      : await listAuditForMonth(month);
  if (req.wantsJson) return jsonResponse({ entries });
  return page(
    req,
    t(req.lang, 'audit.title'),
    auditPage({ entries, month, entityType: type, entityId: ref ?? asked, lang: req.lang }),
  );
}

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const followupHandlers = { list, csv, show, recompute, audit } satisfies RouteHandlers;
