/**
 * `npm run bench`: figures measured in one run on this machine.
 *  1. report submission through the local HTTP API (median, p99) beside one raw PutItem on the
 *     same embedded DynamoDB; requests/s at concurrency 10; submission → first escalation e-mail
 *  2. each Lambda bundle's size and cold import beside its floor (the AWS SDK clients it calls, alone)
 *  3. the monitoring ingest: a year's extract and 4× it, time, rows/s, memory growth, DynamoDB writes
 */
import { measureBundles } from './bundles.ts';
import { ms } from './stats.ts';
import { benchSubmission } from './submission.ts';

// Report submission (bench/submission.ts), in its own local runtime.
const submission = await benchSubmission();

const bundles = await measureBundles();

console.log('\nKræftkapacitet benchmark (local runtime, one run)');
console.log('------------------------------------------------');
for (const line of submission) console.log(line);
console.log(
  '\nLambda bundles as the stack builds them (esbuild, minified ESM) and cold import (CPU time) in a fresh Node process',
);
console.log(
  `(median of 7; floor = a bundle of exactly the AWS SDK clients the function calls; empty module ${ms(bundles.emptyMs)})`,
);
console.log(
  `  ${'function'.padEnd(18)} ${'size'.padStart(8)} ${'floor'.padStart(8)}   ${'import'.padStart(9)} ${'floor'.padStart(9)}  ratio  floor clients`,
);
for (const row of bundles.rows) {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`.padStart(8);
  const extra = row.unused.length ? `  CARRIES UNUSED ${row.unused.join(', ')}` : '';
  console.log(
    `  ${row.name.padEnd(18)} ${kib(row.bytes)} ${kib(row.floor.bytes)}   ${ms(row.importMs).padStart(9)} ${ms(row.floor.importMs).padStart(9)}  ${(row.importMs / row.floor.importMs).toFixed(2)}x  ${row.floor.clients.join(' + ')}${extra}`,
  );
}

// Weekly exchange at national scale (bench/weekly.ts), in its own fresh runtime.
for (const line of await (await import('./weekly.ts')).benchWeekly()) console.log(line);

// Monitoring ingest (bench/monitoring.ts): the 2024 extract and 4× it, each in a child process.
for (const line of await (await import('./monitoring.ts')).benchMonitoring()) console.log(line);
