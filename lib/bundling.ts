/**
 * How every Lambda is bundled (esbuild), shared by the stack (lib/app-function.ts) and the
 * benchmark (bench/bundles.ts) so the figures measure what is deployed.
 */
import type { BuildOptions } from 'esbuild';

/**
 * ESM bundles may still contain CommonJS dependencies that call `require`;
 * ESM has no `require`, so the banner recreates it.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __kkCreateRequire } from 'node:module'; const require = __kkCreateRequire(import.meta.url);";

export const LAMBDA_BUNDLING = {
  format: 'esm',
  target: 'node22',
  platform: 'node',
  // The ESM builds of the AWS SDK tree-shake; their CommonJS `main` builds do not.
  mainFields: ['module', 'main'],
  minify: true,
  banner: ESM_REQUIRE_BANNER,
} as const;

/** The file Lambda loads: its handler is `index.handler`. */
export const LAMBDA_ENTRY_FILE = 'index.mjs';

/**
 * The esbuild options of one Lambda: `entry` bundled into `outdir` as `index.mjs`, with code
 * splitting. What the entry imports statically is in `index.mjs` and the chunks it imports (a
 * cold start loads those); what it imports with `import()` — the API's route groups and page
 * texts, the AWS SDK's credential providers — is in chunks loaded on first use
 * (docs/decisions/0023-split-bundles.md). `.mjs` throughout: Lambda reads ESM by extension.
 */
export function lambdaBuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    ...LAMBDA_BUNDLING,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    banner: { js: LAMBDA_BUNDLING.banner },
    entryPoints: { index: entry },
    bundle: true,
    splitting: true,
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  };
}
