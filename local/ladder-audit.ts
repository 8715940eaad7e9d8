/**
 * The ladder's promise, checked on what is stored: every accepted problem reached the level its
 * clock says, every reachable recipient got each level's e-mail exactly once, and the failures
 * and recoveries are on the timeline. Used by the resilience tests and `npm run loadtest`.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../functions/adapters/config.ts';
import { documentClient } from '../functions/adapters/dynamo.ts';
import { loadReferenceData } from '../functions/adapters/reference-store.ts';
import type { OutboxMessage, TimelineEvent } from '../functions/adapters/store.ts';
import { getProblemDetails, listContacts } from '../functions/adapters/store.ts';
import type { Level } from '../functions/domain/ladder.ts';
import type { Problem } from '../functions/domain/problem.ts';
import { recipientsFor } from '../functions/domain/recipients.ts';

/** Every message in the outbox (all pages). */
export async function allOutbox(): Promise<OutboxMessage[]> {
  const out: OutboxMessage[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: config().TABLE_NAME,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'OUTBOX' },
        ExclusiveStartKey,
      }),
    );
    out.push(...((page.Items ?? []) as OutboxMessage[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

export interface LadderReport {
  problems: number;
  belowLevel4: string[];
  /** `problem level recipient ×n` for every escalation e-mail count that is not what it should be. */
  wrongCounts: string[];
  /** Escalation e-mails beyond one per recipient, level and round. */
  duplicates: number;
  timelines: Map<string, TimelineEvent[]>;
  details: Map<string, Problem>;
}

/**
 * Checks problems that have all climbed to level 4 (the tests wait until their clocks say so):
 * at levels 1–3 each expected recipient has exactly one escalation e-mail; at level 4 one per
 * network round (entry plus reminders). Recipients marked unreachable are left out.
 */
export async function checkLadders(ids: string[]): Promise<LadderReport> {
  // Recipients follow the reference data kept in the table, as the ladder step reads it.
  await loadReferenceData({ force: true });
  const contacts = await listContacts();
  const mails = (await allOutbox()).filter((m) => m.purpose === 'escalation');
  const counts = new Map<string, number>();
  for (const m of mails) {
    for (const to of m.to) {
      const key = `${m.problemId} ${m.level} ${to.toLowerCase()}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const report: LadderReport = {
    problems: ids.length,
    belowLevel4: [],
    wrongCounts: [],
    duplicates: 0,
    timelines: new Map(),
    details: new Map(),
  };
  for (const id of ids) {
    const details = await getProblemDetails(id);
    if (!details) throw new Error(`Problem ${id} is not stored`);
    const { problem, timeline, recipients } = details;
    report.timelines.set(id, timeline);
    report.details.set(id, problem);
    if (problem.level !== 4) {
      report.belowLevel4.push(`${id} at level ${problem.level}`);
      continue;
    }
    const unreachable = new Set(recipients.filter((r) => r.unreachable).map((r) => r.email.toLowerCase()));
    for (const level of [1, 2, 3, 4] as Level[]) {
      if (level < problem.entryLevel) continue;
      const expected = level === 4 ? problem.round + 1 : 1;
      for (const r of recipientsFor(level, problem, contacts)) {
        const email = r.email.toLowerCase();
        if (unreachable.has(email)) continue;
        const n = counts.get(`${id} ${level} ${email}`) ?? 0;
        // Level 4: the last round may be mid-send when the run stopped; never more than the rounds.
        const ok = level === 4 ? n === expected || n === expected - 1 : n === expected;
        report.duplicates += Math.max(0, n - expected);
        if (!ok) report.wrongCounts.push(`${id} level ${level} ${email} ×${n} (expected ${expected})`);
      }
    }
  }
  return report;
}

export const kindsOf = (timeline: TimelineEvent[] | undefined) => (timeline ?? []).map((e) => e.kind);
