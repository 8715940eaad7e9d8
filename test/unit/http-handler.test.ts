import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/http/api.ts';
import type { HttpEvent } from '../../functions/http/types.ts';
import { t } from '../../functions/web/i18n/index.ts';
import { fakeLambdaContext } from '../../local/lambda-context.ts';

/** A payload-v2 event as API Gateway sends it. */
function event(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const [rawPath = '/', rawQueryString = ''] = path.split('?');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: init.headers ?? {},
    body: init.body,
    isBase64Encoded: false,
    requestContext: { http: { method, path: rawPath }, requestId: 'test' },
  } satisfies HttpEvent;
}

async function call(method: string, path: string, init?: Parameters<typeof event>[2]) {
  const result = await handler(event(method, path, init), fakeLambdaContext('api'));
  return { ...result, header: (name: string) => new Headers(result.headers).get(name) };
}

describe('the HTTP handler answers every page with the security policy', () => {
  it.each([
    ['a page', 'GET', '/'],
    ['a missing page', 'GET', '/findes-ikke'],
    ['a wrong method', 'DELETE', '/'],
    ['a JSON error', 'GET', '/api/findes-ikke'],
    ['a HEAD request', 'HEAD', '/'],
  ])('%s carries CSP, frame-ancestors, HSTS and no-sniff', async (_what, method, path) => {
    const res = await call(method, path);

    const csp = res.header('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.header('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.header('x-frame-options')).toBe('DENY');
    expect(res.header('x-content-type-options')).toBe('nosniff');
    expect(res.header('referrer-policy')).toBe('same-origin');
  });
});

describe('unknown pages, methods and addresses get a Danish answer, never a 5xx', () => {
  it('answers an unknown page with a Danish 404 page', async () => {
    const res = await call('GET', '/findes-ikke');

    expect(res.statusCode).toBe(404);
    expect(res.header('content-type')).toContain('text/html');
    expect(res.body).toContain('Siden findes ikke');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await call('GET', '/api/findes-ikke');

    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body ?? '')).toEqual({ error: 'Siden findes ikke.' });
  });

  it('answers a known page with the wrong method with a Danish 405', async () => {
    const res = await call('PUT', '/indberet');

    expect(res.statusCode).toBe(405);
    expect(res.body).toContain('Metoden er ikke tilladt');
  });

  it('answers HEAD like GET', async () => {
    expect((await call('HEAD', '/')).statusCode).toBe(200);
  });

  it('sends a visitor who is not signed in to the sign-in page and back', async () => {
    const res = await call('GET', '/indberet');

    expect(res.statusCode).toBe(303);
    expect(res.header('location')).toBe('/log-ind?next=%2Findberet');
  });

  it('answers a malformed %-encoding in a path parameter with 404', async () => {
    expect((await call('GET', '/svar/%E0%A4%A')).statusCode).toBe(404);
  });

  it('answers a 2,000-character path parameter with 404', async () => {
    const res = await call('GET', `/kontakter/${'a'.repeat(2000)}/rediger`);

    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Siden findes ikke');
  });

  it('refuses a CPR number in the address with a Danish 400', async () => {
    const res = await call('GET', '/problemer/150387-1234');

    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('CPR-nummer');
  });

  it('refuses a body over 256 KB with 413', async () => {
    const res = await call('POST', '/api/problems', { body: 'x'.repeat(300_000) });

    expect(res.statusCode).toBe(413);
    expect(JSON.parse(res.body ?? '').error).toContain('for stort');
  });

  it('leaves static files to CloudFront (S3) and the local server: a clear 404 from the function', async () => {
    expect((await call('GET', '/static/css/dkfds.min.css')).statusCode).toBe(404);
    expect((await call('GET', '/static/../../package.json')).statusCode).toBe(404);
  });
});

describe('in AWS, only requests that came through CloudFront are answered', () => {
  const SECRET = 'a-generated-secret-of-forty-characters-x';
  const previous = process.env.ORIGIN_SECRET;
  beforeEach(() => {
    process.env.ORIGIN_SECRET = SECRET;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.ORIGIN_SECRET;
    else process.env.ORIGIN_SECRET = previous;
  });

  it('refuses the execute-api URL called directly (no header, or a wrong one) with a Danish 403', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { 'x-origin-verify': 'guess' },
      { 'X-Origin-Verify': `${SECRET}x` },
    ];
    for (const headers of attempts) {
      const page = await call('GET', '/findes-ikke', { headers });
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain(t('da', 'error.request.notViaCloudFront'));
      const api = await call('GET', '/api/findes-ikke', { headers });
      expect(api.statusCode).toBe(403);
      expect(JSON.parse(api.body ?? '{}').error).toBe(t('da', 'error.request.notViaCloudFront'));
    }
  });

  it('answers a request carrying the header CloudFront adds as usual', async () => {
    const res = await call('GET', '/findes-ikke', { headers: { 'X-Origin-Verify': SECRET } });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Siden findes ikke');
  });
});

describe('logging', () => {
  it('logs an unexpected failure as one entry carrying the Lambda and API request ids', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    try {
      // An event without the HTTP method: the router cannot run, the handler answers 500.
      const broken = {
        ...event('GET', '/'),
        requestContext: { requestId: 'api-req-7' },
      } as unknown as HttpEvent;
      const context = fakeLambdaContext('api');
      const result = await handler(broken, context);
      expect(result.statusCode).toBe(500);
      const entry = lines.find((l) => l.includes('Unhandled error')) ?? '';
      expect(entry).toContain('api-req-7');
      expect(entry).toContain(context.awsRequestId);
    } finally {
      spy.mockRestore();
    }
  });
});
