/**
 * The route table on @middy/http-router. Routes are written `/problemer/:id`; here they become
 * middy's `/problemer/{id}`. What middy leaves to us: HEAD answers like GET, a path that exists
 * for another method is a 405 (not a 404), and path parameters are percent-decoded.
 */
import httpRouterHandler from '@middy/http-router';
import { phrase } from '#web/i18n/phrase.ts';
import type { HttpEvent, HttpResult, Route } from './types.ts';
import { HttpError } from './types.ts';

/** Runs one matched route; `params` are middy's raw (still percent-encoded) path parameters. */
export type RouteRunner = (route: Route, event: HttpEvent) => Promise<HttpResult>;

type MiddyRoute<T> = { method: Route['method'] | 'HEAD' | 'ANY'; path: string; handler: (e: HttpEvent) => T };

/** `/netvaerk/:cancerType/status` → `/netvaerk/{cancerType}/status`; `/static/*` → `{proxy+}`. */
export function middyPath(path: string): string {
  return path.replace(/:([a-zA-Z]+)/g, '{$1}').replace(/\/\*$/, '/{proxy+}');
}

export function createRouter(routes: Route[], run: RouteRunner) {
  const table: MiddyRoute<Promise<HttpResult>>[] = routes.flatMap((route) => {
    const path = middyPath(route.path);
    const handler = (event: HttpEvent) => run(route, event);
    const methods: MiddyRoute<unknown>['method'][] =
      route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
    return methods.map((method) => ({ method, path, handler }));
  });
  // Same paths under every method: tells "no such page" (404) from "not with this method" (405).
  const anyMethod = httpRouterHandler<never, never>({
    routes: routes.map((r) => ({ method: 'ANY', path: middyPath(r.path), handler: () => true })) as never,
    notFoundResponse: () => false,
  }) as unknown as (event: HttpEvent) => boolean;
  return httpRouterHandler<never, never>({
    routes: table as never,
    notFoundResponse: ({ path }) => {
      const probe = { version: '2.0', requestContext: { http: { method: 'GET', path } } } as HttpEvent;
      if (anyMethod(probe)) throw new HttpError(405, phrase('error.request.methodNotAllowed'));
      throw new HttpError(404, phrase('error.request.pageNotFound'));
    },
  }) as unknown as (event: HttpEvent) => Promise<HttpResult>;
}
