/**
 * Storage of the weekly waiting-time exchange, in the single table (docs/decisions/0004-weekly-exchange.md).
 *
 * | item                  | PK                          | SK                                   |
 * |-----------------------|-----------------------------|--------------------------------------|
 * | current report        | WEEKLY#<cancerType>         | <week>#<departmentId>                |
 * | submission log        | WEEKLYLOG#<departmentId>    | <week>#<submittedAt>#<cancerType>    |
 * | department reported   | WEEKLYDONE#<week>           | <departmentId>                       |
 * | job send claim        | WEEKLYSENT#<week>           | <job>#<recipient>[#<cancerType>]     |
 * | week summary          | WEEKSUM                     | <week>#<cancerType>                  |
 *
 * - The overview of a cancer type over a range of weeks is ONE Query on `WEEKLY#<cancerType>`
 *   with `SK BETWEEN <from> AND <to>#\uffff` (week keys sort as text).
 * - A later submission in the same week overwrites the current item (only if newer: a slow
 *   retry cannot undo a correction); every submission is also appended to the department's log,
 *   so the replaced figures are kept (history = Query on `WEEKLYLOG#<dept>`, begins_with week).
 * - "Who has reported this week" (reminders, overdue marks) is one Query on `WEEKLYDONE#<week>`.
 * - The national overview reads week summaries: one item per week and cancer type holding every
 *   department's summary in one string (`d`, domain/weekly-summaries.ts) and a version (`v`). A
 *   stored report's summary is merged in by reading the item, merging (newer wins per department)
 *   and writing it back on condition that the version is unchanged, retrying when another
 *   report of the same week and cancer type came first. A year is one Query on `WEEKSUM`.
 * No scans, no transactions: the log is written first, so a crash never loses a submission.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type TimedWeekSummary, type WeeklyReport, type WeekSummary, weekSummaryOf } from '#domain/weekly.ts';
import { decodeWeekSummaries, mergeWeekSummaries } from '#domain/weekly-summaries.ts';
import { config } from './config.ts';
import { documentClient } from './dynamo.ts';
import { isConditionFailure, sendOnce } from './store.ts';

/** Requests and read capacity used by the weekly queries (for the benchmark). */
export const weeklyReadStats = { queries: 0, pages: 0, capacityUnits: 0, items: 0 };

export function resetWeeklyReadStats(): void {
  Object.assign(weeklyReadStats, { queries: 0, pages: 0, capacityUnits: 0, items: 0 });
}

function table(): string {
  return config().TABLE_NAME;
}

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'ttl']);

function toReport(item: Record<string, unknown>): WeeklyReport {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k)) out[k] = v;
  return out as unknown as WeeklyReport;
}

async function query(params: {
  pk: string;
  from?: string;
  to?: string;
  prefix?: string;
  /** Only these attributes (names, not reserved words). */
  projection?: string[];
}): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  const values: Record<string, string> = { ':pk': params.pk };
  let condition = 'PK = :pk';
  if (params.prefix !== undefined) {
    condition += ' AND begins_with(SK, :prefix)';
    values[':prefix'] = params.prefix;
  } else if (params.from !== undefined && params.to !== undefined) {
    condition += ' AND SK BETWEEN :from AND :to';
    values[':from'] = params.from;
    values[':to'] = params.to;
  }
  weeklyReadStats.queries++;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: condition,
        ExpressionAttributeValues: values,
        ExclusiveStartKey,
        ...(params.projection
          ? {
              ProjectionExpression: params.projection.map((_, i) => `#p${i}`).join(', '),
              ExpressionAttributeNames: Object.fromEntries(params.projection.map((n, i) => [`#p${i}`, n])),
            }
          : {}),
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    weeklyReadStats.pages++;
    weeklyReadStats.capacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  weeklyReadStats.items += items.length;
  return items;
}

/** Stores one department × cancer type × week report; a newer one in the same week replaces it. */
export async function putWeeklyReport(report: WeeklyReport): Promise<{ replaced: boolean }> {
  const [result] = await putWeeklyReports([report]);
  return result as { replaced: boolean };
}

/** At most this many requests at a time in a bulk write: fast locally, gentle on a real table. */
const BULK_CONCURRENCY = 25;

async function inGroupsOf<T, R>(items: T[], write: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += BULK_CONCURRENCY)
    out.push(...(await Promise.all(items.slice(i, i + BULK_CONCURRENCY).map(write))));
  return out;
}

