/** The JSON API for regional systems: the same operations as the pages, with bearer tokens. */

import type { z } from 'zod';
import { getProblemDetails, listProblems } from '#adapters/store.ts';
import {
  acknowledgeSchema,
  offerSchema,
  problemReportSchema,
  resolveSchema,
} from '#domain/schemas/problem.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { acknowledge, offerCapacity, reportProblem, resolveProblem } from '../../services/problems.ts';
import { parseJson } from '../forms.ts';
import { idempotencyKey, keyRecordWithWork, replayed } from '../idempotency.ts';
import { requireActor } from '../identity.ts';
import { jsonResponse } from '../respond.ts';
import { HttpError, type Request, type RouteHandler, type RouteHandlers } from '../types.ts';
import { openApiDocument } from './openapi.ts';

function validate<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    throw new HttpError(400, phrase('error.request.invalidData'), fields);
  }
  return parsed.data;
}

/** Idempotent by its key without a write of its own: see `keyRecordWithWork`. */
async function create(req: Request) {
  const actor = requireActor(req);
  const key = idempotencyKey(req, true);
  const report = validate(problemReportSchema, parseJson(req.body));
  const record = keyRecordWithWork(req, key);
  const { problem, created } = await reportProblem(report, actor, key, [record.item]);
  const headers = { location: `/api/problems/${problem.id}` };
  if (created) return jsonResponse(problem, 201, { headers });
  return (await record.repeated()) === 'replay'
    ? replayed(jsonResponse(problem, 201, { headers }))
    : jsonResponse(problem, 200, { headers });
}

async function list(req: Request) {
  requireActor(req);
  return jsonResponse({ items: await listProblems(200) });
}

async function get(req: Request) {
  requireActor(req);
  const details = await getProblemDetails(req.params.id ?? '');
  if (!details) throw new HttpError(404, phrase('problem.notFound'));
  return jsonResponse(details);
}

async function ack(req: Request) {
  const actor = requireActor(req);
  const body = validate(acknowledgeSchema, req.body.trim() === '' ? {} : parseJson(req.body));
  await acknowledge(req.params.id ?? '', actor, body.note);
  return jsonResponse({ ok: true }, 201);
}

async function offer(req: Request) {
  const actor = requireActor(req);
  const body = validate(offerSchema, parseJson(req.body));
  const problem = await offerCapacity(req.params.id ?? '', actor, body, idempotencyKey(req, true));
  return jsonResponse({ offeredPatients: problem.offeredPatients }, 201);
}

async function resolve(req: Request) {
  const actor = requireActor(req);
  const body = validate(resolveSchema, req.body.trim() === '' ? {} : parseJson(req.body));
  return jsonResponse(await resolveProblem(req.params.id ?? '', actor, body.note));
}

const openApi: RouteHandler = async () => jsonResponse(openApiDocument());

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const problemApiHandlers = { openApi, list, create, get, ack, offer, resolve } satisfies RouteHandlers;
