/**
 * The parsed request behind an event, kept for the error handler: an error page still knows
 * who is signed in and in which language to answer (a 403 must not offer "Log ind").
 */
import type { Raw } from '#web/html.ts';
import { layout, type PageContext } from '#web/layout.ts';
import { htmlResponse } from './respond.ts';
import type { HttpEvent, HttpResult, Request } from './types.ts';

const requests = new WeakMap<HttpEvent, Request>();

export function rememberRequest(event: HttpEvent, req: Request): void {
  requests.set(event, req);
}

export function requestFor(event: HttpEvent): Request | undefined {
  return requests.get(event);
}

/** What the page frame needs from a request: language, signed-in user, CSRF token, current address. */
export function pageContext(req: Request): PageContext {
  return { lang: req.lang, user: req.actor, csrf: req.csrf, path: req.path, query: req.query };
}

/** A whole page in the frame, answered in the request's language. */
export function page(req: Request, title: string, body: Raw, status = 200, extra: Partial<HttpResult> = {}) {
  return htmlResponse(layout({ title, body, ...pageContext(req) }), status, extra);
}
