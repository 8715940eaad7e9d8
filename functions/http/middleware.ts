/**
 * middy middlewares of the HTTP handler: a body-size guard, security headers, and an error
 * handler that turns every failure into a clear 4xx/5xx answer (HTML or JSON) — a request
 * never crashes the process.
 */
import type { MiddlewareObj } from '@middy/core';
import { html } from '#web/html.ts';
import { layout } from '#web/layout.ts';
import { ForbiddenError, NotFoundError } from '../services/actors.ts';
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

/** Sent with every answer; CloudFront adds the same to the static files (lib/cdn.ts). */
export const SECURITY_HEADERS = {
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

const TITLES: Record<number, string> = {
  400: 'Forespørgslen kunne ikke behandles',
  401: 'Du skal være logget ind',
  403: 'Du har ikke adgang',
  404: 'Siden findes ikke',
  405: 'Metoden er ikke tilladt',
  409: 'Konflikt',
  413: 'Indholdet er for stort',
  500: 'Der skete en fejl',
};

export function errorHandler(
  options: { log?: (message: string, error: unknown) => void } = {},
): MiddlewareObj<HttpEvent, HttpResult> {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return {
    onError: async (request) => {
      const error = request.error;
      let status = 500;
      let message = 'Der skete en uventet fejl. Prøv igen om lidt. Dine data er ikke gået tabt.';
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
              title: TITLES[status] ?? 'Fejl',
              body: html`<h1>${TITLES[status] ?? 'Fejl'}</h1><p>${message}</p><p><a href="/">Til forsiden</a></p>`,
            }),
            status,
          );
    },
  };
}
