/**
 * The HTTP API Lambda: every page and JSON route behind API Gateway (payload v2), locally
 * behind the embedded server. Routing, identity and errors happen here; the work is in services.
 */
import middy from '@middy/core';
import { identify } from './identity.ts';
import { bodyLimit, errorHandler, securityHeaders } from './middleware.ts';
import { createRouter } from './router.ts';
import { contactRoutes } from './routes/contact-routes.ts';
import { followupRoutes } from './routes/followup-routes.ts';
import { generalRoutes } from './routes/general-pages.ts';
import { monitoringRoutes } from './routes/monitoring-routes.ts';
import { networkRoutes } from './routes/network-routes.ts';
import { problemApiRoutes } from './routes/problem-api.ts';
import { problemPageRoutes } from './routes/problem-pages.ts';
import { weeklyApiRoutes } from './routes/weekly-api.ts';
import { weeklyPageRoutes } from './routes/weekly-pages.ts';
import { HttpError, type HttpEvent, type HttpResult, type Request, type Route } from './types.ts';

const routes: Route[] = [
  ...generalRoutes,
  ...problemPageRoutes,
  ...problemApiRoutes,
  ...contactRoutes,
  ...followupRoutes,
  ...networkRoutes,
  ...weeklyPageRoutes,
  ...weeklyApiRoutes,
  ...monitoringRoutes,
];
const extraRoutes: Route[] = [];

/** Lets later features (and the local runtime) add routes without editing this file's list. */
export function registerRoutes(more: Route[]): void {
  extraRoutes.push(...more);
  router = createRouter([...routes, ...extraRoutes]);
}

let router = createRouter(routes);

function parseCookies(event: HttpEvent): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = event.cookies ?? (event.headers.cookie ? event.headers.cookie.split(';') : []);
  for (const c of raw) {
    const i = c.indexOf('=');
    if (i > 0) out[c.slice(0, i).trim()] = c.slice(i + 1).trim();
  }
  return out;
}

export function toRequest(event: HttpEvent): Request {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(event.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = v;
  const body = event.body
    ? event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body
    : '';
  const query = new URLSearchParams(event.rawQueryString ?? '');
  return {
    method: event.requestContext.http.method.toUpperCase(),
    path: event.rawPath,
    params: {},
    query,
    headers,
    cookies: parseCookies(event),
    body,
    wantsJson: event.rawPath.startsWith('/api/') || (headers.accept ?? '').includes('application/json'),
    lang: query.get('lang') === 'en' ? 'en' : 'da',
  };
}

export async function dispatch(event: HttpEvent): Promise<HttpResult> {
  const req = toRequest(event);
  const match = router.match(req.method, req.path);
  if (match === undefined) throw new HttpError(404, 'Siden findes ikke.');
  if (match === 'method-not-allowed') throw new HttpError(405, 'Metoden er ikke tilladt her.');
  req.params = match.params;
  await identify(req);
  return match.handler(req);
}

export const handler = middy<HttpEvent, HttpResult>()
  .use(securityHeaders())
  .use(bodyLimit())
  .use(errorHandler())
  .handler(dispatch);
