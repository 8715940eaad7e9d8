/**
 * Storage of the weekly referral counts, in the single table (docs/decisions/0013-external-providers.md).
 *
 * | item               | PK         | SK                 |
 * |--------------------|------------|--------------------|
 * | a region's week    | REFERRALS  | <week>#<region>    |
 *
 * A region's week is one item holding all its lines (at most cancer types × 4), replaced whole
 * when the region records the week again (the audit trail keeps the figures it replaced). Any
 * range of weeks is one Query (`SK BETWEEN <from> AND <to>#\uffff`; week keys sort as text): a
 * year is at most 53 × 5 items. No scans.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ReferralWeek } from '#domain/referrals.ts';
import { config } from './config.ts';
import { documentClient } from './dynamo.ts';
import { queryAll } from './store.ts';

const PK = 'REFERRALS';

function clean(item: Record<string, unknown>): ReferralWeek {
  const { PK: _pk, SK: _sk, ...rest } = item;
  return rest as unknown as ReferralWeek;
}

export async function getReferralWeek(region: string, week: string): Promise<ReferralWeek | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: config().TABLE_NAME, Key: { PK, SK: `${week}#${region}` } }),
  );
  return out.Item ? clean(out.Item) : undefined;
}

export async function putReferralWeek(week: ReferralWeek): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: config().TABLE_NAME,
      Item: { PK, SK: `${week.week}#${week.region}`, ...week },
    }),
  );
}

/** Every region's recorded weeks from `fromWeek` to `toWeek` inclusive, oldest first. */
export async function listReferralWeeks(fromWeek: string, toWeek: string): Promise<ReferralWeek[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': PK, ':from': fromWeek, ':to': `${toWeek}#\uffff` },
  });
  return items.map(clean);
}
