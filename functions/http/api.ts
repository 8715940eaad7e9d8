/**
 * The HTTP API Lambda: every page and JSON route behind API Gateway (payload v2), locally
 * behind the embedded server. middy routes and wraps (middleware.ts, router.ts); here each
 * matched route gets its request: checked path and query, who is calling, and the
 * Idempotency-Key. The work is in services.
 */
import { loadReferenceData } from '#adapters/reference-store.ts';
import { containsCprNumber } from '#domain/cpr.ts';
import { loadTexts } from '#web/i18n/index.ts';
import { languageCookieFor, resolveLanguage } from '#web/i18n/language.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { withIdempotency } from './idempotency.ts';
import { identify } from './identity.ts';
import { httpChain } from './middleware.ts';
import { createRouter } from './router.ts';
import { lazyRoutes } from './routes/table.ts';
import { HttpError, type HttpEvent, type HttpResult, type Request, type Route } from './types.ts';

// Each group's code is imported on the first request to it (routes/table.ts).
const routes: Route[] = lazyRoutes();
const extraRoutes: Route[] = [];

/** Every route the handler serves (the fuzz test walks this table). */
export function routeTable(): readonly Route[] {
  return [...routes, ...extraRoutes];
}

/** Lets later features (and the local runtime) add routes without editing this file's list. */
export function registerRoutes(more: Route[]): void {
  const known = new Set(routeTable().map((r) => `${r.method} ${r.path}`));
  extraRoutes.push(...more.filter((r) => !known.has(`${r.method} ${r.path}`)));
  router = createRouter(routeTable() as Route[], run);
}

/** Longer than any id, token or key the system hands out; longer means no such page. */
const MAX_PARAM_LENGTH = 200;
const MAX_QUERY_LENGTH = 4000;

/** v2 events carry cookies in `cookies`; a hand-made event may still have a Cookie header. */
function parseCookies(event: HttpEvent): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = event.cookies ?? event.headers?.cookie?.split(';') ?? [];
  for (const c of raw) {
    const i = c.indexOf('=');
    if (i > 0) out[c.slice(0, i).trim()] = c.slice(i + 1).trim();
  }
  return out;
}

function decodedParams(event: HttpEvent): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, raw] of Object.entries(event.pathParameters ?? {})) {
    let value: string;
    try {
      value = decodeURIComponent(raw ?? '');
    } catch {
      throw new HttpError(404, phrase('error.request.pageNotFound')); // malformed %-encoding
    }
    if (value.length > MAX_PARAM_LENGTH) throw new HttpError(404, phrase('error.request.pageNotFound'));
    params[key] = value;
  }
  return params;
}

export function toRequest(event: HttpEvent): Request {
  // Header names are lower-case already (@middy/http-header-normalizer).
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(event.headers ?? {})) if (typeof v === 'string') headers[k] = v;
  const body = event.body
    ? event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body
    : '';
  const query = new URLSearchParams(event.rawQueryString ?? '');
  const cookies = parseCookies(event);
  return {
    method: event.requestContext.http.method.toUpperCase(),
    path: event.rawPath,
    params: decodedParams(event),
    query,
    headers,
    cookies,
    body,
    wantsJson: event.rawPath.startsWith('/api/') || (headers.accept ?? '').includes('application/json'),
    lang: resolveLanguage({ query, cookies, headers }),
  };
}

/** Path and query end up in access logs and links: never a CPR number there either. */
function checkAddress(req: Request): void {
  if (req.query.toString().length > MAX_QUERY_LENGTH)
    throw new HttpError(400, phrase('error.request.addressTooLong'));
  const values = [...Object.values(req.params), ...req.query.values()];
  if (values.some((v) => containsCprNumber(v))) throw new HttpError(400, phrase('validation.cpr'));
}

/** The parsed request behind an event, kept for the error page: it still knows who is signed in and the language. */
const requests = new WeakMap<HttpEvent, Request>();

async function run(route: Route, event: HttpEvent): Promise<HttpResult> {
  const req = toRequest(event);
  requests.set(event, req);
  checkAddress(req);
  await loadReferenceData(); // current within its TTL: one Query a minute per container at most
  await identify(req);
  await loadTexts(req.lang); // imported by the first request in its language
  const result = await (route.idempotency
    ? withIdempotency(req, route.idempotency, () => route.handler(req))
    : route.handler(req));
  // `?lang=` is remembered, so the next page keeps the chosen language.
  const languageCookie = languageCookieFor(req);
  return languageCookie ? { ...result, cookies: [...(result.cookies ?? []), languageCookie] } : result;
}

/** For an error page: the request's language and signed-in person, also when no route matched. */
async function errorPageRequest(event: HttpEvent): Promise<Request | undefined> {
  const known = requests.get(event);
  if (known) return known;
  let req: Request;
  try {
    req = toRequest({ ...event, pathParameters: {} });
  } catch {
    return undefined;
  }
  try {
    await identify(req);
  } catch {
    // Not signed in after all (a bad token or session): the answer keeps the request's language.
  }
  return req;
}

let router = createRouter(routes, run);

export const handler = httpChain((event) => router(event), { requestFor: errorPageRequest });
