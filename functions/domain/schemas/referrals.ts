/**
 * The referral counts' schemas with Danish messages: aggregate counts only, any other field
 * refused. Apart from domain/referrals.ts so the quarterly status job does not build them at import.
 */
import * as z from 'zod';
import { referenceData, referenceId } from '../reference.ts';
import { DESTINATION_LIST, DESTINATIONS, REFERRAL_COUNT_MAX } from '../referrals.ts';
import { regionIdSchema } from '../schemas/reference.ts';
import { isWeekKey } from '../weekly.ts';
import { listSchema } from './lists.ts';

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
      destination: listSchema(DESTINATION_LIST, 'Vælg egen region, anden region, privat eller udlandet.'),
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
