/**
 * Storage of the monitoring of maximum waiting times (docs/decisions/0006-monitoring.md). Only
 * aggregates and upload receipts: no row of an extract is ever stored.
 *
 * | item                    | PK                                  | SK                        |
 * |-------------------------|-------------------------------------|---------------------------|
 * | upload                  | MONUPLOAD#<id>                      | #META                     |
 * | current region×quarter  | MONITOR#<year>                      | <quarter>#<region>        |
 * | replaced figures        | MONITORHIST#<region>#<quarter>      | <acceptedAt>#<uploadId>   |
 *
 * - A year's figures, every region and quarter, are ONE Query on `MONITOR#<year>` (≤ 20 items,
 *   each holding the tallies per cancer type).
 * - An accepted file writes, per (region, quarter) it contains, the history item first and then
 *   the current item — the latter only if no later upload has replaced it meanwhile
 *   (`acceptedAt` condition) — so a slow retry never undoes a correction and nothing is lost.
 * No scans, no transactions.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RowError } from '#domain/monitoring.ts';
import type { RegionQuarter } from '#domain/monitoring-figures.ts';
import type { Person } from '#domain/problem.ts';
import type { RegionId } from '#domain/reference.ts';
import { config } from './config.ts';
import { documentClient } from './dynamo.ts';
import { isConditionFailure } from './store.ts';

export type UploadStatus = 'pending' | 'processing' | 'done' | 'rejected';

export interface MonitoringUpload {
  id: string;
  status: UploadStatus;
  fileName: string;
  contentType: string;
  createdAt: string;
  createdBy: Person;
  /** A region user's region: the file may hold only this region's rows. */
  onlyRegion?: RegionId;
  startedAt?: string;
  finishedAt?: string;
  rows: number;
  ongoing: number;
  errors: RowError[];
  /** More errors were found than are listed. */
  moreErrors?: boolean;
  /** `<quarter>#<region>` replaced by this file. */
  replaced?: string[];
}

export interface StoredRegionQuarter extends RegionQuarter {
  uploadId: string;
  fileName: string;
  acceptedAt: string;
  acceptedBy: Person;
}

/** Where an upload's object lives in the bucket. */
export function objectKey(id: string): string {
  return `uploads/${id}.csv`;
}

/** The upload id of an object key; undefined for any other object. */
export function uploadIdOfKey(key: string): string | undefined {
  return /^uploads\/([a-z0-9-]{8,64})\.csv$/.exec(key)?.[1];
}

function table(): string {
  return config().TABLE_NAME;
}

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { PK, SK, ...rest } = item;
  return rest as T;
}

async function put(input: Omit<ConstructorParameters<typeof PutCommand>[0], 'TableName'>): Promise<void> {
  await documentClient().send(new PutCommand({ TableName: table(), ...input }));
}

/** Stores a new upload; false when one with this id exists (a repeated Idempotency-Key). */
export async function createUpload(upload: MonitoringUpload): Promise<boolean> {
  try {
    await put({
      Item: { PK: `MONUPLOAD#${upload.id}`, SK: '#META', ...upload },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getUpload(id: string): Promise<MonitoringUpload | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: table(), Key: { PK: `MONUPLOAD#${id}`, SK: '#META' } }),
  );
  return strip<MonitoringUpload>(out.Item);
}

/**
 * Marks an upload as processing. False when it is finished already or another run started it
 * recently (S3 may deliver an event twice); a run that died over `staleAfterMs` ago is taken over.
 */
export async function claimProcessing(id: string, now: Date, staleAfterMs = 15 * 60_000): Promise<boolean> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: { PK: `MONUPLOAD#${id}`, SK: '#META' },
        UpdateExpression: 'SET #s = :processing, startedAt = :now',
        ConditionExpression:
          'attribute_exists(PK) AND (#s = :pending OR (#s = :processing AND startedAt < :stale))',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':processing': 'processing',
          ':pending': 'pending',
          ':now': now.toISOString(),
          ':stale': new Date(now.getTime() - staleAfterMs).toISOString(),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function finishUpload(upload: MonitoringUpload): Promise<void> {
  await put({ Item: { PK: `MONUPLOAD#${upload.id}`, SK: '#META', ...upload } });
}

/** Replaces one region × quarter: history first, then the current figures unless a later file won. */
export async function replaceRegionQuarter(rq: StoredRegionQuarter): Promise<{ replaced: boolean }> {
  await put({
    Item: { PK: `MONITORHIST#${rq.region}#${rq.quarter}`, SK: `${rq.acceptedAt}#${rq.uploadId}`, ...rq },
  });
  try {
    await put({
      Item: { PK: `MONITOR#${rq.quarter.slice(0, 4)}`, SK: `${rq.quarter}#${rq.region}`, ...rq },
      ConditionExpression: 'attribute_not_exists(PK) OR acceptedAt <= :at',
      ExpressionAttributeValues: { ':at': rq.acceptedAt },
    });
    return { replaced: true };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return { replaced: false };
  }
}

async function queryAll(pk: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** The current figures of every region and quarter of a year: one Query. */
export async function listRegionQuarters(year: number): Promise<StoredRegionQuarter[]> {
  return (await queryAll(`MONITOR#${year}`)).map((i) => strip<StoredRegionQuarter>(i) as StoredRegionQuarter);
}

/** Every accepted file's figures for a region × quarter, oldest first (replaced ones included). */
export async function listRegionQuarterHistory(
  region: string,
  quarter: string,
): Promise<StoredRegionQuarter[]> {
  return (await queryAll(`MONITORHIST#${region}#${quarter}`)).map(
    (i) => strip<StoredRegionQuarter>(i) as StoredRegionQuarter,
  );
}
