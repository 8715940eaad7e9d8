/**
 * Referral elsewhere, counted: per region, ISO week, cancer type and destination kind, how many
 * patients were offered referral elsewhere and how many accepted. Aggregate counts only — the
 * schema refuses any other field, so no patient data or free text can be recorded. Pure: the
 * store, the clock and the pages live elsewhere (docs/decisions/0013-external-providers.md).
 */
import { defineList, type Lang } from './lists.ts';
import { quarterOf } from './quarterly.ts';
import { REGION_IDS, type RegionId } from './reference.ts';
import type { ReferralLine, ReferralWeekInput } from './schemas/referrals.ts';
import { weekStart } from './time.ts';
import { addWeeks } from './weekly.ts';

// The schemas are in schemas/referrals.ts; the types they define are the counts' own.
export type { ReferralLine, ReferralWeekInput };

/** Where the patients were offered referral: the handlepligt's four destinations. */
export const DESTINATION_LIST = defineList([
  { id: 'egen-region', label: { da: 'Egen region', en: 'Own region' } },
  { id: 'anden-region', label: { da: 'Anden region', en: 'Another region' } },
  { id: 'privat', label: { da: 'Privat', en: 'Private' } },
  { id: 'udland', label: { da: 'Udlandet', en: 'Abroad' } },
]);
export type Destination = (typeof DESTINATION_LIST.ids)[number];
export const DESTINATIONS = DESTINATION_LIST.ids;

/** More than this many patients in one week, cancer type and destination is a typing error. */
export const REFERRAL_COUNT_MAX = 10_000;
/** Counts may be recorded or corrected for the current week and this many weeks back. */
export const REFERRAL_WEEKS_BACK = 52;

export interface ReferralWeek extends ReferralWeekInput {
  region: RegionId;
  submittedAt: string;
  submittedBy: string;
}

/** The lines worth keeping: a line with nothing offered says nothing. */
export function nonEmptyLines(lines: ReferralLine[]): ReferralLine[] {
  return lines.filter((l) => l.offered > 0);
}

/** A week may be recorded from `REFERRAL_WEEKS_BACK` weeks before the current week up to it. */
export function weekOpenForCounts(week: string, currentWeek: string): boolean {
  return week <= currentWeek && week >= addWeeks(currentWeek, -REFERRAL_WEEKS_BACK);
}

/** The quarter a week counts in: the one its Monday falls in (as the weekly exchange's figures). */
export function quarterOfWeek(week: string): string {
  return quarterOf(weekStart(week));
}

export interface Tally {
  offered: number;
  accepted: number;
}
export type ByDestination = Record<Destination, Tally>;

export function emptyByDestination(): ByDestination {
  return Object.fromEntries(DESTINATIONS.map((d) => [d, { offered: 0, accepted: 0 }])) as ByDestination;
}

export function totalOf(by: ByDestination): Tally {
  return Object.values(by).reduce(
    (sum, t) => ({ offered: sum.offered + t.offered, accepted: sum.accepted + t.accepted }),
    { offered: 0, accepted: 0 },
  );
}

/**
 * Sums the recorded weeks by a grouping key (week, region, quarter, cancer type …) and destination,
 * optionally for one cancer type. Groups with nothing offered are left out.
 */
export function tallyBy(
  weeks: ReferralWeek[],
  key: (week: ReferralWeek, line: ReferralLine) => string,
  cancerType?: string,
): Map<string, ByDestination> {
  const out = new Map<string, ByDestination>();
  for (const w of weeks)
    for (const line of w.counts) {
      if (cancerType && line.cancerType !== cancerType) continue;
      if (line.offered === 0) continue;
      const k = key(w, line);
      const by = out.get(k) ?? emptyByDestination();
      by[line.destination].offered += line.offered;
      by[line.destination].accepted += line.accepted;
      out.set(k, by);
    }
  return out;
}

/** The quarterly status's figures: the quarter's totals per region and destination, and nationally. */
export interface ReferralFigures {
  /** Regions in reference order; a region without counts has zeros and `reported: 0`. */
  regions: { region: RegionId; weeksReported: number; byDestination: ByDestination }[];
  national: ByDestination;
}

export function referralFigures(weeks: ReferralWeek[]): ReferralFigures | undefined {
  if (weeks.length === 0) return undefined;
  const byRegion = tallyBy(weeks, (w) => w.region);
  return {
    regions: REGION_IDS.map((region) => ({
      region,
      weeksReported: new Set(weeks.filter((w) => w.region === region).map((w) => w.week)).size,
      byDestination: byRegion.get(region) ?? emptyByDestination(),
    })),
    national: tallyBy(weeks, () => 'all').get('all') ?? emptyByDestination(),
  };
}

/** "3 af 5" / "3 of 5": accepted of offered. */
export function tallyText(t: Tally, lang: Lang = 'da'): string {
  return `${t.accepted} ${lang === 'en' ? 'of' : 'af'} ${t.offered}`;
}
