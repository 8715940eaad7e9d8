/**
 * The schemas a problem's forms and API validate with, Danish messages included, and the
 * free-text and e-mail fields every other schema builds on. Apart from domain/problem.ts so a
 * function that never validates this input does not build them at import (zod's calls are not
 * side-effect free to the bundler).
 */
import * as z from 'zod';
import { CPR_MESSAGE_DA } from '../cpr.ts';
import { SCOPE_LIST, TREATMENT_MODALITY_LIST, WAIT_PATHWAY_LIST } from '../lists.ts';
import { DESCRIPTION_MAX, EMAIL_MAX, notCpr, OFFER_NOTE_MAX, RESOLVE_NOTE_MAX } from '../problem.ts';
import { referenceData, referenceId } from '../reference.ts';
import { pathwayTypeSchema } from '../schemas/reference.ts';
import { listSchema } from './lists.ts';

/** Free text: trimmed, bounded, and never a CPR number. */
export function freeText(max: number) {
  return (
    z
      .string()
      .trim()
      // Never cut: text over the limit is refused, saying how long it is.
      .refine((t) => [...t].length <= max, {
        error: (issue) =>
          `Teksten er for lang: højst ${max.toLocaleString('da-DK')} tegn (der er ${[...String(issue.input)].length.toLocaleString('da-DK')}).`,
      })
      .refine(notCpr, CPR_MESSAGE_DA)
  );
}

/** An e-mail address from a form: trimmed, at most {@link EMAIL_MAX} characters, no CPR number. */
export function emailText(message: string) {
  return freeText(EMAIL_MAX).pipe(z.email({ error: message }));
}

const isoDate = z.iso.date({ error: 'Angiv en dato (åååå-mm-dd).' });

export const problemReportSchema = z
  .object({
    departmentId: z
      .string({ error: 'Vælg afdeling.' })
      .min(1, 'Vælg afdeling.')
      .meta(referenceId('departments', 'suh-brystkirurgi')),
    cancerType: z
      .string({ error: 'Vælg kræftform.' })
      .min(1, 'Vælg kræftform.')
      .refine((id) => referenceData().cancerTypes.some((c) => c.id === id), 'Vælg en kræftform fra listen.')
      .meta(referenceId('cancerTypes', 'brystkraeft')),
    pathwayTypes: z
      .array(pathwayTypeSchema, { error: 'Vælg mindst én forløbstype.' })
      .min(1, 'Vælg mindst én forløbstype (udredning eller behandling).'),
    modalities: z
      .array(listSchema(TREATMENT_MODALITY_LIST, 'Vælg behandlingsform fra listen.'), {
        error: 'Ukendt behandlingsform.',
      })
      .default([]),
    patientsAtRisk: z.coerce
      .number({ error: 'Angiv antal patienter som et tal.' })
      .int('Angiv antal patienter som et helt tal.')
      .min(1, 'Angiv mindst 1 patient.')
      .max(10_000, 'Antallet virker for højt – angiv højst 10.000.'),
    from: isoDate,
    /** The reporter's estimate of the problem's last day; the actual end is `resolvedAt`. */
    until: isoDate
      .optional()
      .describe(
        'Forventes at vare til: afdelingens skøn over problemets sidste dag (den faktiske løsning registreres, når sagen markeres som løst).',
      ),
    longLasting: z.boolean().default(false),
    scope: listSchema(SCOPE_LIST, 'Vælg hvor mange der er berørt.'),
    description: freeText(DESCRIPTION_MAX).default(''),
  })
  .superRefine(
    (report, ctx) => {
      if (
        Array.isArray(report.pathwayTypes) &&
        report.pathwayTypes.includes('behandling') &&
        (report.modalities ?? []).length === 0
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['modalities'],
          message: 'Vælg mindst én behandlingsform, når behandling er berørt.',
        });
      }
      if (typeof report.until === 'string' && typeof report.from === 'string' && report.until < report.from) {
        ctx.addIssue({
          code: 'custom',
          path: ['until'],
          message: 'Slutdatoen skal ligge efter startdatoen.',
        });
      }
    },
    // Cross-field checks run even when other fields failed, so the person sees every error at
    // once — on an object only: a body of `null` or `[]` is just invalid, not a crash.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type ProblemReport = z.infer<typeof problemReportSchema>;

export const offerSchema = z.object({
  patients: z.coerce
    .number({ error: 'Angiv antal patienter som et tal.' })
    .int('Angiv et helt tal.')
    .min(1, 'Angiv mindst 1 patient.')
    .max(1000, 'Angiv højst 1.000 patienter.'),
  modality: listSchema(WAIT_PATHWAY_LIST, 'Vælg hvilken behandling I kan tilbyde.'),
  earliest: isoDate,
  note: freeText(OFFER_NOTE_MAX).default(''),
});

export type Offer = z.infer<typeof offerSchema>;

export const resolveSchema = z.object({ note: freeText(RESOLVE_NOTE_MAX).default('') });

export const acknowledgeSchema = z.object({ note: freeText(500).default('') });

/** Turns a zod error into `{ field: message }` for re-rendering a form next to each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    out[key] ??= issue.message;
  }
  return out;
}
