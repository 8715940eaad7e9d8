/**
 * Referral elsewhere, counted: per region, ISO week, cancer type and destination kind, how many
 * patients were offered referral elsewhere and how many accepted. Aggregate counts only — the
 * schema refuses any other field, so no patient data or free text can be recorded. Pure: the
 * store, the clock and the pages live elsewhere (docs/decisions/0013-external-providers.md).
 */
import * as z from 'zod';
import { defineList, type Lang } from './lists.ts';
import { quarterOf } from './quarterly.ts';
import { REGION_IDS, type RegionId, referenceData, referenceId, regionIdSchema } from './reference.ts';
import { weekStart } from './time.ts';
import { addWeeks, isWeekKey } from './weekly.ts';

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

/** Unknown fields are refused without repeating their names (a name could hold anything). */
const ONLY_COUNTS = {
  error: (issue: { code?: string }) =>
    issue.code === 'unrecognized_keys' ? 'Kun antal kan indberettes: ukendte felter afvises.' : undefined,
};

const patients = z
  .number({ error: 'Angiv antal patienter som et tal.' })
  .int('Angiv antal patienter som et helt tal.')
  .min(0, 'Antal patienter kan ikke være negativt.')
  .max(REFERRAL_COUNT_MAX, 'Antallet virker for højt – angiv højst 10.000.');

/** One cancer type and destination in a region's week. Unknown fields are refused (`strict`). */
export const referralLineSchema = z
  .strictObject(
    {
      cancerType: z
        .string({ error: 'Angiv kræftform.' })
        .refine((id) => referenceData().cancerTypes.some((c) => c.id === id), 'Vælg en kræftform fra listen.')
        .meta(referenceId('cancerTypes', 'brystkraeft')),
      destination: DESTINATION_LIST.schema('Vælg egen region, anden region, privat eller udlandet.'),
      offered: patients,
      accepted: patients,
    },
    ONLY_COUNTS,
  )
  // Compared only when both counts are valid (a negative count has its own message).
  .refine(
    (l) =>
      !(patients.safeParse(l.offered).success && patients.safeParse(l.accepted).success) ||
      l.accepted <= l.offered,
    {
      path: ['accepted'],
      message: 'Der kan ikke være flere, der har takket ja, end der har fået tilbuddet.',
    },
  );
export type ReferralLine = z.infer<typeof referralLineSchema>;

/** A region's counts for one week; it replaces what the region recorded for that week before. */
export const referralWeekSchema = z
  .strictObject(
    {
      region: regionIdSchema.meta({
        description: 'Regionens id: hovedstaden, sjaelland, syddanmark, midtjylland, nordjylland.',
      }),
      week: z
        .string({ error: 'Angiv ugen som åååå-Wuu, fx 2026-W49.' })
        .refine(isWeekKey, 'Angiv ugen som åååå-Wuu, fx 2026-W49.')
        .meta({ examples: ['2026-W49'] }),
      counts: z
        .array(referralLineSchema, { error: 'Angiv tallene som en liste.' })
        .max(DESTINATIONS.length * 100, 'For mange linjer.'),
    },
    ONLY_COUNTS,
  )
  .superRefine((w, ctx) => {
    const seen = new Set<string>();
    w.counts.forEach((l, i) => {
      const key = `${l.cancerType}#${l.destination}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['counts', i],
          message: 'Samme kræftform og henvisningssted optræder flere gange.',
        });
      seen.add(key);
    });
  });
export type ReferralWeekInput = z.infer<typeof referralWeekSchema>;

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
