/**
 * Identity: people sign in with a one-time link sent to their e-mail address (docs/decisions/0001-identity.md);
 * systems use bearer API tokens; a link in an escalation e-mail identifies its one recipient for
 * one problem. Only SHA-256 hashes of secrets are stored, so a table export leaks no credential.
 */
import { createHash, randomBytes } from 'node:crypto';
import { config } from '#adapters/config.ts';
import { documentClient } from '#adapters/dynamo.ts';
import {
  deleteRecord,
  getRecord,
  putItem,
  putItems,
  putRecord,
  recordItem,
  takeRecord,
} from '#adapters/store.ts';
import type { Contact, ContactRole } from '#domain/reference.ts';

export type UserRole = ContactRole | 'admin';

export interface User {
  email: string;
  name: string;
  role: UserRole;
  title?: string;
  department?: string;
  hospital?: string;
  region?: string;
  cancerTypes: string[];
}

export interface Session {
  email: string;
  csrf: string;
  createdAt: string;
  expiresAt: string;
}

export interface ActionLink {
  kind: 'action';
  problemId: string;
  email: string;
  /** The reporter's link may also resolve the problem. */
  mayResolve: boolean;
  expiresAt: string;
}

interface SignInLink {
  kind: 'signin';
  email: string;
  next?: string;
  expiresAt: string;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The user a contact signs in as: access follows the contact lists. */
export function userFromContact(c: Contact): User {
  return {
    email: c.email.toLowerCase(),
    name: c.name,
    role: c.role,
    title: c.title,
    department: c.department,
    hospital: c.hospital,
    region: c.region,
    cancerTypes: c.cancerTypes,
  };
}

export async function getUser(email: string): Promise<User | undefined> {
  return getRecord<User>('USER', email.toLowerCase());
}

export async function putUser(user: User): Promise<void> {
  knownTokens.clear();
  await putRecord('USER', user.email.toLowerCase(), { ...user, email: user.email.toLowerCase() });
  knownTokens.clear();
}

/** A sign-in link valid for 30 minutes, usable once. Unknown addresses get no link (and learn nothing). */
export async function createSignInToken(email: string, next?: string): Promise<string | undefined> {
  const user = await getUser(email);
  if (!user) return undefined;
  const token = newSecret();
  const ttlSeconds = 30 * 60;
  const link: SignInLink = {
    kind: 'signin',
    email: user.email,
    next,
    expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString(),
  };
  await putRecord('LINK', hashSecret(token), { ...link }, { ttlSeconds });
  return token;
}

export async function peekSignInToken(token: string): Promise<SignInLink | undefined> {
  const link = await getRecord<SignInLink>('LINK', hashSecret(token));
  if (link?.kind !== 'signin' || link.expiresAt < new Date().toISOString()) return undefined;
  return link;
}

/** Redeems a sign-in link (once) for a session; returns the session id for the cookie. */
export async function redeemSignInToken(
  token: string,
): Promise<{ sessionId: string; session: Session; next?: string } | undefined> {
  // Taken with a conditional delete, so two simultaneous redeems cannot both succeed.
  const link = await takeRecord<SignInLink>('LINK', hashSecret(token));
  if (link?.kind !== 'signin' || link.expiresAt < new Date().toISOString()) return undefined;
  const { sessionId, session } = await createSession(link.email);
  return { sessionId, session, next: link.next };
}

export async function createSession(email: string): Promise<{ sessionId: string; session: Session }> {
  const sessionId = newSecret();
  const ttlSeconds = config().SESSION_TTL_HOURS * 3600;
  const now = new Date();
  const session: Session = {
    email: email.toLowerCase(),
    csrf: newSecret(18),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
  };
  await putRecord('SESSION', hashSecret(sessionId), { ...session }, { ttlSeconds });
  return { sessionId, session };
}

export async function getSession(sessionId: string): Promise<Session | undefined> {
  const session = await getRecord<Session>('SESSION', hashSecret(sessionId));
  if (!session || session.expiresAt < new Date().toISOString()) return undefined;
  return session;
}

export async function endSession(sessionId: string): Promise<void> {
  await deleteRecord('SESSION', hashSecret(sessionId));
}

/** A long-lived API token for a system acting as `email` (e.g. a regional system). */
export async function createApiToken(email: string, label: string): Promise<string> {
  const token = `kk_${newSecret()}`;
  await putRecord('TOKEN', hashSecret(token), {
    email: email.toLowerCase(),
    label,
    createdAt: new Date().toISOString(),
  });
  return token;
}

/**
 * Tokens that named a user, per container, for API_TOKEN_CACHE_SECONDS (default 30): a regional
 * system's requests then read neither its token nor its user (two reads in turn on every call).
 * A deleted token or a changed user takes effect within that time — at once for a user written
 * through `putUser` in this container; a token that names nobody is never remembered.
 */
const knownTokens = new Map<string, { user: User; until: number; from: object }>();
const MAX_KNOWN_TOKENS = 1000;

export async function userForApiToken(token: string): Promise<User | undefined> {
  const hash = hashSecret(token);
  const known = knownTokens.get(hash);
  // A new client is a new database (tests, a restarted local runtime): asked afresh.
  if (known && known.until > Date.now() && known.from === documentClient()) return { ...known.user };
  const record = await getRecord<{ email: string }>('TOKEN', hash);
  const user = record ? await getUser(record.email) : undefined;
  const seconds = Number(process.env.API_TOKEN_CACHE_SECONDS ?? 30);
  if (user && seconds > 0) {
    if (knownTokens.size >= MAX_KNOWN_TOKENS) knownTokens.clear();
    knownTokens.set(hash, { user, until: Date.now() + seconds * 1000, from: documentClient() });
  } else knownTokens.delete(hash);
  return user;
}

/**
 * A link for one recipient of one problem, not yet stored: its token and the item to store
 * (alone with {@link createActionToken}, or in a batch). Expires after LINK_TTL_DAYS.
 */
export function newActionLink(
  problemId: string,
  email: string,
  mayResolve: boolean,
): { token: string; item: Record<string, unknown> } {
  const token = newSecret();
  const ttlSeconds = Math.round(config().LINK_TTL_DAYS * 86_400);
  const link: ActionLink = {
    kind: 'action',
    problemId,
    email: email.toLowerCase(),
    mayResolve,
    expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString(),
  };
  return { token, item: recordItem('LINK', hashSecret(token), { ...link }, ttlSeconds) };
}

/** A stored link for one recipient of one problem (see {@link newActionLink}). */
export async function createActionToken(
  problemId: string,
  email: string,
  mayResolve: boolean,
): Promise<string> {
  const { token, item } = newActionLink(problemId, email, mayResolve);
  await putItem(item);
  return token;
}

/**
 * Links for several recipients of one problem (one level's e-mails), written together: one
 * BatchWriteItem per 25 instead of a write each. The tokens come back in the emails' order.
 */
export async function createActionTokens(
  problemId: string,
  emails: string[],
  mayResolve: boolean,
): Promise<string[]> {
  const links = emails.map((email) => newActionLink(problemId, email, mayResolve));
  await putItems(links.map(({ item }) => item));
  return links.map(({ token }) => token);
}

export async function readActionToken(token: string): Promise<ActionLink | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const link = await getRecord<ActionLink>('LINK', hashSecret(token));
  if (link?.kind !== 'action' || link.expiresAt < new Date().toISOString()) return undefined;
  return link;
}
