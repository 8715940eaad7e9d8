/**
 * The single-table store. Key design and access patterns: docs/decisions/0002-single-table.md.
 *
 * | item                | PK                    | SK                              | GSI1PK / GSI1SK             | GSI2PK / GSI2SK                |
 * |---------------------|-----------------------|---------------------------------|-----------------------------|--------------------------------|
 * | problem             | PROBLEM#<id>          | #META                           | PROBLEMS / <createdAt>      | LADDER#open / <createdAt> (only while open) |
 * | timeline event      | PROBLEM#<id>          | EVENT#<at>#<rand>               |                             |                                |
 * | recipient           | PROBLEM#<id>          | RECIPIENT#<email>               |                             |                                |
 * | notification claim  | PROBLEM#<id>          | SENT#<level>#<round>#<email>    |                             |                                |
 * | contact             | CONTACTS              | <contactId>                     |                             |                                |
 * | external provider   | EXTPROVIDERS          | <providerId>                    |                             |                                |
 * | referral checklist  | CHECKLIST#<kind>      | #META                           |                             |                                |
 * | user                | USER#<email>          | #META                           |                             |                                |
 * | session / token     | SESSION#<hash> / TOKEN#<hash> | #META                   |                             |                                |
 * | e-mail link         | LINK#<hash>           | #META                           |                             |                                |
 * | outbox message      | OUTBOX                | <sentAt>#<id>                   |                             |                                |
 *
 * Every request path is a GetItem, PutItem/UpdateItem with a condition, or a Query on one
 * partition: no scans, no transactions (the local engine has none, and none are needed).
 */
import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ExternalProvider } from '#domain/external-providers.ts';
import type { Level } from '#domain/ladder.ts';
import type { Person, Problem } from '#domain/problem.ts';
import type { Recipient } from '#domain/recipients.ts';
import type { Contact } from '#domain/reference.ts';
import { config } from './config.ts';
import { documentClient } from './dynamo.ts';

const META = '#META';

function table(): string {
  return config().TABLE_NAME;
}

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, ttl, ...rest } = item;
  return rest as T;
}

export function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

export async function queryAll(params: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({ TableName: table(), ...params, ExclusiveStartKey }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

// ---------------------------------------------------------------- problems

const OPEN_PROBLEMS = 'LADDER#open';

function problemKeys(problem: Problem) {
  return {
    PK: `PROBLEM#${problem.id}`,
    SK: META,
    GSI1PK: 'PROBLEMS',
    GSI1SK: problem.createdAt,
    // Every open problem is in one index partition: the reconcile job pages through it.
    ...(problem.status === 'open' ? { GSI2PK: OPEN_PROBLEMS, GSI2SK: problem.createdAt } : {}),
  };
}

/**
 * Stores a new problem unless one with the same id exists (the id is derived from the
 * submission's idempotency key, so a double click or a retry finds the first one).
 * @returns `created: false` and the stored problem when it already existed.
 */
export async function createProblem(problem: Problem): Promise<{ created: boolean; problem: Problem }> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: { ...problemKeys(problem), ...problem },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return { created: true, problem };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const existing = await getProblem(problem.id);
    if (!existing) throw error;
    return { created: false, problem: existing };
  }
}

export async function getProblem(id: string): Promise<Problem | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: table(), Key: { PK: `PROBLEM#${id}`, SK: META } }),
  );
  return strip<Problem>(out.Item);
}

export class ConcurrentUpdateError extends Error {
  constructor(id: string, options?: ErrorOptions) {
    super(`Problem ${id} was changed by someone else; reload and try again`, options);
    this.name = 'ConcurrentUpdateError';
  }
}

/**
 * Replaces a problem if nobody changed it since `expected.version` (optimistic locking), so no
 * concurrent update is lost. Retry with {@link mutateProblem} for read-modify-write.
 */
