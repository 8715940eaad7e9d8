/**
 * The HTTP handler's middleware chain. middy's own packages do the generic work (header names,
 * security headers, turning an error into a status and a message that is safe to show); what is
 * ours is the body-size guard, which error classes of the services mean which status, and the
 * Danish error page or JSON error body. Why: docs/decisions/0006-middy-http-packages.md.
 */
import middy, { type MiddlewareObj, type MiddyfiedHandler } from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import { logger, withLogContext } from '#adapters/telemetry.ts';
import { html } from '#web/html.ts';
import { type Lang, loadTexts, phraseText, t } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { layout } from '#web/layout.ts';
import { localizeErrors, localizeMessage } from '#web/validation.ts';
import { ForbiddenError, NotFoundError } from '../services/actors.ts';
import { htmlResponse, jsonResponse, redirect } from './respond.ts';
import { HttpError, type HttpEvent, type HttpResult, type Request } from './types.ts';
import { viaCloudFront } from './via-cloudfront.ts';

export const MAX_BODY_BYTES = 256 * 1024;

export const UNEXPECTED_ERROR_DA =
  'Der skete en uventet fejl. Prøv igen om lidt. Dine data er ikke gået tabt.';

function wantsJson(event: HttpEvent): boolean {
  return event.rawPath.startsWith('/api/') || (event.headers?.accept ?? '').includes('application/json');
}

/** Refuses a body over `maxBytes` before anything parses it (API Gateway allows up to 10 MB). */
export function bodyLimit(options: { maxBytes?: number } = {}): MiddlewareObj<HttpEvent, HttpResult> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  return {
    before: async (request) => {
      const body = request.event.body ?? '';
      const size = request.event.isBase64Encoded
        ? Math.floor((body.length * 3) / 4)
        : Buffer.byteLength(body);
      if (size > maxBytes)
        throw new HttpError(413, phrase('error.request.tooLarge', { kb: Math.round(maxBytes / 1024) }));
    },
  };
}

/** middy merges its CSP defaults into ours and leaves out a directive set to false (typed as string). */
const OFF = false as unknown as string;

/**
 * The policy every answer carries — pages, JSON, errors, and the local `/local/*` pages. The upload
 * form on /overvaagning PUTs to a presigned URL: in AWS on the monitoring bucket's origin
 * (`UPLOAD_ORIGIN`, set by the stack), which `connect-src` allows; locally the app's own origin.
 * Built on the first answer, when the configuration is in place (the local runtime sets it after
 * importing this module).
 */
export function securityHeaders(): MiddlewareObj<HttpEvent, HttpResult> {
  let headers: MiddlewareObj<HttpEvent, HttpResult> | undefined;
  const current = () => {
    // Read alone, not through config(): error pages carry the headers even if another setting is broken.
    headers ??= httpSecurityHeaders(securityHeaderOptions(process.env.UPLOAD_ORIGIN));
    return headers;
  };
  return {
    after: (request) => current().after?.(request),
    onError: (request) => current().onError?.(request),
  };
}

function securityHeaderOptions(uploadOrigin: string | undefined) {
  return {
    contentSecurityPolicy: {
      'default-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'script-src': "'self'",
      'img-src': "'self' data:",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
      ...(uploadOrigin ? { 'connect-src': `'self' ${uploadOrigin}` } : {}),
      // middy's defaults that would change the pages' behaviour: off.
      sandbox: OFF,
      'report-to': OFF,
      'require-trusted-types-for': OFF,
      'upgrade-insecure-requests': OFF,
    },
    // same-origin: links carrying tokens never leak a Referer to other sites, and browsers keep sending Origin.
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true, preload: false },
    frameOptions: { action: 'deny' },
    // middy's default list names features browsers do not know, which they report as console errors.
    permissionsPolicy: false,
  };
}

/** The services' error classes as HTTP errors, so middy's error handler knows their status. */
function serviceErrors(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: async (request) => {
      const error = request.error;
      if (error instanceof ForbiddenError)
        request.error = new HttpError(403, error.phrase, undefined, { cause: error });
      else if (error instanceof NotFoundError)
        request.error = new HttpError(404, error.phrase, undefined, { cause: error });
    },
  };
}