/**
 * Stores reports as putWeeklyReport does each, with ONE summary write per week and cancer type
 * (the demo seed writes a whole week at a time: written one by one, the reports of a cancer type
 * would retry each other's summary writes).
 */
export async function putWeeklyReports(reports: WeeklyReport[]): Promise<{ replaced: boolean }[]> {
  const stored = await inGroupsOf(reports, storeReport);
  const byItem = new Map<string, WeeklyReport[]>();
  for (const [i, report] of reports.entries()) {
    // Only a report that is now the current one is summarised (an older one stays in the log only).
    if (!stored[i]?.current) continue;
    const key = `${report.week}#${report.cancerType}`;
    const list = byItem.get(key) ?? [];
    byItem.set(key, list);
    list.push(report);
  }
  await inGroupsOf([...byItem.values()], (list) =>
    mergeIntoWeekSummary(
      (list[0] as WeeklyReport).week,
      (list[0] as WeeklyReport).cancerType,
      list.map((r) => ({ departmentId: r.departmentId, summary: weekSummaryOf(r) })),
    ),
  );
  await inGroupsOf(reports, (report) =>
    documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: {
          PK: `WEEKLYDONE#${report.week}`,
          SK: report.departmentId,
          departmentId: report.departmentId,
          submittedAt: report.submittedAt,
        },
      }),
    ),
  );
  return stored.map(({ replaced }) => ({ replaced }));
}