export async function saveProblem(updated: Problem, expectedVersion: number): Promise<Problem> {
  const next = { ...updated, version: expectedVersion + 1, updatedAt: new Date().toISOString() };
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: { ...problemKeys(next), ...next },
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': expectedVersion },
      }),
    );
    return next;
  } catch (error) {
    if (isConditionFailure(error)) throw new ConcurrentUpdateError(updated.id, { cause: error });
    throw error;
  }
}

/**
 * Read-modify-write with retries on conflict. `change` returns the new problem, or `undefined`
 * to leave it as it is.
 */
export async function mutateProblem(
  id: string,
  change: (current: Problem) => Problem | undefined,
  attempts = 5,
): Promise<Problem | undefined> {
  for (let i = 0; i < attempts; i++) {
    const current = await getProblem(id);
    if (!current) return undefined;
    const next = change(current);
    if (!next) return current;
    try {
      return await saveProblem(next, current.version);
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || i === attempts - 1) throw error;
    }
  }
  return undefined;
}

/**
 * Marks the problem's workflow as started with one conditional UpdateItem. It stays in the
 * open-problems index (GSI2): if its execution is lost before a step ran (a process killed
 * right after the start), the reconcile job must still find it. `false` when it was already
 * marked, or the problem is gone.
 */
export async function markWorkflowStarted(id: string, executionId: string): Promise<boolean> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: { PK: `PROBLEM#${id}`, SK: META },
        UpdateExpression:
          'SET workflow.#state = :started, workflow.executionId = :execution, workflow.attempts = workflow.attempts + :one, version = version + :one, updatedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND workflow.#state <> :started',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':started': 'started',
          ':execution': executionId,
          ':one': 1,
          ':now': new Date().toISOString(),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Newest first. Listing pages only; bounded by `limit`. */
export async function listProblems(limit = 100): Promise<Problem[]> {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': 'PROBLEMS' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  // GSI items are projections of the same item; read them as problems.
  return (out.Items ?? []).map((i) => strip<Problem>(i) as Problem);
}

/**
 * Every open problem, oldest first, one page at a time (reconciliation and restart): memory stays
 * bounded by the page size whatever the number of open problems.
 */
export async function* openProblemPages(pageSize = 100): AsyncGenerator<Problem[]> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': OPEN_PROBLEMS },
        Limit: pageSize,
        ExclusiveStartKey,
      }),
    );
    const items = (page.Items ?? []).map((i) => strip<Problem>(i) as Problem);
    if (items.length > 0) yield items;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

// ---------------------------------------------------------------- timeline

export type TimelineKind =
  | 'reported'
  | 'workflow-started'
  | 'workflow-start-failed'
  | 'workflow-stopped'
  | 'workflow-restarted'
  | 'level-entered'
  | 'notified'
  | 'reminder'
  | 'acknowledged'
  | 'offer'
  | 'resolved'
  | 'resolution-notified'
  | 'contact-unreachable'
  | 'continued'
  | 'network-activated';

export interface TimelineEvent {
  at: string;
  kind: TimelineKind;
  level?: Level;
  actor?: Person;
  /** Short Danish text shown on the timeline. */
  text: string;
  /** The same text as a catalogue key and values, to show it in the reader's language (web/timeline.ts). */
  message?: { key: string; params?: Record<string, string | number>; suffix?: string };
  data?: Record<string, unknown>;
}

/** The stored item of a timeline event (for {@link appendEvent} or a batch with {@link putItems}). */
export function timelineItem(
  problemId: string,
  event: Omit<TimelineEvent, 'at'> & { at?: string },
): Record<string, unknown> {
  const at = event.at ?? new Date().toISOString();
  return { PK: `PROBLEM#${problemId}`, SK: `EVENT#${at}#${randomBytes(4).toString('hex')}`, ...event, at };
}

export async function appendEvent(
  problemId: string,
  event: Omit<TimelineEvent, 'at'> & { at?: string },
): Promise<TimelineEvent> {
  const { PK, SK, ...stored } = timelineItem(problemId, event);
  await documentClient().send(new PutCommand({ TableName: table(), Item: { PK, SK, ...stored } }));
  return stored as unknown as TimelineEvent;
}

