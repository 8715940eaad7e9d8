/**
 * The audit trail: who changed what, when, for contacts, problems and quarterly statuses.
 * Problems keep their own timeline for the people working a case; the trail is the
 * administrator's cross-cutting view, so problem changes are recorded here too (one call next
 * to each timeline append in problems.ts) rather than derived by reading every problem.
 */
import { type AuditEntityType, type AuditEntry, putAuditEntry } from '#adapters/followup-store.ts';
import { logger } from '#adapters/telemetry.ts';
import type { Person } from '#domain/problem.ts';
import type { Phrase } from '#web/i18n/phrase.ts';
import { storedText } from '#web/stored-phrase.ts';

/** A system actor for scheduled jobs and automatic changes. */
export const SYSTEM_PERSON: Person = { email: 'system@kraeftkapacitet', name: 'Systemet', role: 'system' };

/**
 * What changed, for the trail: a phrase when the system words it (stored with its Danish text and
 * read in the reader's language), or a person's own words (a decision's reason), kept as written.
 */
export type AuditSummary = Phrase | { asWritten: string };

export async function recordAudit(
  who: Person,
  entityType: AuditEntityType,
  entityId: string,
  action: string,
  summary: AuditSummary,
  change: { before?: object; after?: object; at?: Date } = {},
): Promise<void> {
  await putAuditEntry(auditEntry(who, entityType, entityId, action, summary, change));
}

/** An audit entry, to store now ({@link recordAudit}) or in a batch with other items. */
export function auditEntry(
  who: Person,
  entityType: AuditEntityType,
  entityId: string,
  action: string,
  summary: AuditSummary,
  change: { before?: object; after?: object; at?: Date } = {},
): AuditEntry {
  return {
    at: (change.at ?? new Date()).toISOString(),
    who: { email: who.email, name: who.name, role: who.role },
    entityType,
    entityId,
    action,
    ...('asWritten' in summary
      ? { summary: summary.asWritten }
      : { summary: storedText(summary), summaryPhrase: summary }),
    ...(change.before ? { before: { ...change.before } } : {}),
    ...(change.after ? { after: { ...change.after } } : {}),
  };
}

/**
 * The phrase of an update: the changed fields as a value (`fields`, ids joined by commas, worded
 * for the reader), or `nothing` when none changed.
 */
export function updatePhrase(
  fields: string[],
  keys: { changed: 'trail.updated' | 'trail.imported'; nothing: Phrase['key'] },
): Phrase {
  return fields.length > 0
    ? { key: keys.changed, params: { fields: fields.join(',') } }
    : { key: keys.nothing };
}

/** Field names whose values differ: the short "what" of an update. */
export function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .sort();
}

/**
 * A problem change for the trail. Never fails the change itself: the problem's own timeline is
 * written first and stays the authoritative record, and a report retried after a failure here
 * would not come back to this point (the problem already exists), so an error is only logged.
 */
export async function auditProblem(
  who: Person,
  problemId: string,
  action: string,
  summary: Phrase,
  change: { before?: object; after?: object } = {},
): Promise<void> {
  await recordAudit(who, 'problem', problemId, action, summary, change).catch((error: unknown) =>
    logger.error('Audit entry for problem failed', { problemId, action, error }),
  );
}
