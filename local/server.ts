/**
 * The local HTTP front door: turns each Node request into the API Gateway (payload v2) event
 * Lambda receives and calls the same handler. Oversized bodies are refused while streaming.
 * Like CloudFront in AWS, it compresses text answers of 1 000 bytes or more (Brotli or gzip, as
 * the browser accepts).
 */
import { randomUUID } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readiness } from '../functions/adapters/readiness.ts';
import { handler } from '../functions/http/api.ts';
import { MAX_BODY_BYTES } from '../functions/http/middleware.ts';
import type { HttpEvent, HttpResult } from '../functions/http/types.ts';
import type { Foreground } from './foreground.ts';
import { fakeLambdaContext } from './lambda-context.ts';
import { pickEncoding } from './static-files.ts';

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function toEvent(req: IncomingMessage, body: Buffer): HttpEvent {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
  const cookies = req.headers.cookie ? req.headers.cookie.split(';').map((c) => c.trim()) : undefined;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies,
    headers,
    queryStringParameters: Object.fromEntries(url.searchParams),
    body: body.length > 0 ? body.toString('base64') : undefined,
    isBase64Encoded: body.length > 0,
    requestContext: {
      http: { method: req.method ?? 'GET', path: url.pathname, sourceIp: req.socket.remoteAddress },
      requestId: randomUUID(),
    },
  };
}

/** CloudFront compresses objects from 1 000 bytes to 10 MB of these types. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;
const MIN_COMPRESS_BYTES = 1000;

function compress(body: Buffer, acceptEncoding: string | undefined) {
  const encoding = pickEncoding(acceptEncoding);
  if (encoding === 'br')
    return { encoding, body: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) };
  if (encoding === 'gzip') return { encoding, body: gzipSync(body) };
  return undefined;
}

function write(req: IncomingMessage, res: ServerResponse, result: HttpResult): void {
  const headers: Record<string, string | string[]> = { ...result.headers };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  let body =
    result.isBase64Encoded && result.body
      ? Buffer.from(result.body, 'base64')
      : Buffer.from(result.body ?? '');
  const type = String(headers['content-type'] ?? '');
  if (!headers['content-encoding'] && body.length >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(type)) {
    const compressed = compress(body, req.headers['accept-encoding']);
    if (compressed) {
      body = compressed.body;
      headers['content-encoding'] = compressed.encoding;
      headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
    }
  }
  res.writeHead(result.statusCode, headers);
  res.end(body);
}

/**
 * Requests under `/<bucket>/` go to the embedded S3 engine unchanged (streamed, Host kept so the
 * presigned signature still matches): the browser uploads to the app's own origin locally, so the
 * page's Content-Security-Policy (`connect-src 'self'`) needs no local exception.
 */
export interface S3Passthrough {
  bucket: string;
  /** The embedded engine's URL, once it runs. */
  target?: string;
}

function passToS3(req: IncomingMessage, res: ServerResponse, target: string): void {
  const url = new URL(target);
  const upstream = httpRequest(
    { host: url.hostname, port: url.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Den lokale S3-motor svarer ikke.');
  });
  req.pipe(upstream);
}

/**
 * The local pages (`/local/*`) are routes of the same handler (`registerRoutes`), so they get its
 * headers. Requests are counted in `foreground`, for the ladder to give way to them.
 */
export function createLocalServer(s3?: S3Passthrough, foreground?: Foreground): Server {
  return createServer(async (req, res) => {
    if (s3?.target && req.url?.startsWith(`/${s3.bucket}/`)) return passToS3(req, res, s3.target);
    try {
      const body = await readBody(req);
      if (body === 'too-large') {
        write(req, res, {
          statusCode: 413,
          headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' },
          body: 'Indholdet er for stort.',
        });
        return;
      }
      // Until the table is ACTIVE and the demo data seeded, only /health answers (503, with why).
      const { ready, reason } = readiness();
      if (!ready && new URL(req.url ?? '/', 'http://localhost').pathname !== '/health') {
        write(req, res, {
          statusCode: 503,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' },
          body: `Systemet starter – prøv igen om et øjeblik. ${reason ?? ''}`.trim(),
        });
        return;
      }
      const answer = () => handler(toEvent(req, body), fakeLambdaContext('api'));
      write(req, res, await (foreground ? foreground.track(answer) : answer()));
    } catch (error) {
      console.error('Local server error', error);
      if (!res.headersSent)
        write(req, res, {
          statusCode: 500,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: 'Der skete en uventet fejl.',
        });
    }
  });
}
