/**
 * Every route the API serves, and the one place its method, path and idempotency are written:
 * each route names its handler in its group's module. A cold start loads this table and the
 * router; a group's module (its handlers, views, services and schemas) is imported on the first
 * request to one of its routes, so a page view does not pay for every other page
 * (docs/decisions/0023-split-bundles.md). The handler names are checked by the compiler against
 * the group's `…Handlers` export.
 */
import type { RouteHandlers as Handlers, Route, RouteHandler } from '../types.ts';

type RouteLine<H extends Handlers> = readonly [
  Route['method'],
  string,
  keyof H & string,
  Route['idempotency']?,
];

export interface RouteGroup {
  /** The group's module's handlers, imported on first use. */
  load: () => Promise<Handlers>;
  routes: readonly RouteLine<Handlers>[];
}

/** A group whose route lines may only name handlers its module exports. */
function group<H extends Handlers>(load: () => Promise<H>, routes: readonly RouteLine<H>[]): RouteGroup {
  return { load, routes };
}

/** In the order the router was always given them. */
export const ROUTE_GROUPS: readonly RouteGroup[] = [
  group(
    async () => (await import('./general-pages.ts')).generalHandlers,
    [
      ['GET', '/', 'home'],
      ['GET', '/health', 'healthCheck'],
      ['GET', '/log-ind', 'showSignIn'],
      ['POST', '/log-ind', 'requestSignIn'],
      ['GET', '/log-ind/link/:token', 'confirmSignIn'],
      ['POST', '/log-ind/link/:token', 'completeSignIn'],
      ['POST', '/log-ud', 'signOut'],
    ],
  ),
  group(
    async () => (await import('./problem-pages.ts')).problemPageHandlers,
    [
      ['GET', '/indberet', 'showForm'],
      ['POST', '/indberet', 'submitForm'],
      ['GET', '/problemer', 'list'],
      ['GET', '/problemer.csv', 'exportCsv'],
      ['GET', '/problemer/:id/kvittering', 'receipt'],
      ['GET', '/problemer/:id', 'showProblem'],
      ['POST', '/problemer/:id', 'act'],
      ['GET', '/svar/:token', 'showAnswerLink'],
      ['POST', '/svar/:token', 'actLink'],
    ],
  ),
  group(
    async () => (await import('./problem-api.ts')).problemApiHandlers,
    [
      ['GET', '/api/openapi.json', 'openApi'],
      ['GET', '/api/problems', 'list'],
      // Its key is required and kept by `create` itself (one write fewer per report).
      ['POST', '/api/problems', 'create'],
      ['GET', '/api/problems/:id', 'get'],
      ['POST', '/api/problems/:id/acknowledgements', 'ack', 'optional'],
      ['POST', '/api/problems/:id/offers', 'offer', 'required'],
      ['POST', '/api/problems/:id/resolution', 'resolve', 'optional'],
    ],
  ),
  group(
    async () => (await import('./contact-routes.ts')).contactHandlers,
    [
      ['GET', '/kontakter', 'list'],
      ['GET', '/kontakter.csv', 'exportCsv'],
      ['GET', '/kontakter/ny', 'showNew'],
      ['POST', '/kontakter/ny', 'submitEdit'],
      ['GET', '/kontakter/import', 'showImport'],
      ['POST', '/kontakter/import', 'submitImport'],
      ['GET', '/kontakter/bekraeft/:token', 'showVerify'],
      ['POST', '/kontakter/bekraeft/:token', 'submitVerify'],
      ['GET', '/kontakter/:id/rediger', 'showEdit'],
      ['POST', '/kontakter/:id/rediger', 'submitEdit'],
      ['POST', '/api/contacts/import', 'importApi', 'optional'],
    ],
  ),
  group(
    async () => (await import('./external-provider-routes.ts')).externalProviderHandlers,
    [
      ['GET', '/eksterne-udbydere', 'list'],
      ['GET', '/eksterne-udbydere.csv', 'exportCsv'],
      ['GET', '/eksterne-udbydere/ny', 'showNew'],
      ['POST', '/eksterne-udbydere/ny', 'submitEdit'],
      ['GET', '/eksterne-udbydere/import', 'showImport'],
      ['POST', '/eksterne-udbydere/import', 'submitImport'],
      ['GET', '/eksterne-udbydere/bekraeft/:token', 'showVerify'],
      ['POST', '/eksterne-udbydere/bekraeft/:token', 'submitVerify'],
      ['GET', '/eksterne-udbydere/tjeklister/:kind', 'showTemplate'],
      ['POST', '/eksterne-udbydere/tjeklister/:kind', 'submitTemplate'],
      ['GET', '/eksterne-udbydere/:id/rediger', 'showEdit'],
      ['POST', '/eksterne-udbydere/:id/rediger', 'submitEdit'],
      ['GET', '/eksterne-udbydere/:id/tjekliste', 'showChecklist'],
      ['GET', '/api/external-providers', 'list'],
      ['PUT', '/api/external-providers/:id', 'apiPut', 'optional'],
      ['POST', '/api/external-providers/import', 'importApi', 'optional'],
    ],
  ),
  group(
    async () => (await import('./followup-routes.ts')).followupHandlers,
    [
      ['GET', '/kvartalsstatus', 'list'],
      ['GET', '/kvartalsstatus/:quarter.csv', 'csv'],
      ['GET', '/kvartalsstatus/:quarter', 'show'],
      ['POST', '/kvartalsstatus/:quarter', 'recompute'],
      ['GET', '/admin/revisionsspor', 'audit'],
    ],
  ),
  group(
    async () => (await import('./network-routes.ts')).networkHandlers,
    [
      ['GET', '/netvaerk', 'list'],
      ['GET', '/netvaerk/:cancerType', 'show'],
      ['POST', '/netvaerk/:cancerType/status', 'changeStatus'],
      ['POST', '/netvaerk/:cancerType/medlemmer', 'member'],
      ['POST', '/netvaerk/:cancerType/moeder', 'meeting'],
      ['POST', '/netvaerk/:cancerType/handlinger/:actionId/udfoert', 'actionDone'],
      ['POST', '/netvaerk/:cancerType/informer-danske-regioner', 'inform'],
    ],
  ),
  group(
    async () => (await import('./weekly-pages.ts')).weeklyPageHandlers,
    [
      ['GET', '/ugerapport', 'showForm'],
      ['POST', '/ugerapport', 'submitForm'],
      ['GET', '/ugerapport/kvittering', 'receipt'],
      ['GET', '/ventetider', 'national'],
      ['GET', '/ventetider/:cancerType', 'perCancer'],
      ['GET', '/find-kapacitet', 'finder'],
    ],
  ),
  group(
    async () => (await import('./weekly-api.ts')).weeklyApiHandlers,
    [
      ['GET', '/api/weekly-overview', 'overview'],
      ['GET', '/api/weekly-overview/:cancerType', 'overview'],
      ['POST', '/api/weekly-reports', 'submit', 'optional'],
      ['GET', '/api/capacity-finder', 'find'],
    ],
  ),
  group(
    async () => (await import('./monitoring-routes.ts')).monitoringHandlers,
    [
      ['POST', '/api/monitoring/uploads', 'createUpload', 'optional'],
      ['GET', '/api/monitoring/uploads/:id', 'getUpload'],
      ['GET', '/api/monitoring/waiting-times', 'waitingTimesApi'],
      ['GET', '/api/monitoring/package-times', 'packageTimesApi'],
      ['GET', '/overvaagning', 'page'],
      ['GET', '/overvaagning.csv', 'csv'],
      ['GET', '/overvaagning/upload.js', 'script'],
      ['POST', '/overvaagning/uploads', 'createUpload', 'optional'],
      ['GET', '/overvaagning/uploads/:id', 'getUpload'],
    ],
  ),
  group(
    async () => (await import('./reference-routes.ts')).referenceHandlers,
    [
      ['GET', '/api/reference-data', 'catalogue'],
      ['GET', '/stamdata', 'list'],
      ['GET', '/stamdata.csv', 'exportCsv'],
      ['GET', '/stamdata/import', 'showImport'],
      ['POST', '/stamdata/import', 'submitImport'],
      ['GET', '/stamdata/:kind/ny', 'showForm'],
      ['POST', '/stamdata/:kind/ny', 'submitForm'],
      ['GET', '/stamdata/:kind/:id', 'showForm'],
      ['POST', '/stamdata/:kind/:id', 'submitForm'],
      ['POST', '/stamdata/:kind/:id/udgaa', 'retire'],
    ],
  ),
  group(
    async () => (await import('./holiday-routes.ts')).holidayHandlers,
    [
      ['GET', '/ferieplaner', 'list'],
      ['POST', '/ferieplaner/standardperioder', 'createDefaults'],
      ['GET', '/ferieplaner/:id', 'view'],
      ['GET', '/ferieplaner/:id/plan', 'showForm'],
      ['POST', '/ferieplaner/:id/plan', 'submitForm'],
      ['GET', '/ferieplaner/:id/rediger', 'showPeriod'],
      ['POST', '/ferieplaner/:id/rediger', 'submitPeriod'],
      ['GET', '/api/holiday-periods', 'list'],
      ['GET', '/api/holiday-periods/:id', 'view'],
      ['PUT', '/api/holiday-periods/:id', 'apiPutPeriod', 'optional'],
      ['POST', '/api/holiday-periods/:id/plans', 'apiSubmitPlans', 'optional'],
    ],
  ),
  group(
    async () => (await import('./capacity-check-routes.ts')).capacityCheckHandlers,
    [
      ['GET', '/kapacitetstjek', 'list'],
      ['POST', '/kapacitetstjek/aabn', 'openNow'],
      ['GET', '/kapacitetstjek/funktioner/:id', 'showFunction'],
      ['POST', '/kapacitetstjek/funktioner/:id', 'submitFunction'],
      ['GET', '/kapacitetstjek/:year.csv', 'csv'],
      ['GET', '/kapacitetstjek/:year', 'summary'],
      ['GET', '/kapacitetstjek/:year/svar', 'showAnswer'],
      ['POST', '/kapacitetstjek/:year/svar', 'submitAnswer'],
      ['POST', '/kapacitetstjek/:year/send', 'send'],
      ['GET', '/api/capacity-checks', 'list'],
      ['GET', '/api/capacity-checks/:year', 'summary'],
      ['POST', '/api/capacity-checks/:year/answers', 'apiAnswers', 'optional'],
      ['PUT', '/api/specialised-functions/:id', 'apiPutFunction', 'optional'],
    ],
  ),
  group(
    async () => (await import('./referral-routes.ts')).referralHandlers,
    [
      ['GET', '/henvisninger', 'showForm'],
      ['POST', '/henvisninger', 'submitForm'],
      ['GET', '/api/referral-counts', 'apiList'],
      ['POST', '/api/referral-counts', 'apiRecord', 'optional'],
    ],
  ),
];

/**
 * The table as routes whose handlers import their group on first use (once per container: a
 * module is imported once, and a failed import is tried again by the next request).
 */
export function lazyRoutes(groups: readonly RouteGroup[] = ROUTE_GROUPS): Route[] {
  return groups.flatMap((routeGroup) => {
    let handlers: Promise<Handlers> | undefined;
    const handlersOf = () => {
      handlers ??= routeGroup.load();
      // A failed import (a bad deployment) is tried again by the next request.
      handlers.catch(() => {
        handlers = undefined;
      });
      return handlers;
    };
    return routeGroup.routes.map(([method, path, name, idempotency]): Route => {
      const handler: RouteHandler = async (req) => {
        const own = (await handlersOf())[name];
        if (!own) throw new Error(`No handler ${name} for ${method} ${path} in its route group`);
        return own(req);
      };
      return { method, path, handler, ...(idempotency ? { idempotency } : {}) };
    });
  });
}
