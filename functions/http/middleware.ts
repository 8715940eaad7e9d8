/**
 * middy middlewares of the HTTP handler: a body-size guard, security headers, and an error
 * handler that turns every failure into a clear 4xx/5xx answer (HTML or JSON) — a request
 * never crashes the process.
 */
import type { MiddlewareObj } from '@middy/core';
import { html } from '#web/html.ts';
import { type Lang, t } from '#web/i18n/index.ts';
import { layout } from '#web/layout.ts';
import { ForbiddenError, NotFoundError } from '../services/actors.ts';
import { pageContext, requestFor } from './page-context.ts';
import { htmlResponse, jsonResponse, redirect } from './respond.ts';
import { HttpError, type HttpEvent, type HttpResult } from './types.ts';

export const MAX_BODY_BYTES = 256 * 1024;

function wantsJson(event: HttpEvent): boolean {
  return event.rawPath.startsWith('/api/') || (event.headers.accept ?? '').includes('application/json');
}

export function bodyLimit(options: { maxBytes?: number } = {}): MiddlewareObj<HttpEvent, HttpResult> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  return {
    before: async (request) => {
      const body = request.event.body ?? '';
      const size = request.event.isBase64Encoded
        ? Math.floor((body.length * 3) / 4)
        : Buffer.byteLength(body);
      if (size > maxBytes)
        throw new HttpError(413, `Indholdet er for stort (højst ${Math.round(maxBytes / 1024)} KB).`);
    },
  };
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // same-origin: links carrying tokens never leak a Referer to other sites, and browsers keep sending Origin.
  'referrer-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

export function securityHeaders(): MiddlewareObj<HttpEvent, HttpResult> {
  const add = async (request: { response?: HttpResult | null }) => {
    if (request.response) request.response.headers = { ...SECURITY_HEADERS, ...request.response.headers };
  };
  return { after: add, onError: add };
}

const TITLE_KEYS = {
  400: 'error.400',
  401: 'error.401',
  403: 'error.403',
  404: 'error.404',
  405: 'error.405',
  409: 'error.409',
  413: 'error.413',
  500: 'error.500',
} as const;

function errorTitle(status: number, lang: Lang): string {
  const key = TITLE_KEYS[status as keyof typeof TITLE_KEYS];
  return key ? t(lang, key) : t(lang, 'error.generic');
}

export function errorHandler(
  options: { log?: (message: string, error: unknown) => void } = {},
): MiddlewareObj<HttpEvent, HttpResult> {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return {
    onError: async (request) => {
      const error = request.error;
      let status = 500;
      // The request as parsed before the failure: the page keeps the user's header and language.
      const req = requestFor(request.event);
      const lang = req?.lang ?? 'da';
      let message = t(lang, 'error.unexpected');
      let details: Record<string, string> | undefined;
      if (error instanceof HttpError) {
        status = error.statusCode;
        message = error.message;
        details = error.details;
      } else if (error instanceof ForbiddenError) {
        status = 403;
        message = error.message;
      } else if (error instanceof NotFoundError) {
        status = 404;
        message = error.message;
      } else {
        log('Unhandled error', error);
      }
      const event = request.event;
      if (status === 401 && !wantsJson(event) && event.requestContext.http.method === 'GET') {
        request.response = redirect(`/log-ind?next=${encodeURIComponent(details?.next ?? event.rawPath)}`);
        return;
      }
      request.response = wantsJson(event)
        ? jsonResponse({ error: message, ...(details ? { fields: details } : {}) }, status)
        : htmlResponse(
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