const TITLE_KEYS = {
  400: 'error.400',
  401: 'error.401',
  403: 'error.403',
  404: 'error.404',
  405: 'error.405',
  409: 'error.409',
  413: 'error.413',
  415: 'error.415',
  422: 'error.400',
  500: 'error.500',
} as const;

function errorTitle(status: number, lang: Lang): string {
  const key = TITLE_KEYS[status as keyof typeof TITLE_KEYS];
  return key ? t(lang, key) : t(lang, 'error.generic');
}

/**
 * The message and field messages of an error in the request's language: a phrase is worded in
 * it; a text written out (a schema's Danish validation message) is translated when the catalogue
 * knows it.
 */
function errorTexts(
  error: Partial<HttpError> | undefined,
  lang: Lang,
): { message: string; details?: Record<string, string> } {
  const message = error?.phrase
    ? phraseText(lang, error.phrase)
    : localizeMessage(error?.message as string, lang);
  return { message, ...(error?.details ? { details: localizeErrors(error.details, lang) } : {}) };
}

/**
 * Renders what middy's error handler decided (status and a message safe to show) as a page or a
 * JSON `{ error, fields }` in the request's language (Danish unless it asked for English);
 * a person not signed in is sent to the sign-in page instead.
 */
function errorPage(
  requestFor?: (event: HttpEvent) => Promise<Request | undefined>,
): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: async (request) => {
      const event = request.event;
      const status = request.response?.statusCode ?? 500;
      const error = request.error as Partial<HttpError> | undefined;
      const exposed = status < 500 && typeof error?.message === 'string';
      // The request as parsed before the failure: the answer keeps the person's header and language.
      const req = await requestFor?.(event);
      const lang = req?.lang ?? 'da';
      await loadTexts(lang);
      const { message, details } = exposed
        ? errorTexts(error, lang)
        : { message: t(lang, 'error.unexpected'), details: undefined };
      const method = event.requestContext?.http?.method;
      if (status === 401 && !wantsJson(event) && (method === 'GET' || method === 'HEAD')) {
        request.response = redirect(`/log-ind?next=${encodeURIComponent(details?.next ?? event.rawPath)}`);
        return;
      }
      if (wantsJson(event)) {
        request.response = jsonResponse({ error: message, ...(details ? { fields: details } : {}) }, status);
        return;
      }
      // The page frame's menu asks the services what the person may open: imported with the
      // first error page, not at every cold start.
      const { pageContext } = await import('./page-context.ts');
      request.response = htmlResponse(
        layout({
          title: errorTitle(status, lang),
          body: html`<h1>${errorTitle(status, lang)}</h1><p>${message}</p><p><a href="/">${t(lang, 'error.toFrontPage')}</a></p>`,
          ...(req ? pageContext(req) : {}),
        }),
        status,
      );
    },
  };
}

/** Unexpected errors only: a 4xx is the caller's mistake, already answered with a message. */
function logUnexpected(log: (message: string, error: unknown) => void) {
  return (error: unknown) => {
    const status = (error as { statusCode?: number } | undefined)?.statusCode;
    if (status === undefined || status >= 500) log('Unhandled error', error);
  };
}

/**
 * The whole chain around a router. Order matters: `before` runs top to bottom, `after` and
 * `onError` bottom to top — so a service error is classified, then middy's error handler sets the
 * status, then the Danish page is rendered, then the security headers are added to it.
 */
export function httpChain(
  router: (event: HttpEvent) => Promise<HttpResult>,
  options: {
    log?: (message: string, error: unknown) => void;
    /** The parsed request behind an event, so an error page keeps the header and language. */
    requestFor?: (event: HttpEvent) => Promise<Request | undefined>;
  } = {},
): MiddyfiedHandler<HttpEvent, HttpResult> {
  const log =
    options.log ??
    ((message, error) => logger.error(message, error instanceof Error ? error : String(error)));
  return (
    middy<HttpEvent, HttpResult>()
      // First in, last out: every line the request logs carries its ids, and they are dropped after.
      .use(withLogContext<HttpEvent>((event) => ({ api_request_id: event.requestContext?.requestId })))
      .use(httpHeaderNormalizer())
      .use(securityHeaders())
      .use(errorPage(options.requestFor))
      .use(httpErrorHandler({ logger: logUnexpected(log), fallbackMessage: UNEXPECTED_ERROR_DA }))
      .use(serviceErrors())
      .use(viaCloudFront())
      .use(bodyLimit())
      .handler(router)
  );
}