/** Stores one prepared item (a record, a timeline entry) as it is. */
export async function putItem(item: Record<string, unknown>): Promise<void> {
  await documentClient().send(new PutCommand({ TableName: table(), Item: item }));
}

/**
 * Writes unconditional items in one BatchWriteItem per 25 (new items with fresh keys, e.g. a
 * timeline event and its audit entry), retrying whatever DynamoDB leaves unprocessed.
 */
export async function putItems(items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests: { PutRequest: { Item: Record<string, unknown> } }[] | undefined = items
      .slice(i, i + 25)
      .map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests && requests.length > 0; attempt++) {
      if (attempt > 0) await new Promise((ok) => setTimeout(ok, Math.min(1000, 50 * 2 ** attempt)));
      if (attempt === 8) throw new Error(`${requests.length} items left unprocessed after 8 attempts`);
      const out = await documentClient().send(
        new BatchWriteCommand({ RequestItems: { [table()]: requests } }),
      );
      requests = out.UnprocessedItems?.[table()] as typeof requests;
    }
  }
}

export interface StoredRecipient extends Recipient {
  levels: Level[];
  firstNotifiedAt: string;
  unreachable?: boolean;
}

/** The problem, its timeline (oldest first) and everyone contacted — one Query. */
export async function getProblemDetails(
  id: string,
): Promise<{ problem: Problem; timeline: TimelineEvent[]; recipients: StoredRecipient[] } | undefined> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': `PROBLEM#${id}` },
  });
  const meta = items.find((i) => i.SK === META);
  if (!meta) return undefined;
  return {
    problem: strip<Problem>(meta) as Problem,
    timeline: items
      .filter((i) => String(i.SK).startsWith('EVENT#'))
      .map((i) => strip<TimelineEvent>(i) as TimelineEvent),
    recipients: items
      .filter((i) => String(i.SK).startsWith('RECIPIENT#'))
      .map((i) => strip<StoredRecipient>(i) as StoredRecipient),
  };
}

export async function listRecipients(problemId: string): Promise<StoredRecipient[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': `PROBLEM#${problemId}`, ':sk': 'RECIPIENT#' },
  });
  return items.map((i) => strip<StoredRecipient>(i) as StoredRecipient);
}

export async function getRecipient(problemId: string, email: string): Promise<StoredRecipient | undefined> {
  const out = await documentClient().send(
    new GetCommand({
      TableName: table(),
      Key: { PK: `PROBLEM#${problemId}`, SK: `RECIPIENT#${email.toLowerCase()}` },
    }),
  );
  return strip<StoredRecipient>(out.Item);
}

/** Records that a recipient was contacted at a level (upsert; keeps the first time). */
export async function recordRecipient(
  problemId: string,
  recipient: Recipient,
  level: Level,
  at: string,
): Promise<void> {
  await documentClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: { PK: `PROBLEM#${problemId}`, SK: `RECIPIENT#${recipient.email.toLowerCase()}` },
      UpdateExpression:
        'SET contactId = if_not_exists(contactId, :cid), email = :email, #name = :name, #role = :role, kind = :kind, firstNotifiedAt = if_not_exists(firstNotifiedAt, :at), levels = list_append(if_not_exists(levels, :empty), :level), #region = :region, #hospital = :hospital, #department = :department',
      ExpressionAttributeNames: {
        '#name': 'name',
        '#role': 'role',
        '#region': 'region',
        '#hospital': 'hospital',
        '#department': 'department',
      },
      ExpressionAttributeValues: {
        ':cid': recipient.contactId,
        ':email': recipient.email.toLowerCase(),
        ':name': recipient.name,
        ':role': recipient.role,
        ':kind': recipient.kind,
        ':at': at,
        ':empty': [],
        ':level': [level],
        ':region': recipient.region ?? null,
        ':hospital': recipient.hospital ?? null,
        ':department': recipient.department ?? null,
      },
    }),
  );
}

