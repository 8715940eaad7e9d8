/**
 * Each Lambda bundled as the CDK stack bundles it (esbuild, minified, ESM, Node 22), its size,
 * and its cold import time in a fresh Node process beside an empty module's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { median } from './stats.ts';

/**
 * Every Lambda of the stack: the HTTP API, the ladder step and each handler in functions/jobs/
 * (the files there that export one; the job registry and the fan-out helper are not functions).
 */
export const LAMBDA_ENTRIES: Record<string, string> = {
  api: 'functions/http/api.ts',
  'ladder-step': 'functions/workflow/ladder-step.ts',
  ...Object.fromEntries(
    readdirSync('functions/jobs')
      .filter(
        (f) =>
          f.endsWith('.ts') && /export const handler\b/.test(readFileSync(`functions/jobs/${f}`, 'utf8')),
      )
      .sort()
      .map((f) => [basename(f, '.ts'), `functions/jobs/${f}`]),
  ),
};

function importTimeMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, AWS_REGION: 'eu-north-1' },
    }),
  );
}

export async function measureBundles(runs = 7) {
  const dir = resolve('.bench/bundles');
  mkdirSync(dir, { recursive: true });
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  const emptyMs = median(Array.from({ length: runs }, () => importTimeMs(empty)));
  const rows: { name: string; bytes: number; importMs: number }[] = [];
  for (const [name, entry] of Object.entries(LAMBDA_ENTRIES)) {
    const outfile = join(dir, `${name}.mjs`);
    await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      outfile,
      logLevel: 'silent',
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    const importMs = median(Array.from({ length: runs }, () => importTimeMs(outfile)));
    rows.push({ name, bytes: statSync(outfile).size, importMs });
  }
  return { emptyMs, rows };
}
