/**
 * Demo figures for the monitoring page: a generated extract for last year and for the quarters
 * of this year that have ended, tallied as the ingest does and stored as if Specialenheden had
 * uploaded them. Only on the first start (a marker per year); a real upload replaces them.
 */
import { Readable } from 'node:stream';
import { currentTime } from '../functions/adapters/deps.ts';
import { replaceRegionQuarter } from '../functions/adapters/monitoring-store.ts';
import { getRecord, putRecord } from '../functions/adapters/store.ts';
import { generateExtractChunks } from '../functions/domain/monitoring-generator.ts';
import { quarterOf, quarterRange } from '../functions/domain/quarterly.ts';
import { parseExtract } from '../functions/services/monitoring-parse.ts';

const DEMO_UPLOADER = { email: 'demo@kraeftkapacitet.example', name: 'Demodata', role: 'system' };

export async function seedMonitoringDemo(): Promise<{ regionQuarters: number }> {
  const now = currentTime();
  const current = quarterOf(now);
  const thisYear = Number(current.slice(0, 4));
  let regionQuarters = 0;
  for (const year of [thisYear - 1, thisYear]) {
    if (await getRecord('MONITORSEED', String(year))) continue;
    // Generated rows may lie after today in the running year: dates are checked against the far future here
    // and only ended quarters are kept.
    const parsed = await parseExtract(Readable.from(generateExtractChunks({ year })), {
      today: '9999-12-31',
    });
    if (parsed.errors.length > 0)
      throw new Error(`Demo extract invalid: ${JSON.stringify(parsed.errors[0])}`);
    const acceptedAt = now.toISOString();
    for (const group of parsed.tallies.groups.values()) {
      if (quarterRange(group.quarter).to.getTime() > now.getTime()) continue;
      await replaceRegionQuarter({
        ...group,
        uploadId: `demo-${year}`,
        fileName: `demo-forloeb-${year}.csv`,
        acceptedAt,
        acceptedBy: DEMO_UPLOADER,
      });
      regionQuarters++;
    }
    await putRecord('MONITORSEED', String(year), { regionQuarters });
  }
  return { regionQuarters };
}