export async function markRecipientUnreachable(problemId: string, email: string): Promise<boolean> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: { PK: `PROBLEM#${problemId}`, SK: `RECIPIENT#${email.toLowerCase()}` },
        UpdateExpression: 'SET unreachable = :t',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':t': true },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Claims `(pk, sk)` once with a conditional put — the one mechanism behind "nobody is e-mailed
 * twice" (ladder steps, jobs, double-clicked forms). @returns false when already claimed.
 */
export async function claimOnce(pk: string, sk: string, ttlDays?: number): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: {
          PK: pk,
          SK: sk,
          at: new Date().toISOString(),
          ...(ttlDays ? { ttl: Math.floor(Date.now() / 1000) + ttlDays * 86_400 } : {}),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Gives a claim back (the send failed), so a retry does it. */
export async function releaseClaim(pk: string, sk: string): Promise<void> {
  await documentClient().send(new DeleteCommand({ TableName: table(), Key: { PK: pk, SK: sk } }));
}

/**
 * Runs `send` at most once per claim; a failing send releases the claim and rethrows, so the
 * caller's retry sends it and nobody gets it twice. @returns false when it was sent before.
 */
export async function sendOnce(
  pk: string,
  sk: string,
  send: () => Promise<unknown>,
  ttlDays?: number,
): Promise<boolean> {
  if (!(await claimOnce(pk, sk, ttlDays))) return false;
  try {
    await send();
    return true;
  } catch (error) {
    await releaseClaim(pk, sk);
    throw error;
  }
}

/** One claimed delivery: `id` and `at` stay the same when a dead sender's claim is taken over. */
export interface DeliveryClaim {
  state: 'claimed' | 'sent' | 'in-flight';
  id?: string;
  at?: string;
}

/**
 * Claims one delivery with a lease: `claimed` (send it now, then {@link confirmDelivery}),
 * `sent` (confirmed before, or a claim from before leases existed), or `in-flight` (another
 * sender holds an unexpired lease). A claim whose lease ran out unconfirmed — its sender died
 * mid-send — is taken over, keeping its id and time, so an idempotent mailer writes the same
 * message again instead of a second one.
 */
export async function claimDelivery(pk: string, sk: string, leaseMs: number): Promise<DeliveryClaim> {
  const now = Date.now();
  try {
    const out = await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: { PK: pk, SK: sk },
        UpdateExpression:
          'SET #state = :sending, leaseUntil = :lease, deliveryId = if_not_exists(deliveryId, :id), #at = if_not_exists(#at, :at)',
        ConditionExpression: 'attribute_not_exists(PK) OR (#state = :sending AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state', '#at': 'at' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':lease': now + leaseMs,
          ':now': now,
          ':id': randomBytes(8).toString('hex'),
          ':at': new Date(now).toISOString(),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { state: 'claimed', id: out.Attributes?.deliveryId, at: out.Attributes?.at };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const existing = await documentClient().send(
    new GetCommand({ TableName: table(), Key: { PK: pk, SK: sk } }),
  );
  return existing.Item?.state === 'sending' ? { state: 'in-flight' } : { state: 'sent' };
}

/** Marks a claimed delivery done (`sent`, or `rejected` when the address was refused). */
export async function confirmDelivery(pk: string, sk: string, outcome: 'sent' | 'rejected' = 'sent') {
  await documentClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: { PK: pk, SK: sk },
      UpdateExpression: 'SET #state = :s REMOVE leaseUntil',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':s': outcome },
    }),
  );
}

/**
 * Confirms many sent deliveries in one BatchWriteItem per 25: each claim item is written again as
 * `confirmDelivery` leaves it (sent, same delivery id and time, no lease).
 */
export async function confirmDeliveries(
  sent: { pk: string; sk: string; claim: DeliveryClaim }[],
): Promise<void> {
  const whole = sent.filter(({ claim }) => claim.id && claim.at);
  await putItems(
    whole.map(({ pk, sk, claim }) => ({ PK: pk, SK: sk, state: 'sent', deliveryId: claim.id, at: claim.at })),
  );
  // A claim known without its id and time (claimDelivery always returns them) is confirmed in place.
  for (const { pk, sk, claim } of sent) if (!(claim.id && claim.at)) await confirmDelivery(pk, sk);
}

