/**
 * Builds the week summaries the national overview reads from the weekly reports already stored
 * in a deployed stage's table (reports stored since summaries exist carry theirs). Run it once
 * after deploying a version that changes the summaries' format (the summaries of the earlier
 * format are not read; the local runtime does this by itself). Safe to repeat.
 *
 *   TABLE_NAME=<TableName output> AWS_REGION=eu-north-1 npx tsx scripts/backfill-week-summaries.ts
 *
 * Credentials come from the usual AWS chain (AWS_PROFILE …).
 */
import { rebuildWeekSummaries } from '../functions/adapters/weekly-store.ts';
import { referenceData } from '../functions/domain/reference.ts';

if (!process.env.TABLE_NAME)
  throw new Error('Set TABLE_NAME to the stage table (the TableName output of cdk deploy)');
const summarised = await rebuildWeekSummaries(referenceData().cancerTypes.map((c) => c.id));
process.stdout.write(`Week summaries rebuilt from ${summarised} reports in ${process.env.TABLE_NAME}\n`);
