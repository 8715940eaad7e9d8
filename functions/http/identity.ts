/** Works out who is calling: a session cookie (people) or a bearer token (systems). */

import { config } from '#adapters/config.ts';
import { type Phrase, phrase } from '#web/i18n/phrase.ts';
import { getSession, getUser, userForApiToken } from '../services/auth.ts';
import type { Request } from './types.ts';
import { HttpError } from './types.ts';

export const SESSION_COOKIE = 'kk_session';

export async function identify(req: Request): Promise<void> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const user = await userForApiToken(auth.slice(7).trim());
    if (!user) throw new HttpError(401, phrase('error.request.badToken'));
    req.actor = { ...user, via: 'token' };
    return;
  }
  // The JSON API takes tokens only: a cookie there would invite cross-site requests without CSRF checks.
  if (req.path.startsWith('/api/')) return;
  const sessionId = req.cookies[SESSION_COOKIE];
  if (!sessionId) return;
  const session = await getSession(sessionId);
  if (!session) return;
  const user = await getUser(session.email);
  if (!user) return;
  req.actor = { ...user, via: 'session' };
  req.csrf = session.csrf;
  req.sessionId = sessionId;
}

export function sessionCookie(sessionId: string, maxAgeSeconds: number): string {
  const secure = config().SECURE_COOKIES === 'true' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/** Form posts by signed-in people carry the session's CSRF token. */
export function checkCsrf(req: Request, submitted: unknown): void {
  if (req.actor?.via !== 'session') return;
  if (typeof submitted !== 'string' || submitted !== req.csrf) {
    throw new HttpError(403, phrase('error.request.formExpired'));
  }
}

/** Pages that need a signed-in person send others to the sign-in page and back. */
/**
 * The request comes from one of our own pages or from no page at all (curl, a script), not from
 * another website's form: `message` (a 403) otherwise.
 */
export function assertSameSite(req: Request, message: Phrase): void {
  // Sec-Fetch-Site is authoritative where browsers send it; otherwise fall back to Origin.
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  const sameOrigin = site
    ? site === 'same-origin' || site === 'none'
    : !origin ||
      origin === new URL(config().BASE_URL).origin ||
      origin === `http://${req.headers.host}` ||
      origin === `https://${req.headers.host}`;
  if (!sameOrigin) throw new HttpError(403, message);
}

export function requireActor(req: Request) {
  if (!req.actor) {
    throw new HttpError(401, phrase('error.request.signInRequired'), { next: req.path });
  }
  return req.actor;
}