/**
 * Claims the right to send one notification (problem, level, round, recipient) exactly once,
 * so a retried workflow step never e-mails anyone twice.
 */
export function claimNotification(problemId: string, key: string): Promise<boolean> {
  return claimOnce(`PROBLEM#${problemId}`, `SENT#${key}`);
}

// ---------------------------------------------------------------- contacts

export async function listContacts(): Promise<Contact[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': 'CONTACTS' },
  });
  return items.map((i) => strip<Contact>(i) as Contact);
}

let recent: { readAt: number; from: object; contacts: Promise<Contact[]> } | undefined;

/**
 * The contact list as the ladder's steps read it: one Query per container every
 * CONTACTS_CACHE_SECONDS (default 30), not one per step. A level's e-mails follow a change of the
 * list within that time, as the reference data does (reference-store.ts); a write through
 * `putContact` in this container drops it at once.
 */
export function recentContacts(): Promise<Contact[]> {
  const maxAgeMs = Number(process.env.CONTACTS_CACHE_SECONDS ?? 30) * 1000;
  // A new client is a new database (tests, a restarted local runtime): read it afresh.
  if (!recent || Date.now() - recent.readAt > maxAgeMs || recent.from !== documentClient()) {
    const read = { readAt: Date.now(), from: documentClient(), contacts: listContacts() };
    recent = read;
    // A failed read is not kept: the next step asks again.
    read.contacts.catch(() => {
      if (recent === read) recent = undefined;
    });
  }
  return recent.contacts;
}

/**
 * Each contact's e-mail address and language, and nothing else: the mails read one person's
 * language, and the whole entries would cost every submission the parsing of the phone list.
 */
export async function listContactLanguages(): Promise<Pick<Contact, 'email' | 'language'>[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': 'CONTACTS' },
    ProjectionExpression: '#email, #language',
    ExpressionAttributeNames: { '#email': 'email', '#language': 'language' },
  });
  return items as Pick<Contact, 'email' | 'language'>[];
}

export async function putContact(contact: Contact): Promise<void> {
  recent = undefined;
  await documentClient().send(
    new PutCommand({ TableName: table(), Item: { PK: 'CONTACTS', SK: contact.id, ...contact } }),
  );
  recent = undefined;
}

export async function getContact(id: string): Promise<Contact | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: table(), Key: { PK: 'CONTACTS', SK: id } }),
  );
  return strip<Contact>(out.Item);
}

// ---------------------------------------------------------------- external providers

// The register is small (tens of providers) and always read whole — by its page, the CSV export
// and the capacity finder — so one partition and one Query, like the contacts.

export async function listExternalProviders(): Promise<ExternalProvider[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': 'EXTPROVIDERS' },
  });
  return items.map((i) => strip<ExternalProvider>(i) as ExternalProvider);
}

export async function putExternalProvider(provider: ExternalProvider): Promise<void> {
  await documentClient().send(
    new PutCommand({ TableName: table(), Item: { PK: 'EXTPROVIDERS', SK: provider.id, ...provider } }),
  );
}

export async function getExternalProvider(id: string): Promise<ExternalProvider | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: table(), Key: { PK: 'EXTPROVIDERS', SK: id } }),
  );
  return strip<ExternalProvider>(out.Item);
}

// ---------------------------------------------------------------- generic keyed records

/** The stored item of a record under `<prefix>#<id>` / #META, with an optional expiry (epoch seconds in `ttl`). */
export function recordItem(
  prefix: string,
  id: string,
  value: Record<string, unknown>,
  ttlSeconds?: number,
): Record<string, unknown> {
  return {
    PK: `${prefix}#${id}`,
    SK: META,
    ...value,
    ...(ttlSeconds ? { ttl: Math.floor(Date.now() / 1000) + ttlSeconds } : {}),
  };
}

