/**
 * Items of the follow-up features (issue 5): the audit trail and the kept quarterly statuses.
 * The same single table as store.ts; these key prefixes are owned here.
 *
 * | item             | PK                          | SK                     | GSI1PK / GSI1SK                  |
 * |------------------|-----------------------------|------------------------|----------------------------------|
 * | audit entry      | AUDIT#<entityType>#<id>     | <at>#<rand>            | AUDIT#<yyyy-mm> / <at>#<rand>    |
 * | quarterly status | QSTATUS                     | <yyyy>-Q<n>            |                                  |
 * | national network | NETWORKS                    | <cancerType>           |                                  |
 * | verify link      | VERIFYLINK#<hash> (putRecord, TTL)                    |                                  |
 * | reminder sent    | VERIFYREMIND#<email> (putRecord)                      |                                  |
 * | send claim       | CLAIM#<scope>               | <key>                  | (TTL 90 days)                    |
 *
 * Send claims: `QSTATUS#<quarter>` / recipient e-mail (quarterly status) and
 * `NETINFORM#<cancerType>` / form submission key ("Informér Danske Regioner").
 *
 * Problems are read from store.ts's GSI1 (PROBLEMS / <createdAt>), paged, for the quarterly status.
 *
 * Access: an entity's trail is one Query on its partition; "what happened in a period" is one
 * Query per month on GSI1 (the admin page reads a month at a time). No scans.
 */
import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Network } from '#domain/networks.ts';
import type { Person, Problem } from '#domain/problem.ts';
import type { QuarterlyStatus } from '#domain/quarterly.ts';
import type { StoredPhrase } from '#domain/stored-phrase.ts';
import { config } from './config.ts';
import { documentClient } from './dynamo.ts';
import { claimOnce, isConditionFailure, releaseClaim } from './store.ts';

export type AuditEntityType =
  | 'contact'
  | 'problem'
  | 'quarterly-status'
  | 'network'
  | 'monitoring'
  | 'reference-data'
  | 'external-provider'
  | 'referral-checklist'
  | 'holiday-period'
  | 'holiday-plan'
  | 'specialised-function'
  | 'capacity-check'
  | 'referral-counts';

export interface AuditEntry {
  at: string;
  who: Person;
  entityType: AuditEntityType;
  entityId: string;
  /** e.g. created, updated, imported, verified, reported, acknowledged, offer, resolved */
  action: string;
  /** Short Danish text of what changed (what entries written before `summaryPhrase` existed hold). */
  summary: string;
  /** The same as a catalogue key and values, worded in the reader's language; absent for a person's own words. */
  summaryPhrase?: StoredPhrase;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

function table(): string {
  return config().TABLE_NAME;
}

function clean<T>(item: Record<string, unknown>): T {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, ttl, ...rest } = item;
  return rest as T;
}

async function queryAll(params: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) {
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

/** The stored item of an audit entry (for {@link putAuditEntry} or a batch with `putItems`). */
export function auditItem(entry: AuditEntry): Record<string, unknown> {
  const sk = `${entry.at}#${randomBytes(4).toString('hex')}`;
  return {
    PK: `AUDIT#${entry.entityType}#${entry.entityId}`,
    SK: sk,
    GSI1PK: `AUDIT#${entry.at.slice(0, 7)}`,
    GSI1SK: sk,
    ...entry,
  };
}

export async function putAuditEntry(entry: AuditEntry): Promise<void> {
  await documentClient().send(new PutCommand({ TableName: table(), Item: auditItem(entry) }));
}

/** One entity's trail, oldest first. */
export async function listAuditForEntity(
  entityType: AuditEntityType,
  entityId: string,
): Promise<AuditEntry[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': `AUDIT#${entityType}#${entityId}` },
  });
  return items.map((i) => clean<AuditEntry>(i));
}

/** Everything recorded in one calendar month (UTC, `yyyy-mm`), newest first. */
export async function listAuditForMonth(month: string): Promise<AuditEntry[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': `AUDIT#${month}` },
    ScanIndexForward: false,
  });
  return items.map((i) => clean<AuditEntry>(i));
}

export async function putQuarterlyStatus(status: QuarterlyStatus): Promise<void> {
  await documentClient().send(
    new PutCommand({ TableName: table(), Item: { PK: 'QSTATUS', SK: status.quarter, ...status } }),
  );
}

export async function getQuarterlyStatus(quarter: string): Promise<QuarterlyStatus | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: table(), Key: { PK: 'QSTATUS', SK: quarter } }),
  );
  return out.Item ? clean<QuarterlyStatus>(out.Item) : undefined;
}

/** Newest quarter first. */
export async function listQuarterlyStatuses(): Promise<QuarterlyStatus[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': 'QSTATUS' },
    ScanIndexForward: false,
  });
  return items.map((i) => clean<QuarterlyStatus>(i));
}

/** Every problem reported before `beforeIso` (all pages of GSI1 PROBLEMS), oldest first. */
export async function listProblemsCreatedBefore(beforeIso: string): Promise<Problem[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK < :to',
    ExpressionAttributeValues: { ':pk': 'PROBLEMS', ':to': beforeIso },
  });
  return items.map((i) => clean<Problem>(i));
}

export async function getNetwork(cancerType: string): Promise<Network | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: table(), Key: { PK: 'NETWORKS', SK: cancerType } }),
  );
  return out.Item ? clean<Network>(out.Item) : undefined;
}

export async function listNetworks(): Promise<Network[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': 'NETWORKS' },
  });
  return items.map((i) => clean<Network>(i));
}

/**
 * Writes the network if nobody else changed it since it was read (`version` as read; 0 for a
 * new one). @returns false on a concurrent change: the caller reads again and retries.
 */
export async function saveNetwork(network: Network, readVersion: number): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: { PK: 'NETWORKS', SK: network.cancerType, ...network, version: readVersion + 1 },
        ...(readVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': readVersion } }),
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Claims one send (scope, key) once: a retried job or a double-clicked form sends nobody twice. */
export function claimSend(scope: string, key: string): Promise<boolean> {
  return claimOnce(`CLAIM#${scope}`, key, 90);
}

/** Gives a claim back when the send failed, so a retry sends it. */
export function releaseSend(scope: string, key: string): Promise<void> {
  return releaseClaim(`CLAIM#${scope}`, key);
}
