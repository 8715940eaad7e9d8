/**
 * What a browser gets under `npm start`, as from CloudFront in AWS: pages that link one
 * content-hashed stylesheet, preload their fonts and carry a favicon and a description; static
 * files cached for a year and compressed as the browser accepts; pages compressed too.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client } from './client.ts';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startLocal({ scheduler: false });
}, 60_000);
afterAll(() => runtime?.close());

/** A raw GET (fetch would decode the body and hide the encoding). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(new URL(path, runtime.url), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

async function startPage() {
  const res = await get('/', { 'accept-encoding': 'identity' });
  return res.body.toString('utf8');
}

describe('the page head', () => {
  it('links one content-hashed stylesheet, preloads the first-paint fonts and names a favicon and a description', async () => {
    const page = await startPage();
    expect(page).toMatch(/<link rel="stylesheet" href="\/static\/app\.[0-9a-f]{10}\.css">/);
    expect(
      page.match(
        /<link rel="preload" href="\/static\/IBMPlexSans-[A-Za-z]+\.[0-9a-f]{10}\.woff2" as="font" type="font\/woff2" crossorigin>/g,
      ),
    ).toHaveLength(3);
    expect(page).toMatch(/<link rel="icon" href="\/static\/favicon\.[0-9a-f]{10}\.svg"/);
    expect(page).toMatch(/<meta name="description" content="[^"]{40,}">/);
    expect(page).not.toContain('dkfds.min.css');
  });
});

describe('static files', () => {
  it('are served immutable for a year, Brotli or gzip as accepted, and decode to the same bytes', async () => {
    const href = /href="(\/static\/app\.[0-9a-f]+\.css)"/.exec(await startPage())?.[1] as string;
    const plain = await get(href);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();

    const br = await get(href, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);

    const gz = await get(href, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });

  it('hold only the design-system rules the pages use: a fraction of the 211 KiB stylesheet', async () => {
    const href = /href="(\/static\/app\.[0-9a-f]+\.css)"/.exec(await startPage())?.[1] as string;
    const css = (await get(href)).body.toString('utf8');
    expect(css.length).toBeLessThan(60 * 1024);
    // Rules the views use stay (form fields, alerts built as alert-${kind}, tables), others go.
    expect(css).toContain('.form-input');
    expect(css).toContain('.alert-success');
    expect(css).toContain('.table');
    expect(css).not.toContain('.accordion-button');
    expect(css).toContain('font-display:optional');
  });

  it("include the fields' counter script under a content hash, minified, deferred, on the pages with a limited field", async () => {
    expect(await startPage()).not.toContain('<script');
    const reporter = new Client(runtime.url);
    await reporter.signInAs('mette.holm@regionsjaelland.example');
    const form = (await reporter.get('/indberet')).text;
    expect(form).toContain('data-limit=');
    const src = /<script src="(\/static\/felter\.[0-9a-f]{10}\.js)" defer><\/script>/.exec(
      form,
    )?.[1] as string;
    expect(src).toBeDefined();
    const script = await get(src, { 'accept-encoding': 'gzip' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['content-encoding']).toBe('gzip');
    const code = gunzipSync(script.body).toString('utf8');
    expect(code).toContain('data-limit');
    expect(code).not.toContain('progressive enhancement'); // comments go
    // No longer a Lambda route: in AWS every page view would have invoked the function for it.
    expect((await get('/skript/felter.js')).status).toBe(404);
  });

  it('include /favicon.ico under its own name (browsers ask for it), cached for a day', async () => {
    const icon = await get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/x-icon');
    expect(icon.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('answer 404 for unknown names and anything outside the build folder', async () => {
    for (const path of [
      '/static/app.0000000000.css',
      '/static/..%2Fasset-manifest.json',
      '/static/../package.json',
    ])
      expect((await get(path)).status, path).toBe(404);
  });
});

describe('pages', () => {
  it('are compressed as the browser accepts, like CloudFront does, and never cached', async () => {
    const res = await get('/', { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(brotliDecompressSync(res.body).toString('utf8')).toContain('<!doctype html>');
  });
});
