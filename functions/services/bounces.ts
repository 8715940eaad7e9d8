/**
 * Bounces and complaints: an escalation e-mail that did not arrive marks its recipient as
 * unreachable on the problem's timeline and tells the secretariat at once — a ladder step
 * that reached nobody must never pass silently.
 */
import { appendEvent, getProblem, listRecipients, markRecipientUnreachable } from '#adapters/store.ts';
import { isLevel } from '#domain/ladder.ts';
import { timelineEntry } from '#web/timeline.ts';
import { alertNobodyReached } from './ladder.ts';

export interface DeliveryFailure {
  kind: 'bounce' | 'complaint';
  recipient: string;
  problemId?: string;
  level?: number;
  detail?: string;
}

export async function recordDeliveryFailure(failure: DeliveryFailure): Promise<'recorded' | 'ignored'> {
  if (!failure.problemId) return 'ignored';
  const problem = await getProblem(failure.problemId);
  if (!problem) return 'ignored';
  await markRecipientUnreachable(problem.id, failure.recipient);
  const level = isLevel(failure.level) ? failure.level : problem.level;
  await appendEvent(problem.id, {
    kind: 'contact-unreachable',
    level,
    ...timelineEntry(
      failure.kind === 'bounce' ? 'timeline.bounced' : 'timeline.complained',
      { recipient: failure.recipient },
      failure.detail,
    ),
    data: { ...failure },
  });
  if (problem.status === 'resolved') return 'recorded';
  const reachable = (await listRecipients(problem.id)).filter(
    (r) => r.kind === 'action' && r.levels.includes(level) && !r.unreachable,
  );
  await alertNobodyReached(
    problem,
    level,
    reachable.length === 0
      ? { key: 'timeline.why.noneReachable', params: { recipient: failure.recipient } }
      : {
          key: 'timeline.why.othersReached',
          params: { recipient: failure.recipient, count: reachable.length },
        },
  );
  return 'recorded';
}
