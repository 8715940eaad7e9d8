/**
 * Static assets of Det Fælles Designsystem (CSS, fonts, icons), served by the same handler.
 * Locally from node_modules; in Lambda from the `static/` folder copied next to the bundle.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError, type HttpResult, type Route } from '../types.ts';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

function staticRoot(): string {
  return (
    process.env.STATIC_DIR ?? fileURLToPath(new URL('../../../node_modules/dkfds/dist/', import.meta.url))
  );
}

/** `/static/css/dkfds.min.css` → the file, or undefined (404) for anything outside the folder. */
export async function serveStatic(path: string): Promise<HttpResult | undefined> {
  const relative = normalize(path.slice('/static/'.length));
  if (relative.startsWith('..') || relative.includes('\0')) return undefined;
  const type = TYPES[extname(relative)];
  if (!type) return undefined;
  try {
    const content = await readFile(join(staticRoot(), relative));
    const binary = !type.startsWith('text/') && type !== 'image/svg+xml';
    return {
      statusCode: 200,
      headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' },
      body: binary ? content.toString('base64') : content.toString('utf8'),
      isBase64Encoded: binary,
    };
  } catch {
    return undefined;
  }
}

export const staticRoutes: Route[] = [
  {
    method: 'GET',
    path: '/static/*',
    handler: async (req) => {
      const file = await serveStatic(req.path);
      if (!file) throw new HttpError(404, 'Filen findes ikke.');
      return file;
    },
  },
];
