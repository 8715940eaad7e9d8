/**
 * Storage of the highly specialised functions and the yearly capacity check, in the single
 * table (docs/decisions/0018-capacity-check.md).
 *
 * | item        | PK                  | SK                            |
 * |-------------|---------------------|-------------------------------|
 * | function    | SPECIALISED         | <functionId>                  |
 * | check       | CAPCHECKS           | <year>                        |
 * | answer      | CAPCHECK#<year>     | <functionId>#<departmentId>   |
 *
 * The register, the checks and a year's answers are one Query each. No scans, no transactions.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CapacityCheck, CheckAnswer, SpecialisedFunction } from '#domain/capacity-check.ts';
import { config } from './config.ts';
import { documentClient } from './dynamo.ts';
import { isConditionFailure, queryAll } from './store.ts';

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'ttl']);

function clean<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k)) out[k] = v;
  return out as T;
}

async function all<T>(pk: string): Promise<T[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': pk },
  });
  return items.map((i) => clean<T>(i));
}

async function get<T>(pk: string, sk: string): Promise<T | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: config().TABLE_NAME, Key: { PK: pk, SK: sk } }),
  );
  return out.Item ? clean<T>(out.Item) : undefined;
}

async function put(pk: string, sk: string, value: object, onlyIfAbsent = false): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: config().TABLE_NAME,
        Item: { PK: pk, SK: sk, ...value },
        ...(onlyIfAbsent ? { ConditionExpression: 'attribute_not_exists(PK)' } : {}),
      }),
    );
    return true;
  } catch (error) {
    if (onlyIfAbsent && isConditionFailure(error)) return false;
    throw error;
  }
}

export async function listSpecialisedFunctions(): Promise<SpecialisedFunction[]> {
  return (await all<SpecialisedFunction>('SPECIALISED')).sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

export function getSpecialisedFunction(id: string): Promise<SpecialisedFunction | undefined> {
  return get('SPECIALISED', id);
}

export async function putSpecialisedFunction(f: SpecialisedFunction): Promise<void> {
  await put('SPECIALISED', f.id, f);
}

export async function listCapacityChecks(): Promise<CapacityCheck[]> {
  return (await all<CapacityCheck>('CAPCHECKS')).sort((a, b) => b.year - a.year);
}

export function getCapacityCheck(year: number): Promise<CapacityCheck | undefined> {
  return get('CAPCHECKS', String(year));
}

/** Opens a check once: false when the year's check is already open. */
export function createCapacityCheck(check: CapacityCheck): Promise<boolean> {
  return put('CAPCHECKS', String(check.year), check, true);
}

export async function putCapacityCheck(check: CapacityCheck): Promise<void> {
  await put('CAPCHECKS', String(check.year), check);
}

export function listCheckAnswers(year: number): Promise<CheckAnswer[]> {
  return all<CheckAnswer>(`CAPCHECK#${year}`);
}

export function getCheckAnswer(
  year: number,
  functionId: string,
  departmentId: string,
): Promise<CheckAnswer | undefined> {
  return get(`CAPCHECK#${year}`, `${functionId}#${departmentId}`);
}

export async function putCheckAnswer(answer: CheckAnswer): Promise<void> {
  await put(`CAPCHECK#${answer.year}`, `${answer.functionId}#${answer.departmentId}`, answer);
}