/** Stores a record (see {@link recordItem}); `onlyIfAbsent` answers false when it already exists. */
export async function putRecord(
  prefix: string,
  id: string,
  value: Record<string, unknown>,
  options: { ttlSeconds?: number; onlyIfAbsent?: boolean } = {},
): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: recordItem(prefix, id, value, options.ttlSeconds),
        ...(options.onlyIfAbsent ? { ConditionExpression: 'attribute_not_exists(PK)' } : {}),
      }),
    );
    return true;
  } catch (error) {
    if (options.onlyIfAbsent && isConditionFailure(error)) return false;
    throw error;
  }
}

/** Reads a record; expired ones (TTL passed but not yet swept) read as absent. */
export async function getRecord<T>(prefix: string, id: string): Promise<T | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: table(), Key: { PK: `${prefix}#${id}`, SK: META } }),
  );
  const ttl = out.Item?.ttl;
  if (typeof ttl === 'number' && ttl < Date.now() / 1000) return undefined;
  return strip<T>(out.Item);
}

/** Deletes a record only if it exists and returns it: a single-use read (sign-in links). */
export async function takeRecord<T>(prefix: string, id: string): Promise<T | undefined> {
  try {
    const out = await documentClient().send(
      new DeleteCommand({
        TableName: table(),
        Key: { PK: `${prefix}#${id}`, SK: META },
        ConditionExpression: 'attribute_exists(PK)',
        ReturnValues: 'ALL_OLD',
      }),
    );
    return strip<T>(out.Attributes);
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

export async function deleteRecord(prefix: string, id: string): Promise<void> {
  await documentClient().send(
    new DeleteCommand({ TableName: table(), Key: { PK: `${prefix}#${id}`, SK: META } }),
  );
}

// ---------------------------------------------------------------- outbox (local mailer)

export interface OutboxMessage {
  id: string;
  sentAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  problemId?: string;
  level?: Level;
  purpose: string;
}

/** Writes a message; the same `sentAt` and `id` overwrite the same item (a repeated delivery). */
export async function putOutboxMessage(message: OutboxMessage): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: table(),
      Item: { PK: 'OUTBOX', SK: `${message.sentAt}#${message.id}`, ...message },
    }),
  );
}

/** Newest first. */
export async function listOutbox(limit = 500): Promise<OutboxMessage[]> {
  return (await listOutboxPage({ limit })).messages;
}

/**
 * One page of the outbox, newest first: up to `limit` messages matching the filters, and the
 * cursor to continue from (the sort key of the last message looked at) when there are more.
 */
export async function listOutboxPage(options: {
  limit: number;
  after?: string;
  problemId?: string;
  to?: string;
}): Promise<{ messages: OutboxMessage[]; next?: string }> {
  const filters: string[] = [];
  const values: Record<string, unknown> = { ':pk': 'OUTBOX' };
  if (options.problemId) {
    filters.push('problemId = :problem');
    values[':problem'] = options.problemId;
  }
  if (options.to) {
    filters.push('contains(#to, :to)');
    values[':to'] = options.to;
  }
  const messages: OutboxMessage[] = [];
  let start: Record<string, unknown> | undefined = options.after
    ? { PK: 'OUTBOX', SK: options.after }
    : undefined;
  do {
    // Limit counts items looked at, before the filter: never more than the page still needs.
    const out = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'PK = :pk',
        ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
        ...(options.to ? { ExpressionAttributeNames: { '#to': 'to' } } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: options.limit - messages.length,
        ExclusiveStartKey: start,
      }),
    );
    messages.push(...(out.Items ?? []).map((i) => strip<OutboxMessage>(i) as OutboxMessage));
    start = out.LastEvaluatedKey;
  } while (start && messages.length < options.limit);
  return { messages, next: typeof start?.SK === 'string' ? start.SK : undefined };
}

/** Gives a claimed notification back when sending failed, so a retry sends it. */
export function releaseNotification(problemId: string, key: string): Promise<void> {
  return releaseClaim(`PROBLEM#${problemId}`, `SENT#${key}`);
}