/** The log entry, then the current item if no newer report of the department is stored. */
async function storeReport(report: WeeklyReport): Promise<{ replaced: boolean; current: boolean }> {
  const client = documentClient();
  await client.send(
    new PutCommand({
      TableName: table(),
      Item: {
        PK: `WEEKLYLOG#${report.departmentId}`,
        SK: `${report.week}#${report.submittedAt}#${report.cancerType}`,
        ...report,
      },
    }),
  );
  try {
    const result = await client.send(
      new PutCommand({
        TableName: table(),
        Item: { PK: `WEEKLY#${report.cancerType}`, SK: `${report.week}#${report.departmentId}`, ...report },
        ConditionExpression: 'attribute_not_exists(PK) OR submittedAt <= :at',
        ExpressionAttributeValues: { ':at': report.submittedAt },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return { replaced: result.Attributes !== undefined, current: true };
  } catch (error) {
    // A newer submission is already stored; this one stays in the log only.
    if (!isConditionFailure(error)) throw error;
    return { replaced: true, current: false };
  }
}

const SUMMARY_PK = 'WEEKSUM';
/** Attributes of a summary item: the summaries and their times (two strings), and a version. */
const SUMMARIES = 'd';
const TIMES = 't';
const VERSION = 'v';
/** Writers of one week and cancer type are few (a department each); this bounds a pile-up. */
const MAX_SUMMARY_ATTEMPTS = 50;

/**
 * Merges departments' summaries into the summary item of a week and cancer type: read (strongly
 * consistent), merge (newer wins per department), and write the whole item back only if its
 * version is still the one read — a concurrent writer makes the write fail, and it is redone on
 * what that writer stored, so no department is lost. An item without a version (the per-department
 * attributes of the earlier format) is replaced; the backfill summarises its reports again.
 */
async function mergeIntoWeekSummary(
  week: string,
  cancerType: string,
  summaries: { departmentId: string; summary: TimedWeekSummary }[],
): Promise<void> {
  const client = documentClient();
  const Key = { PK: SUMMARY_PK, SK: `${week}#${cancerType}` };
  for (let attempt = 1; ; attempt++) {
    const { Item } = await client.send(new GetCommand({ TableName: table(), Key, ConsistentRead: true }));
    const version = typeof Item?.[VERSION] === 'number' ? (Item[VERSION] as number) : undefined;
    const merged = mergeWeekSummaries(
      version !== undefined
        ? { summaries: String(Item?.[SUMMARIES]), times: String(Item?.[TIMES]) }
        : undefined,
      summaries,
    );
    if (merged === undefined) return;
    try {
      await client.send(
        new PutCommand({
          TableName: table(),
          Item: {
            ...Key,
            [SUMMARIES]: merged.summaries,
            [TIMES]: merged.times,
            [VERSION]: (version ?? 0) + 1,
          },
          ConditionExpression: version === undefined ? 'attribute_not_exists(#v)' : '#v = :v',
          ExpressionAttributeNames: { '#v': VERSION },
          ...(version === undefined ? {} : { ExpressionAttributeValues: { ':v': version } }),
        }),
      );
      return;
    } catch (error) {
      if (!isConditionFailure(error) || attempt >= MAX_SUMMARY_ATTEMPTS) throw error;
      // Spread the retries of writers that collided, so they do not collide again.
      await sleep(Math.random() * 5 * attempt);
    }
  }
}

/**
 * Summaries of every cancer type's reports for weeks `from`…`to` (inclusive): one Query.
 * @returns cancer type → week → department → summary
 */
export async function listWeekSummaries(
  from: string,
  to: string,
): Promise<Map<string, Map<string, Map<string, WeekSummary>>>> {
  // The submission times are for writers: the overview reads the summaries alone.
  const items = await query({ pk: SUMMARY_PK, from, to: `${to}#\uffff`, projection: ['SK', SUMMARIES] });
  const byCancerType = new Map<string, Map<string, Map<string, WeekSummary>>>();
  for (const item of items) {
    // An item of the earlier format (an attribute per department) has none: it awaits the backfill.
    const value = item[SUMMARIES];
    if (typeof value !== 'string') continue;
    const [week, cancerType] = String(item.SK).split('#') as [string, string];
    const weeks = byCancerType.get(cancerType) ?? new Map<string, Map<string, WeekSummary>>();
    byCancerType.set(cancerType, weeks);
    weeks.set(week, decodeWeekSummaries(value));
  }
  return byCancerType;
}

/**
 * Rebuilds the week summaries of the given cancer types from the stored reports: the backfill
 * for reports stored before summaries existed or in an earlier format (run at local start-up
 * when the marker is missing; scripts/backfill-week-summaries.ts for a deployed stage). One
 * merge per week and cancer type; safe to repeat and beside new reports: newer wins.
 */
export async function rebuildWeekSummaries(cancerTypes: string[]): Promise<number> {
  let summarised = 0;
  for (const cancerType of cancerTypes) {
    const reports = (await query({ pk: `WEEKLY#${cancerType}` })).map(toReport);
    const byWeek = new Map<string, { departmentId: string; summary: TimedWeekSummary }[]>();
    for (const r of reports) {
      const list = byWeek.get(r.week) ?? [];
      byWeek.set(r.week, list);
      list.push({ departmentId: r.departmentId, summary: weekSummaryOf(r) });
    }
    const weeks = [...byWeek];
    for (let i = 0; i < weeks.length; i += 10) {
      await Promise.all(
        weeks.slice(i, i + 10).map(([week, list]) => mergeIntoWeekSummary(week, cancerType, list)),
      );
    }
    summarised += reports.length;
  }
  await documentClient().send(
    new PutCommand({
      TableName: table(),
      Item: { PK: SUMMARY_PK, SK: MARKER_SK, at: new Date().toISOString() },
    }),
  );
  return summarised;
}

/**
 * Sorts before every week key, so the overview's Query never reads it. Named anew when the
 * summaries' format changes (`-S`: an attribute per department; `-V`: one versioned string per
 * item), so stored reports are summarised again.
 */
const MARKER_SK = '#BACKFILLED-V';

/** Whether the week summaries were rebuilt from the stored reports once. */
export async function weekSummariesBackfilled(): Promise<boolean> {
  const out = await documentClient().send(
    new GetCommand({ TableName: table(), Key: { PK: SUMMARY_PK, SK: MARKER_SK } }),
  );
  return out.Item !== undefined;
}

/** Current reports of a cancer type for weeks `from`…`to` (inclusive): one Query. */
export async function listWeeklyReports(
  cancerType: string,
  from: string,
  to: string,
): Promise<WeeklyReport[]> {
  const items = await query({ pk: `WEEKLY#${cancerType}`, from, to: `${to}#\uffff` });
  return items.map(toReport);
}

/** Every submission of a department in a week, oldest first (replaced ones included). */
export async function weeklyHistory(departmentId: string, week: string): Promise<WeeklyReport[]> {
  const items = await query({ pk: `WEEKLYLOG#${departmentId}`, prefix: `${week}#` });
  return items.map(toReport);
}

/** Departments with a report for the week. */
export async function reportedDepartments(week: string): Promise<Set<string>> {
  const items = await query({ pk: `WEEKLYDONE#${week}` });
  return new Set(items.map((i) => String(i.SK)));
}

/**
 * Sends at most once per (week, key), so a retried job run sends nothing twice; the claims expire
 * (TTL) after about 90 days in AWS.
 */
export function sendOnceThisWeek(week: string, key: string, send: () => Promise<unknown>): Promise<boolean> {
  return sendOnce(`WEEKLYSENT#${week}`, key, send, 90);
}
