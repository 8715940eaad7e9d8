/**
 * The static assets under `npm start`, served the way CloudFront serves them from S3 in AWS: the
 * built files of `.build/static` (scripts/build-assets.ts), hashed names cached for a year as
 * immutable, and the Brotli or gzip copy the build made when the browser accepts it. Routes of
 * the local handler only: in AWS no request for them reaches the Lambda function.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { HttpError, type HttpResult, type Route } from '../functions/http/types.ts';
import { STATIC_PREFIX } from '../functions/web/assets.ts';
import { phrase } from '../functions/web/i18n/phrase.ts';
import { BUILD_DIR } from '../scripts/build-assets.ts';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** Content-hashed files never change under their name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** `/favicon.ico` keeps its name, so browsers check it again after a day. */
export const FAVICON_CACHE = 'public, max-age=86400';

/** The encoding to send: Brotli before gzip, as CloudFront prefers, or none. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name?.trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

async function serve(name: string, acceptEncoding: string | undefined): Promise<HttpResult> {
  const type = TYPES[extname(name)];
  // One flat folder of plain names: no path can leave it.
  if (!type || !/^[\w.-]+$/.test(name) || name.startsWith('.'))
    throw new HttpError(404, phrase('error.local.fileNotFound'));
  const plain = await readOptional(join(BUILD_DIR, name));
  if (!plain) throw new HttpError(404, phrase('error.local.fileNotFound'));
  const encoding = pickEncoding(acceptEncoding);
  const encoded =
    encoding && (await readOptional(join(BUILD_DIR, `${name}.${encoding === 'br' ? 'br' : 'gz'}`)));
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': name === 'favicon.ico' ? FAVICON_CACHE : IMMUTABLE,
    vary: 'Accept-Encoding',
  };
  if (encoded) headers['content-encoding'] = encoding;
  return { statusCode: 200, headers, body: (encoded || plain).toString('base64'), isBase64Encoded: true };
}

/** `GET /static/<hashed name>` and `GET /favicon.ico`, registered on the handler by the local runtime only. */
export const staticRoutes: Route[] = [
  {
    method: 'GET',
    path: `${STATIC_PREFIX}*`,
    handler: (req) => serve(req.path.slice(STATIC_PREFIX.length), req.headers['accept-encoding']),
  },
  {
    method: 'GET',
    path: '/favicon.ico',
    handler: (req) => serve('favicon.ico', req.headers['accept-encoding']),
  },
];
