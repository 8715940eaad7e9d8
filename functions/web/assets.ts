/**
 * URLs of the built static assets (content-hashed names, scripts/build-assets.ts). The manifest is
 * read once, on the first page: from `ASSET_MANIFEST` in Lambda (copied next to the bundle), from
 * `.build/asset-manifest.json` in the repository otherwise. The files themselves are served by
 * CloudFront from S3 in AWS and by the local server (local/static-files.ts) under `npm start`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where every static asset is served from. */
export const STATIC_PREFIX = '/static/';

interface Manifest {
  files: Record<string, string>;
  preload: string[];
}

let manifest: Manifest | undefined;

function load(): Manifest {
  if (manifest) return manifest;
  const path =
    process.env.ASSET_MANIFEST ?? fileURLToPath(new URL('../../.build/asset-manifest.json', import.meta.url));
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(
      `The static asset manifest ${path} is missing: run \`npm run build:assets\` (npm start, the tests and cdk synth build it themselves).`,
      { cause: error },
    );
  }
  return manifest;
}

/** The URL of a built asset by its source name: `assetUrl('app.css')` → `/static/app.3f9a1c2b.css`. */
export function assetUrl(sourceName: string): string {
  const name = load().files[sourceName];
  if (!name) throw new Error(`No built asset named ${sourceName} in the asset manifest.`);
  return `${STATIC_PREFIX}${name}`;
}

/** The font files the layout preloads (the faces used on first paint). */
export function preloadedFonts(): string[] {
  return load().preload.map((name) => `${STATIC_PREFIX}${name}`);
}
