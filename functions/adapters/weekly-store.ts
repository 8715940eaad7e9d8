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
 *   with `SK BETWEEN <from> AND <to>#\uffff` (week keys sort as text); the national overview is
 *   one Query per cancer type.
 * - A later submission in the same week overwrites the current item (only if newer: a slow
 *   retry cannot undo a correction); every submission is also appended to the department's log,
 *   so the replaced figures are kept (history = Query on `WEEKLYLOG#<dept>`, begins_with week).
 * - "Who has reported this week" (reminders, overdue marks) is one Query on `WEEKLYDONE#<week>`.
 * - The national overview reads week summaries: one item per week and cancer type holding each
 *   department's summary as one string (`s_<departmentId>` = `<submittedAt>|<worst ratio>|<worst
 *   days>`: a string attribute reads many times faster than a map), updated with one conditional
 *   UpdateItem when a report is stored (newer wins). A year is one Query on `WEEKSUM` over the weeks.
 * No scans, no transactions: the log is written first, so a crash never loses a submission.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type WeeklyReport, type WeekSummary, weekSummaryOf } from '#domain/weekly.ts';
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
  let replaced = false;
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
    replaced = result.Attributes !== undefined;
    await putWeekSummary(report);
  } catch (error) {
    // A newer submission is already stored; this one stays in the log only.
    if (!isConditionFailure(error)) throw error;
    replaced = true;
  }
  await client.send(
    new PutCommand({
      TableName: table(),
      Item: {
        PK: `WEEKLYDONE#${report.week}`,
        SK: report.departmentId,
        departmentId: report.departmentId,
        submittedAt: report.submittedAt,
      },
    }),
  );
  return { replaced };
}

const SUMMARY_PK = 'WEEKSUM';
/** `d_` held each summary as a map (read slowly); those attributes are left unread. */
const SUMMARY_PREFIX = 's_';

/**
 * A summary as one string, `<submittedAt>|<worstRatio>|<worstDays>`: submittedAt first and of
 * fixed width (ISO), so comparing the strings compares the submission times.
 */
function encodeSummary(summary: WeekSummary): string {
  return `${summary.submittedAt}|${summary.worstRatio}|${summary.worstDays ?? ''}`;
}

function decodeSummary(value: string): WeekSummary {
  const [submittedAt = '', ratio = '0', days = ''] = value.split('|');
  return { submittedAt, worstRatio: Number(ratio), ...(days !== '' ? { worstDays: Number(days) } : {}) };
}

/**
 * Puts the report's summary into its week's summary item: one UpdateItem on a single item
 * (no transaction needed), kept only if no newer report of the department is summarised there.
 */
async function putWeekSummary(report: WeeklyReport): Promise<void> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: { PK: SUMMARY_PK, SK: `${report.week}#${report.cancerType}` },
        UpdateExpression: 'SET #d = :summary',
        // Any summary of the same or an earlier submission sorts below `<submittedAt>|\uffff`.
        ConditionExpression: 'attribute_not_exists(#d) OR #d <= :at',
        ExpressionAttributeNames: { '#d': `${SUMMARY_PREFIX}${report.departmentId}` },
        ExpressionAttributeValues: {
          ':summary': encodeSummary(weekSummaryOf(report)),
          ':at': `${report.submittedAt}|\uffff`,
        },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/**
 * Summaries of every cancer type's reports for weeks `from`…`to` (inclusive): one Query.
 * @returns cancer type → `<week>#<departmentId>` → summary
 */
export async function listWeekSummaries(
  from: string,
  to: string,
): Promise<Map<string, Map<string, WeekSummary>>> {
  const items = await query({ pk: SUMMARY_PK, from, to: `${to}#\uffff` });
  const byCancerType = new Map<string, Map<string, WeekSummary>>();
  for (const item of items) {
    const [week, cancerType] = String(item.SK).split('#') as [string, string];
    const summaries = byCancerType.get(cancerType) ?? new Map<string, WeekSummary>();
    byCancerType.set(cancerType, summaries);
    for (const [name, value] of Object.entries(item)) {
      if (name.startsWith(SUMMARY_PREFIX) && typeof value === 'string')
        summaries.set(`${week}#${name.slice(SUMMARY_PREFIX.length)}`, decodeSummary(value));
    }
  }
  return byCancerType;
}

/**
 * Rebuilds the week summaries of the given cancer types from the stored reports: the backfill
 * for reports stored before summaries existed (run at local start-up when the marker is
 * missing; scripts/backfill-week-summaries.ts for a deployed stage). Safe to repeat: newer wins.
 */
export async function rebuildWeekSummaries(cancerTypes: string[]): Promise<number> {
  let summarised = 0;
  for (const cancerType of cancerTypes) {
    const reports = (await query({ pk: `WEEKLY#${cancerType}` })).map(toReport);
    for (let i = 0; i < reports.length; i += 25) {
      await Promise.all(reports.slice(i, i + 25).map((r) => putWeekSummary(r)));
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
 * summaries' format changes (`-S`: strings), so stored reports are summarised again.
 */
const MARKER_SK = '#BACKFILLED-S';

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
