/**
 * In AWS the API answers only what came through CloudFront: the distribution adds a generated
 * secret in a header to every request it forwards (lib/cdn.ts), and a request without it (the
 * execute-api URL called directly, around the CDN's TLS policy, WAF and compression) is refused.
 * Why a secret header and not a disabled endpoint: docs/decisions/0012-cdn-and-static-assets.md.
 * Small on purpose: the CDK stack imports the header name from here.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import { phrase } from '#web/i18n/phrase.ts';
import { HttpError, type HttpEvent, type HttpResult } from './types.ts';

/** The header CloudFront adds to every request it forwards to the API, holding ORIGIN_SECRET. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/**
 * Refuses, with 403, a request without the secret when ORIGIN_SECRET is set (by the stack, in
 * AWS; never locally). Read from the environment as it is, before anything else: the check must
 * not depend on the rest of the configuration.
 */
export function viaCloudFront(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async (request) => {
      const secret = process.env.ORIGIN_SECRET;
      if (!secret) return;
      const sent = Buffer.from(request.event.headers?.[ORIGIN_VERIFY_HEADER] ?? '');
      const expected = Buffer.from(secret);
      if (sent.length !== expected.length || !timingSafeEqual(sent, expected))
        throw new HttpError(403, phrase('error.request.notViaCloudFront'));
    },
  };
}
