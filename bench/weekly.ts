/**
 * Weekly exchange at national scale (`npm run bench`, or `npx tsx bench/weekly.ts` alone):
 * 300 synthetic departments × 30 cancer types (each department treats BENCH_TYPES_PER_DEPT of
 * them, default 3, so ~30 departments per cancer type) with 52 weeks of current reports, seeded
 * into a fresh in-memory local runtime. Measures building the national overview the way the
 * page does (8 weeks: one Query on the week summaries) and over the whole year (52 weeks), with
 * the DynamoDB requests (Query pages), items and the read capacity the engine reports
 * (ReturnConsumedCapacity TOTAL) beside an estimate from the items' sizes (eventually consistent:
 * 0.5 RCU per 4 KB per page), and the estimate for reading every report of the weeks instead.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../functions/adapters/config.ts';
import { documentClient } from '../functions/adapters/dynamo.ts';
import {
  rebuildWeekSummaries,
  resetWeeklyReadStats,
  weeklyReadStats,
} from '../functions/adapters/weekly-store.ts';
import { REGION_IDS, TREATMENT_MODALITIES } from '../functions/domain/reference.ts';
import { isoWeekKey } from '../functions/domain/time.ts';
import { type WeeklyReport, weekRange } from '../functions/domain/weekly.ts';
import { type LocatedDepartment, nationalOverview } from '../functions/services/weekly.ts';
import { startLocal } from '../local/runtime.ts';
import { median, ms } from './stats.ts';

const DEPARTMENTS = Number(process.env.BENCH_DEPARTMENTS ?? 300);
const CANCER_TYPES = Number(process.env.BENCH_CANCER_TYPES ?? 30);
const TYPES_PER_DEPT = Number(process.env.BENCH_TYPES_PER_DEPT ?? 3);
const WEEKS = 52;
const RUNS = 5;

/** Approximate DynamoDB item size: attribute names plus values (numbers ~ digits/2 + 1). */
function itemSize(value: unknown, name = ''): number {
  if (value === undefined || value === null) return name.length + 1;
  if (typeof value === 'string') return name.length + Buffer.byteLength(value);
  if (typeof value === 'number') return name.length + Math.ceil(String(value).length / 2) + 1;
  if (typeof value === 'boolean') return name.length + 1;
  if (Array.isArray(value)) return name.length + 3 + value.reduce((n: number, v) => n + itemSize(v) + 1, 0);
  return (
    name.length +
    3 +
    Object.entries(value as Record<string, unknown>).reduce((n, [k, v]) => n + itemSize(v, k) + 1, 0)
  );
}

/**
 * Items and estimated read capacity of Query pages on `pk` over `from`…`to`: whole items count,
 * whatever the projection (as DynamoDB charges).
 */
async function estimateRcu(pk: string, from: string, to: string): Promise<{ items: number; rcu: number }> {
  let rcu = 0;
  let items = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: config().TABLE_NAME,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': `${to}#\uffff` },
        ExclusiveStartKey: start,
      }),
    );
    const bytes = (page.Items ?? []).reduce((n, item) => n + itemSize(item), 0);
    rcu += Math.max(1, Math.ceil(bytes / 4096)) * 0.5;
    items += page.Items?.length ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return { items, rcu };
}

