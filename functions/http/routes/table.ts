/**
 * Every route the API serves, without its code: method, path and idempotency per route, and where
 * the group's handlers are. A cold start loads this table and the router; a group's module (its
 * handlers, views, services and schemas) is imported on the first request to one of its routes,
 * so a page view does not pay for every other page (docs/decisions/0023-split-bundles.md).
 * test/unit/route-table.test.ts checks that each group lists exactly the routes its module
 * defines, in the same order.
 */
import type { Route } from '../types.ts';

type RouteLine = readonly [Route['method'], string, Route['idempotency']?];

export interface RouteGroup {
  /** The group's routes as its module defines them (handlers included). */
  load: () => Promise<Route[]>;
  routes: readonly RouteLine[];
}

/** In the order the router was always given them. */
export const ROUTE_GROUPS: readonly RouteGroup[] = [
  {
    load: async () => (await import('./general-pages.ts')).generalRoutes,
    routes: [
      ['GET', '/'],
      ['GET', '/health'],
      ['GET', '/log-ind'],
      ['POST', '/log-ind'],
      ['GET', '/log-ind/link/:token'],
      ['POST', '/log-ind/link/:token'],
      ['POST', '/log-ud'],
    ],
  },
  {
    load: async () => (await import('./problem-pages.ts')).problemPageRoutes,
    routes: [
      ['GET', '/indberet'],
      ['POST', '/indberet'],
      ['GET', '/problemer'],
      ['GET', '/problemer.csv'],
      ['GET', '/problemer/:id/kvittering'],
      ['GET', '/problemer/:id'],
      ['POST', '/problemer/:id'],
      ['GET', '/svar/:token'],
      ['POST', '/svar/:token'],
    ],
  },
  {
    load: async () => (await import('./problem-api.ts')).problemApiRoutes,
    routes: [
      ['GET', '/api/openapi.json'],
      ['GET', '/api/problems'],
      ['POST', '/api/problems'],
      ['GET', '/api/problems/:id'],
      ['POST', '/api/problems/:id/acknowledgements', 'optional'],
      ['POST', '/api/problems/:id/offers', 'required'],
      ['POST', '/api/problems/:id/resolution', 'optional'],
    ],
  },
  {
    load: async () => (await import('./contact-routes.ts')).contactRoutes,
    routes: [
      ['GET', '/kontakter'],
      ['GET', '/kontakter.csv'],
      ['GET', '/kontakter/ny'],
      ['POST', '/kontakter/ny'],
      ['GET', '/kontakter/import'],
      ['POST', '/kontakter/import'],
      ['GET', '/kontakter/bekraeft/:token'],
      ['POST', '/kontakter/bekraeft/:token'],
      ['GET', '/kontakter/:id/rediger'],
      ['POST', '/kontakter/:id/rediger'],
      ['POST', '/api/contacts/import', 'optional'],
    ],
  },
  {
    load: async () => (await import('./external-provider-routes.ts')).externalProviderRoutes,
    routes: [
      ['GET', '/eksterne-udbydere'],
      ['GET', '/eksterne-udbydere.csv'],
      ['GET', '/eksterne-udbydere/ny'],
      ['POST', '/eksterne-udbydere/ny'],
      ['GET', '/eksterne-udbydere/import'],
      ['POST', '/eksterne-udbydere/import'],
      ['GET', '/eksterne-udbydere/bekraeft/:token'],
      ['POST', '/eksterne-udbydere/bekraeft/:token'],
      ['GET', '/eksterne-udbydere/tjeklister/:kind'],
      ['POST', '/eksterne-udbydere/tjeklister/:kind'],
      ['GET', '/eksterne-udbydere/:id/rediger'],
      ['POST', '/eksterne-udbydere/:id/rediger'],
      ['GET', '/eksterne-udbydere/:id/tjekliste'],
      ['GET', '/api/external-providers'],
      ['PUT', '/api/external-providers/:id', 'optional'],
      ['POST', '/api/external-providers/import', 'optional'],
    ],
  },
  {
    load: async () => (await import('./followup-routes.ts')).followupRoutes,
    routes: [
      ['GET', '/kvartalsstatus'],
      ['GET', '/kvartalsstatus/:quarter.csv'],
      ['GET', '/kvartalsstatus/:quarter'],
      ['POST', '/kvartalsstatus/:quarter'],
      ['GET', '/admin/revisionsspor'],
    ],
  },
  {
    load: async () => (await import('./network-routes.ts')).networkRoutes,
    routes: [
      ['GET', '/netvaerk'],
      ['GET', '/netvaerk/:cancerType'],
      ['POST', '/netvaerk/:cancerType/status'],
      ['POST', '/netvaerk/:cancerType/medlemmer'],
      ['POST', '/netvaerk/:cancerType/moeder'],
      ['POST', '/netvaerk/:cancerType/handlinger/:actionId/udfoert'],
      ['POST', '/netvaerk/:cancerType/informer-danske-regioner'],
    ],
  },
  {
    load: async () => (await import('./weekly-pages.ts')).weeklyPageRoutes,
    routes: [
      ['GET', '/ugerapport'],
      ['POST', '/ugerapport'],
      ['GET', '/ugerapport/kvittering'],
      ['GET', '/ventetider'],
      ['GET', '/ventetider/:cancerType'],
      ['GET', '/find-kapacitet'],
    ],
  },
  {
    load: async () => (await import('./weekly-api.ts')).weeklyApiRoutes,
    routes: [
      ['GET', '/api/weekly-overview'],
      ['GET', '/api/weekly-overview/:cancerType'],
      ['POST', '/api/weekly-reports', 'optional'],
      ['GET', '/api/capacity-finder'],
    ],
  },
  {
    load: async () => (await import('./monitoring-routes.ts')).monitoringRoutes,
    routes: [
      ['POST', '/api/monitoring/uploads', 'optional'],
      ['GET', '/api/monitoring/uploads/:id'],
      ['GET', '/api/monitoring/waiting-times'],
      ['GET', '/api/monitoring/package-times'],
      ['GET', '/overvaagning'],
      ['GET', '/overvaagning.csv'],
      ['GET', '/overvaagning/upload.js'],
      ['POST', '/overvaagning/uploads', 'optional'],
      ['GET', '/overvaagning/uploads/:id'],
    ],
  },
  {
    load: async () => (await import('./reference-routes.ts')).referenceRoutes,
    routes: [
      ['GET', '/api/reference-data'],
      ['GET', '/stamdata'],
      ['GET', '/stamdata.csv'],
      ['GET', '/stamdata/import'],
      ['POST', '/stamdata/import'],
      ['GET', '/stamdata/:kind/ny'],
      ['POST', '/stamdata/:kind/ny'],
      ['GET', '/stamdata/:kind/:id'],
      ['POST', '/stamdata/:kind/:id'],
      ['POST', '/stamdata/:kind/:id/udgaa'],
    ],
  },
  {
    load: async () => (await import('./holiday-routes.ts')).holidayRoutes,
    routes: [
      ['GET', '/ferieplaner'],
      ['POST', '/ferieplaner/standardperioder'],
      ['GET', '/ferieplaner/:id'],
      ['GET', '/ferieplaner/:id/plan'],
      ['POST', '/ferieplaner/:id/plan'],
      ['GET', '/ferieplaner/:id/rediger'],
      ['POST', '/ferieplaner/:id/rediger'],
      ['GET', '/api/holiday-periods'],
      ['GET', '/api/holiday-periods/:id'],
      ['PUT', '/api/holiday-periods/:id', 'optional'],
      ['POST', '/api/holiday-periods/:id/plans', 'optional'],
    ],
  },
  {
    load: async () => (await import('./capacity-check-routes.ts')).capacityCheckRoutes,
    routes: [
      ['GET', '/kapacitetstjek'],
      ['POST', '/kapacitetstjek/aabn'],
      ['GET', '/kapacitetstjek/funktioner/:id'],
      ['POST', '/kapacitetstjek/funktioner/:id'],
      ['GET', '/kapacitetstjek/:year.csv'],
      ['GET', '/kapacitetstjek/:year'],
      ['GET', '/kapacitetstjek/:year/svar'],
      ['POST', '/kapacitetstjek/:year/svar'],
      ['POST', '/kapacitetstjek/:year/send'],
      ['GET', '/api/capacity-checks'],
      ['GET', '/api/capacity-checks/:year'],
      ['POST', '/api/capacity-checks/:year/answers', 'optional'],
      ['PUT', '/api/specialised-functions/:id', 'optional'],
    ],
  },
  {
    load: async () => (await import('./referral-routes.ts')).referralRoutes,
    routes: [
      ['GET', '/henvisninger'],
      ['POST', '/henvisninger'],
      ['GET', '/api/referral-counts'],
      ['POST', '/api/referral-counts', 'optional'],
    ],
  },
];

/**
 * The table as routes whose handlers import their group on first use (once per container: a
 * module is imported once, and the group's handlers are looked up once).
 */
export function lazyRoutes(groups: readonly RouteGroup[] = ROUTE_GROUPS): Route[] {
  return groups.flatMap((group) => {
    let handlers: Promise<Map<string, Route['handler']>> | undefined;
    const handlersOf = () => {
      handlers ??= group
        .load()
        .then((routes) => new Map(routes.map((r) => [`${r.method} ${r.path}`, r.handler])));
      // A failed import (a bad deployment) is tried again by the next request.
      handlers.catch(() => {
        handlers = undefined;
      });
      return handlers;
    };
    return group.routes.map(([method, path, idempotency]): Route => {
      const handler: Route['handler'] = async (req) => {
        const own = (await handlersOf()).get(`${method} ${path}`);
        if (!own) throw new Error(`No handler for ${method} ${path} in its route group`);
        return own(req);
      };
      return { method, path, handler, ...(idempotency ? { idempotency } : {}) };
    });
  });
}
