/**
 * The verification reminders' shared pieces (contact lists and the external-provider register):
 * a once-per-period claim taken before a reminder is sent, and the single-purpose link the
 * reminder carries (only its hash is stored, with an expiry).
 */
import { randomBytes } from 'node:crypto';
import { claimRecurring, getRecord, putRecord } from '#adapters/store.ts';
import { hashSecret } from './auth.ts';

/** A reminder's link confirms for this many days. */
const LINK_DAYS = 30;

/** A recipient is reminded again only after this many days (CONTACT_REMINDER_REPEAT_DAYS, default 30). */
export function reminderRepeatDays(): number {
  const value = Number(process.env.CONTACT_REMINDER_REPEAT_DAYS ?? 30);
  return Number.isFinite(value) && value >= 0 ? value : 30;
}

/**
 * Claims this period's reminder to `email` before it is sent: of two runs at once, or a run
 * retried after a crash, only one sends, and nobody is reminded twice within the repeat period.
 * @returns undefined when the reminder is already claimed; else a function giving the claim
 * back, for when the send fails (the next run then sends it).
 */
export function claimReminder(
  scope: string,
  email: string,
  now: Date,
  details: Record<string, unknown>,
): Promise<(() => Promise<void>) | undefined> {
  const since = new Date(now.getTime() - reminderRepeatDays() * 86_400_000).toISOString();
  return claimRecurring(scope, email, { at: now.toISOString(), ...details }, since);
}

/** Stores a new link's value under the hash of its token; @returns the token for the URL. */
export async function newLink(scope: string, value: Record<string, unknown>, now: Date): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const ttlSeconds = LINK_DAYS * 86_400;
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000).toISOString();
  await putRecord(scope, hashSecret(token), { ...value, expiresAt }, { ttlSeconds });
  return token;
}

/** The link's value, or undefined for a malformed, unknown or expired token. */
export async function readLink<T extends { expiresAt: string }>(
  scope: string,
  token: string,
): Promise<T | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const link = await getRecord<T>(scope, hashSecret(token));
  if (!link || link.expiresAt < new Date().toISOString()) return undefined;
  return link;
}
