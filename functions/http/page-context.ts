/**
 * What a page's frame needs from the request behind it: its language, who is signed in (a 403
 * must not offer "Log ind") and which menu pages they may open.
 */
import { referenceData } from '#domain/reference.ts';
import type { Raw } from '#web/html.ts';
import { layout, type PageContext } from '#web/layout.ts';
import { mayReadStatus, mayReportFor, mayReportWeeklyFor, referralRegionsFor } from '../services/access.ts';
import type { Actor } from '../services/actors.ts';
import { htmlResponse } from './respond.ts';
import type { HttpResult, Request } from './types.ts';

/**
 * The menu's pages the signed-in person could only open to be refused, left out of the menu and
 * the front page (signed out, every link leads to the sign-in first).
 */
export function closedPaths(actor: Actor | undefined): string[] {
  if (!actor) return ['/stamdata'];
  const departments = referenceData().departments;
  const closed: string[] = [];
  if (!departments.some((d) => mayReportFor(actor, d.id))) closed.push('/indberet');
  if (!departments.some((d) => mayReportWeeklyFor(actor, d.id))) closed.push('/ugerapport');
  if (!mayReadStatus(actor.role)) closed.push('/kvartalsstatus');
  if (referralRegionsFor(actor).length === 0) closed.push('/henvisninger');
  if (actor.role !== 'secretariat' && actor.role !== 'admin') closed.push('/stamdata');
  return closed;
}

/** What the page frame needs from a request: language, signed-in user, CSRF token, current address. */
export function pageContext(req: Request): PageContext {
  return {
    lang: req.lang,
    user: req.actor,
    csrf: req.csrf,
    path: req.path,
    query: req.query,
    closed: closedPaths(req.actor),
  };
}

/** A whole page in the frame, answered in the request's language. */
export function page(req: Request, title: string, body: Raw, status = 200, extra: Partial<HttpResult> = {}) {
  return htmlResponse(layout({ title, body, ...pageContext(req) }), status, extra);
}
