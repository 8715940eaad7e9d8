/**
 * `npm run bench`: figures measured in one run on this machine.
 *  1. report submission through the local HTTP API (median, p99) beside one raw PutItem on the
 *     same embedded DynamoDB; requests/s at concurrency 10; submission → first escalation e-mail
 *  2. each Lambda bundle's size and cold import beside its floor (the AWS SDK clients it calls, alone)
 *  3. the monitoring ingest: a year's extract and 4× it, time, rows/s, memory growth, DynamoDB writes
 */
import { bundleReport, measureBundles } from './bundles.ts';
import { benchSubmission } from './submission.ts';

// Report submission (bench/submission.ts), in its own local runtime.
const submission = await benchSubmission();

const bundles = await measureBundles();

console.log('\nKræftkapacitet benchmark (local runtime, one run)');
console.log('------------------------------------------------');
for (const line of submission) console.log(line);
for (const line of bundleReport(bundles)) console.log(line);

// Weekly exchange at national scale (bench/weekly.ts), in its own fresh runtime.
for (const line of await (await import('./weekly.ts')).benchWeekly()) console.log(line);

// Monitoring ingest (bench/monitoring.ts): the 2024 extract and 4× it, each in a child process.
for (const line of await (await import('./monitoring.ts')).benchMonitoring()) console.log(line);
