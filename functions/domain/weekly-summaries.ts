/**
 * The stored form of a week summary item (one per ISO week and cancer type, read by the national
 * overview): every department's summary in ONE string, `summaries` = entries `<departmentId>:
 * <pressure>:<worst days>` joined by `;` and sorted by department (the pressure as its rank, 0 ok …
 * 3 severe; worst days empty when no wait was reported), and the submission times apart, `times`
 * = one per entry in the same order (milliseconds, base 36), which only a writer reads: the
 * overview reads the summaries alone. Department ids are lower-case letters, digits and dashes,
 * so neither separator occurs in them.
 *
 * Why one string: the year view reads 52 weeks × every cancer type; with an attribute per
 * department, the engine and the SDK parsed ~47,000 attributes (docs/decisions/0015).
 */
import type { Pressure, TimedWeekSummary, WeekSummary } from './weekly.ts';

/** A week summary item's two strings. */
export interface StoredWeekSummaries {
  summaries: string;
  times: string;
}

const PRESSURES = ['ok', 'tight', 'over', 'severe'] as const satisfies readonly Pressure[];

const ENTRY = ';';
const FIELD = ':';

function timeOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : 0;
}

/** Department → its entry and submission time, from a stored item. */
function entriesOf(stored: StoredWeekSummaries | undefined): Map<string, { entry: string; time: number }> {
  const entries = new Map<string, { entry: string; time: number }>();
  if (!stored?.summaries) return entries;
  const times = stored.times.split(ENTRY);
  for (const [i, entry] of stored.summaries.split(ENTRY).entries())
    entries.set(entry.slice(0, entry.indexOf(FIELD)), {
      entry,
      time: Number.parseInt(times[i] ?? '', 36) || 0,
    });
  return entries;
}

/**
 * The stored item with the given departments' summaries put in, each only where no summary of
 * a later (or the same) submission of that department is stored. Undefined when nothing changes,
 * so the caller writes nothing.
 */
export function mergeWeekSummaries(
  stored: StoredWeekSummaries | undefined,
  summaries: { departmentId: string; summary: TimedWeekSummary }[],
): StoredWeekSummaries | undefined {
  const entries = entriesOf(stored);
  let changed = false;
  for (const { departmentId, summary } of summaries) {
    const time = timeOf(summary.submittedAt);
    const known = entries.get(departmentId);
    if (known !== undefined && known.time >= time) continue;
    const entry = [departmentId, PRESSURES.indexOf(summary.pressure), summary.worstDays ?? ''].join(FIELD);
    entries.set(departmentId, { entry, time });
    changed = true;
  }
  if (!changed) return undefined;
  const sorted = [...entries.keys()].sort().map((d) => entries.get(d) as { entry: string; time: number });
  return {
    summaries: sorted.map((e) => e.entry).join(ENTRY),
    times: sorted.map((e) => e.time.toString(36)).join(ENTRY),
  };
}

/**
 * The summaries of a stored item by department. Reads the string in place: the year view
 * decodes ~47,000 entries.
 */
export function decodeWeekSummaries(summaries: string): Map<string, WeekSummary> {
  const out = new Map<string, WeekSummary>();
  let start = 0;
  while (start < summaries.length) {
    let end = summaries.indexOf(ENTRY, start);
    if (end < 0) end = summaries.length;
    const rank = summaries.indexOf(FIELD, start) + 1;
    const pressure = PRESSURES[summaries.charCodeAt(rank) - 48];
    if (pressure !== undefined) {
      const days = rank + 2 < end ? Number(summaries.slice(rank + 2, end)) : undefined;
      out.set(
        summaries.slice(start, rank - 1),
        days === undefined ? { pressure } : { pressure, worstDays: days },
      );
    }
    start = end + 1;
  }
  return out;
}
