/**
 * The schemas the weekly report's form and API validate with (Danish messages), apart from
 * domain/weekly.ts so the jobs that read reports do not build them at import.
 */
import * as z from 'zod';
import { DIAGNOSTIC_MODALITY_LIST, TREATMENT_MODALITY_LIST, WAIT_PATHWAY_LIST } from '../lists.ts';
import { findDepartment, referenceData, referenceId, TREATMENT_MODALITIES } from '../reference.ts';
import { COMMENT_MAX } from '../weekly.ts';
import { listSchema, perItem } from './lists.ts';
import { freeText } from './problem.ts';

export const pathwaySchema = listSchema(WAIT_PATHWAY_LIST, 'Vælg udredning eller en behandlingsform.');

const days = z.coerce
  .number({ error: 'Angiv antal dage som et tal.' })
  .int('Angiv antal dage som et helt tal.')
  .min(0, 'Antal dage kan ikke være negativt.')
  .max(365, 'Angiv højst 365 dage.');

/** Empty form fields and JSON nulls mean "not given". */
const optionalDays = z.preprocess((v) => (v === '' || v === null ? undefined : v), days.optional());

export const weeklyEntrySchema = z.object({
  cancerType: z
    .string({ error: 'Angiv kræftform.' })
    .min(1, 'Angiv kræftform.')
    .meta(referenceId('cancerTypes', 'brystkraeft')),
  udredningDays: optionalDays,
  treatmentDays: perItem(TREATMENT_MODALITY_LIST, optionalDays).default({}),
  diagnosticDays: perItem(DIAGNOSTIC_MODALITY_LIST, optionalDays).default({}),
  spareCapacity: z.coerce
    .number({ error: 'Angiv ledig kapacitet som et tal (0 hvis ingen).' })
    .int('Angiv ledig kapacitet som et helt tal.')
    .min(0, 'Ledig kapacitet kan ikke være negativ.')
    .max(1000, 'Angiv højst 1.000 patienter.'),
  comment: freeText(COMMENT_MAX).default(''),
});

export type WeeklyEntry = z.infer<typeof weeklyEntrySchema>;

/**
 * A department's report for one week: one entry per cancer type it treats, with days to
 * udredning when it does udredning and days to each treatment modality it offers.
 */
export const weeklySubmissionSchema = z
  .object({
    departmentId: z
      .string({ error: 'Angiv afdeling.' })
      .refine((id) => referenceData().departments.some((d) => d.id === id), 'Ukendt afdeling.')
      .meta(referenceId('departments', 'suh-brystkirurgi')),
    entries: z.array(weeklyEntrySchema, { error: 'Angiv tal for afdelingens kræftformer.' }),
  })
  .superRefine((submission, ctx) => {
    const department = findDepartment(submission.departmentId);
    if (!department) return;
    const given = new Set(submission.entries.map((e) => e.cancerType));
    for (const cancerType of department.cancerTypes) {
      if (!given.has(cancerType))
        ctx.addIssue({
          code: 'custom',
          path: ['entries'],
          message: `Angiv tal for alle afdelingens kræftformer (mangler ${cancerType}).`,
        });
    }
    submission.entries.forEach((entry, i) => {
      if (!department.cancerTypes.includes(entry.cancerType)) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'cancerType'],
          message: 'Afdelingen behandler ikke denne kræftform.',
        });
        return;
      }
      if (department.udredning && entry.udredningDays === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'udredningDays'],
          message: 'Angiv forventet antal dage til start af udredning.',
        });
      if (!department.udredning && entry.udredningDays !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'udredningDays'],
          message: 'Afdelingen udreder ikke – lad feltet være tomt.',
        });
      for (const m of TREATMENT_MODALITIES) {
        const value = entry.treatmentDays[m];
        if (department.modalities.includes(m) && value === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['entries', i, 'treatmentDays', m],
            message: 'Angiv forventet antal dage til start af behandling.',
          });
        if (!department.modalities.includes(m) && value !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['entries', i, 'treatmentDays', m],
            message: 'Afdelingen tilbyder ikke denne behandling – lad feltet være tomt.',
          });
      }
    });
  });

export type WeeklySubmission = z.infer<typeof weeklySubmissionSchema>;

/** The API accepts one department's report or many (regional systems) in one call. */
export const weeklyBulkSchema = z.object({
  reports: z
    .array(z.unknown(), { error: 'Angiv en liste af ugerapporter.' })
    .min(1, 'Angiv mindst én ugerapport.')
    // Bounded so a call finishes well within the API's 25-second timeout.
    .max(100, 'Højst 100 ugerapporter i ét kald – del dem op i flere kald.'),
});

/** Zod issues → `{ 'entries.0.udredningDays': message }`, the full path as the key. */
export function pathErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.map(String).join('.') || '_form'] ??= issue.message;
  return out;
}