export async function benchWeekly(): Promise<string[]> {
  const runtime = await startLocal({ scheduler: false });
  try {
    const cancerTypes = Array.from({ length: CANCER_TYPES }, (_, i) => ({
      id: `bench-ct-${String(i + 1).padStart(2, '0')}`,
      name: `Kræftform ${i + 1}`,
    }));
    const departments: LocatedDepartment[] = Array.from({ length: DEPARTMENTS }, (_, i) => ({
      id: `bench-dept-${String(i + 1).padStart(3, '0')}`,
      name: `Afdeling ${i + 1}`,
      hospital: `bench-hospital-${Math.floor(i / 6)}`,
      hospitalName: `Hospital ${Math.floor(i / 6) + 1}`,
      region: REGION_IDS[i % REGION_IDS.length] as LocatedDepartment['region'],
      cancerTypes: Array.from(
        { length: TYPES_PER_DEPT },
        (_, k) => cancerTypes[(i + k * 7) % CANCER_TYPES]?.id as string,
      ),
      modalities: [TREATMENT_MODALITIES[i % 3] as (typeof TREATMENT_MODALITIES)[number]],
      udredning: i % 2 === 0,
    }));
    const year = weekRange(isoWeekKey(new Date()), WEEKS);

    // Seed the current-report items directly (the overview reads only those), 50 writes at a time.
    const seedStart = performance.now();
    const items: WeeklyReport[] = [];
    for (const d of departments)
      for (const ct of d.cancerTypes)
        for (const [w, week] of year.entries()) {
          const m = d.modalities[0] as (typeof TREATMENT_MODALITIES)[number];
          items.push({
            departmentId: d.id,
            cancerType: ct,
            week,
            region: d.region,
            udredningDays: d.udredning ? 3 + ((w * 7 + d.id.length) % 15) : undefined,
            treatmentDays: { [m]: 4 + ((w * 5 + Number(d.id.slice(-3))) % 16) },
            diagnosticDays: { ct: 5 },
            spareCapacity: w % 4,
            comment: w % 10 === 0 ? 'Travl uge.' : '',
            submittedAt: new Date().toISOString(),
            submittedBy: 'bench@kraeftkapacitet.example',
          });
        }
    for (let i = 0; i < items.length; i += 50) {
      await Promise.all(
        items.slice(i, i + 50).map((r) =>
          documentClient().send(
            new PutCommand({
              TableName: config().TABLE_NAME,
              Item: { PK: `WEEKLY#${r.cancerType}`, SK: `${r.week}#${r.departmentId}`, ...r },
            }),
          ),
        ),
      );
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    // The reports were written directly: build their week summaries as the backfill does.
    const backfillStart = performance.now();
    await rebuildWeekSummaries(cancerTypes.map((c) => c.id));
    const backfillSeconds = (performance.now() - backfillStart) / 1000;

    const ids = cancerTypes.map((c) => c.id);
    const measure = async (weeks: number) => {
      const times: number[] = [];
      let stats = { ...weeklyReadStats };
      for (let run = 0; run < RUNS + 1; run++) {
        resetWeeklyReadStats();
        const start = performance.now();
        const overview = await nationalOverview(weeks, cancerTypes, departments);
        const took = performance.now() - start;
        if (overview.rows.length !== CANCER_TYPES) throw new Error('overview is missing cancer types');
        if (run > 0) times.push(took); // the first run warms up
        stats = { ...weeklyReadStats };
      }
      const range = weekRange(isoWeekKey(new Date()), weeks);
      const [from, to] = [range[0] as string, range[range.length - 1] as string];
      const estimated = (await estimateRcu('WEEKSUM', from, to)).rcu;
      // What reading the reports themselves would take (what the overview did before summaries).
      const reports = { items: 0, rcu: 0 };
      for (const ct of ids) {
        const one = await estimateRcu(`WEEKLY#${ct}`, from, to);
        reports.items += one.items;
        reports.rcu += one.rcu;
      }
      return { median: median(times), stats, estimated, reports };
    };
    const page = await measure(8);
    const full = await measure(WEEKS);
    const line = (label: string, r: Awaited<ReturnType<typeof measure>>) =>
      `  ${label}: median ${ms(r.median)} (n=${RUNS}); ${r.stats.queries} Query calls, ${r.stats.pages} requests (pages), ${r.stats.items} items; consumed ${r.stats.capacityUnits > 0 ? `${r.stats.capacityUnits} RCU (engine-reported)` : 'RCU not reported by the engine'}; estimated ${r.estimated.toFixed(1)} RCU from item sizes (reading the ${r.reports.items} reports instead: est. ${r.reports.rcu.toFixed(1)} RCU)`;
    return [
      '',
      `Weekly exchange: national overview, ${DEPARTMENTS} departments × ${CANCER_TYPES} cancer types (${TYPES_PER_DEPT} per department), ${WEEKS} weeks of history = ${items.length} report items (seeded in ${seedSeconds.toFixed(1)} s, week summaries backfilled in ${backfillSeconds.toFixed(1)} s)`,
      line('page view (last 8 weeks)', page),
      line('full year (52 weeks)', full),
    ];
  } finally {
    await runtime.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const l of await benchWeekly()) console.log(l);
}
