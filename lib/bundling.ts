/**
 * How every Lambda is bundled (esbuild), shared by the stack (lib/app-function.ts) and the
 * benchmark (bench/bundles.ts) so the figures measure what is deployed.
 */

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
