/**
 * The Idempotency-Key of the JSON API's writes, as the IETF draft
 * (draft-ietf-httpapi-idempotency-key-header) describes it: the first request with a key stores
 * a fingerprint of its body (and, once answered, the answer); the same key with the same body
 * gets the first answer again, the same key with another body a 422. Keys are per caller and
 * route, stored only as a hash. The services stay idempotent on their own (a problem's id is
 * derived from the key, an offer is claimed once per key), so a crash between the two writes
 * here never counts anything twice. Why: docs/decisions/0011-bad-input-and-idempotency.md.
 */
import { createHash, randomUUID } from 'node:crypto';
import { deleteRecord, getRecord, putRecord, recordItem } from '#adapters/store.ts';
import { keyContainsCprNumber } from '#domain/cpr.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { HttpError, type HttpResult, type Request } from './types.ts';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
/** Long enough for any retry; a problem's id stays derived from its key for good. */
const KEEP_SECONDS = 30 * 24 * 3600;
/** Answers larger than this are not kept; a replay then runs the (idempotent) route again. */
const MAX_STORED_BODY = 64 * 1024;

interface StoredKey {
  fingerprint: string;
  response?: HttpResult;
}

/** The header's value, checked: 8–128 letters, digits and `_.:-`, and never a CPR number. */
export function idempotencyKey(req: Request, required: true): string;
export function idempotencyKey(req: Request, required: boolean): string | undefined;
export function idempotencyKey(req: Request, required: boolean): string | undefined {
  const key = req.headers['idempotency-key'];
  if (key === undefined || key === '') {
    if (!required) return undefined;
    throw new HttpError(400, phrase('error.request.idempotencyKeyMissing'));
  }
  if (keyContainsCprNumber(key)) throw new HttpError(400, phrase('error.request.idempotencyKeyCpr'));
  if (!IDEMPOTENCY_KEY_PATTERN.test(key))
    throw new HttpError(400, phrase('error.request.idempotencyKeyFormat'));
  return key;
}

/**
 * A form's hidden submission key (report, offer, inform): the forms' own idempotency key, so a
 * double click counts once. Same rules as the header; a missing or bad one means a stale page.
 */
export function formKey(value: string | undefined): string {
  if (!value || !IDEMPOTENCY_KEY_PATTERN.test(value) || keyContainsCprNumber(value))
    throw new HttpError(400, phrase('error.request.formKeyMissing'));
  return value;
}

/** A fresh key for a form: a random UUID, which the key guard never takes for a CPR number. */
export function newFormKey(): string {
  return randomUUID();
}

/** Object keys sorted, so the same JSON written in another order is the same body. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

export function bodyFingerprint(body: string): string {
  let text = body;
  try {
    text = JSON.stringify(canonical(JSON.parse(body)));
  } catch {
    // not JSON (CSV, a form): the text itself
  }
  return createHash('sha256').update(text).digest('base64url');
}

function recordId(req: Request, key: string): string {
  const caller = req.actor?.email ?? '';
  return createHash('sha256').update(`${caller}\n${req.method}\n${req.path}\n${key}`).digest('base64url');
}

/**
 * Runs `act` once per (caller, route, key, body). Without a caller the route answers 401 itself,
 * so nothing is stored for anonymous requests.
 */
export async function withIdempotency(
  req: Request,
  mode: 'required' | 'optional',
  act: () => Promise<HttpResult>,
): Promise<HttpResult> {
  if (!req.actor) return act();
  const key = idempotencyKey(req, mode === 'required');
  if (!key) return act();
  const id = recordId(req, key);
  const fingerprint = bodyFingerprint(req.body);
  const first = await putRecord(
    'IDEMPOTENCY',
    id,
    { fingerprint },
    { ttlSeconds: KEEP_SECONDS, onlyIfAbsent: true },
  );
  if (!first) {
    const stored = await getRecord<StoredKey>('IDEMPOTENCY', id);
    if (stored && stored.fingerprint !== fingerprint)
      throw new HttpError(422, phrase('error.request.idempotencyKeyReused'));
    if (stored?.response) return replayed(stored.response);
    // The first request is still running, or ended without an answer: the route is idempotent.
  }
  let response: HttpResult;
  try {
    response = await act();
  } catch (error) {
    // Refused or failed: the key is free again, so the caller can correct and retry.
    if (first) await deleteRecord('IDEMPOTENCY', id);
    throw error;
  }
  if (response.statusCode < 300 && (response.body ?? '').length <= MAX_STORED_BODY)
    await putRecord('IDEMPOTENCY', id, { fingerprint, response }, { ttlSeconds: KEEP_SECONDS });
  return response;
}

/**
 * The Idempotency-Key of a route whose service is idempotent by itself and stores the key's
 * record with its own writes, so the key costs no write of its own: POST /api/problems derives
 * the report's id from the key, and the record goes in one batch with the new report's timeline
 * entry (the services' `alsoStore`). No answer is kept: a replay answers with the work as it is
 * now. `repeated()` is for a request that found the work done: `replay` when the record holds
 * this body, a 422 when it holds another, `unknown` without a record (the work was done through a
 * form with the same key, or its first request has not stored the record yet).
 */
export function keyRecordWithWork(req: Request, key: string) {
  const id = recordId(req, key);
  const fingerprint = bodyFingerprint(req.body);
  return {
    item: recordItem('IDEMPOTENCY', id, { fingerprint }, KEEP_SECONDS),
    async repeated(): Promise<'replay' | 'unknown'> {
      const stored = await getRecord<StoredKey>('IDEMPOTENCY', id);
      if (!stored) return 'unknown';
      if (stored.fingerprint !== fingerprint)
        throw new HttpError(422, phrase('error.request.idempotencyKeyReused'));
      return 'replay';
    },
  };
}

/** An answer given again for a repeated Idempotency-Key. */
export function replayed(response: HttpResult): HttpResult {
  return { ...response, headers: { ...response.headers, 'idempotent-replayed': 'true' } };
}
