/**
 * Storage of the holiday-period plans, in the single table (docs/decisions/0017-holiday-plans.md).
 *
 * | item        | PK                       | SK              |
 * |-------------|--------------------------|-----------------|
 * | period      | HOLIDAYPERIODS           | <periodId>      |
 * | plan        | HOLIDAYPLAN#<periodId>   | <departmentId>  |
 * | evaluation  | HOLIDAYEVAL#<periodId>   | #META           |
 * | alert claim | HOLIDAYSENT#<periodId>   | <key>           |
 *
 * Every period is one Query on one partition; a period's plans (≈ 300 departments) one Query.
 * A later plan of a department replaces the earlier only if newer; the replaced one is kept in
 * the audit trail (before/after). No scans, no transactions.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { HolidayEvaluation, HolidayPeriod, HolidayPlan } from '#domain/holiday.ts';
import { config } from './config.ts';
import { documentClient } from './dynamo.ts';
import { getRecord, isConditionFailure, putRecord, queryAll, sendOnce } from './store.ts';

const PERIODS = 'HOLIDAYPERIODS';
const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'ttl']);

function clean<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k)) out[k] = v;
  return out as T;
}

export async function listHolidayPeriods(): Promise<HolidayPeriod[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': PERIODS },
  });
  return items.map((i) => clean<HolidayPeriod>(i)).sort((a, b) => a.firstWeek.localeCompare(b.firstWeek));
}

export async function getHolidayPeriod(id: string): Promise<HolidayPeriod | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: config().TABLE_NAME, Key: { PK: PERIODS, SK: id } }),
  );
  return out.Item ? clean<HolidayPeriod>(out.Item) : undefined;
}

/** Writes a period; `onlyIfAbsent` creates without overwriting (false if it already exists). */
export async function putHolidayPeriod(period: HolidayPeriod, onlyIfAbsent = false): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: config().TABLE_NAME,
        Item: { PK: PERIODS, SK: period.id, ...period },
        ...(onlyIfAbsent ? { ConditionExpression: 'attribute_not_exists(PK)' } : {}),
      }),
    );
    return true;
  } catch (error) {
    if (onlyIfAbsent && isConditionFailure(error)) return false;
    throw error;
  }
}

export async function listHolidayPlans(periodId: string): Promise<HolidayPlan[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': `HOLIDAYPLAN#${periodId}` },
  });
  return items.map((i) => clean<HolidayPlan>(i));
}

export async function getHolidayPlan(
  periodId: string,
  departmentId: string,
): Promise<HolidayPlan | undefined> {
  const out = await documentClient().send(
    new GetCommand({
      TableName: config().TABLE_NAME,
      Key: { PK: `HOLIDAYPLAN#${periodId}`, SK: departmentId },
    }),
  );
  return out.Item ? clean<HolidayPlan>(out.Item) : undefined;
}

/** Stores a department's plan; an older submission (a slow retry) never replaces a newer one. */
export async function putHolidayPlan(plan: HolidayPlan): Promise<{ stored: boolean }> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: config().TABLE_NAME,
        Item: { PK: `HOLIDAYPLAN#${plan.periodId}`, SK: plan.departmentId, ...plan },
        ConditionExpression: 'attribute_not_exists(PK) OR submittedAt <= :at',
        ExpressionAttributeValues: { ':at': plan.submittedAt },
      }),
    );
    return { stored: true };
  } catch (error) {
    if (isConditionFailure(error)) return { stored: false };
    throw error;
  }
}

export function getHolidayEvaluation(periodId: string): Promise<HolidayEvaluation | undefined> {
  return getRecord<HolidayEvaluation>('HOLIDAYEVAL', periodId);
}

export async function putHolidayEvaluation(evaluation: HolidayEvaluation): Promise<void> {
  await putRecord('HOLIDAYEVAL', evaluation.periodId, { ...evaluation });
}

/** Sends at most once per (period, key): a retried or daily job mails nobody twice. */
export function sendOncePerPeriod(
  periodId: string,
  key: string,
  send: () => Promise<unknown>,
): Promise<boolean> {
  return sendOnce(`HOLIDAYSENT#${periodId}`, key, send, 400);
}
