/**
 * A capacity problem: what a department reports, validated field by field with messages a
 * coordinator understands (Danish), and the record the ladder works on.
 */
import * as z from 'zod';
import { CPR_MESSAGE_DA, containsCprNumber } from './cpr.ts';
import type { Level, Scope } from './ladder.ts';
import { SCOPE_LIST, TREATMENT_MODALITY_LIST, WAIT_PATHWAY_LIST } from './lists.ts';
import {
  type PathwayType,
  pathwayTypeSchema,
  referenceData,
  referenceId,
  type TreatmentModality,
} from './reference.ts';

/** For ids, keys and addresses that are stored or mailed: never a CPR number either. */
export const notCpr = (text: string): boolean => !containsCprNumber(text);

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

/** The longest e-mail address a form takes (RFC 5321's limit); longer is refused, never cut. */
export const EMAIL_MAX = 254;

/** An e-mail address from a form: trimmed, at most {@link EMAIL_MAX} characters, no CPR number. */
export function emailText(message: string) {
  return freeText(EMAIL_MAX).pipe(z.email({ error: message }));
}

/** The longest id a form takes (ids end up in addresses and file names). */
export const ID_MAX = 60;

const isoDate = z.iso.date({ error: 'Angiv en dato (åååå-mm-dd).' });

export const SCOPES = SCOPE_LIST.ids;
export const SCOPE_LABELS: Record<Scope, string> = SCOPE_LIST.labels('da');

/** Longest description of a problem, in characters. */
export const DESCRIPTION_MAX = 2000;
/** Longest note on an offer, a receipt or a resolution. */
export const OFFER_NOTE_MAX = 500;
export const RESOLVE_NOTE_MAX = 1000;

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
      .array(TREATMENT_MODALITY_LIST.schema('Vælg behandlingsform fra listen.'), {
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
    scope: SCOPE_LIST.schema('Vælg hvor mange der er berørt.'),
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

export interface Person {
  email: string;
  name: string;
  role: string;
}

/**
 * pending: stored, execution not started yet; started: an execution was started; failed: the
 * start failed (retried by the reconcile job); stopped: an execution ended in its failure path
 * ("Eskaleringen er stoppet af en fejl"), restarted by the reconcile job or the secretariat.
 */
export type WorkflowState = 'pending' | 'started' | 'failed' | 'stopped';

/** The reference people quote ("KK-6435-VRXX") for a problem's internal id ("6435VRXXZ3"). */
export function problemRef(id: string): string {
  return `KK-${id.slice(0, 4)}-${id.slice(4, 8)}`;
}

/** A reference as someone might type it: "kk-6435-vrxx" → "KK-6435-VRXX"; undefined if it is not one. */
export function parseProblemRef(text: string): string | undefined {
  const match = /^KK-([0-9A-Z]{4})-([0-9A-Z]{4})$/i.exec(text.trim());
  return match ? `KK-${match[1]}-${match[2]}`.toUpperCase() : undefined;
}

export interface Problem extends ProblemReport {
  id: string;
  /** problemRef(id). */
  ref: string;
  status: 'open' | 'resolved';
  hospital: string;
  region: string;
  entryLevel: Level;
  level: Level;
  levelSince?: string;
  /** Reminder round at the network level (0 on entry). */
  round: number;
  deadline?: string;
  reportedBy: Person;
  createdAt: string;
  updatedAt: string;
  resolvedAt?: string;
  resolvedBy?: Person;
  resolution?: string;
  offeredPatients: number;
  workflow: {
    state: WorkflowState;
    executionId?: string;
    attempts: number;
    lastError?: string;
    generation: number;
    /** Restarts so far: each restart runs under a new execution name (`executionName`). */
    restarts?: number;
    /** Failures since the ladder last moved on (backs off automatic restarts, alerts once). */
    failures?: number;
    /** When the last execution stopped on an error, and which one (the failure is recorded once). */
    stoppedAt?: string;
    stoppedExecution?: string;
    /** The stop is on the timeline (a retried failure step appends it if an earlier try could not). */
    stopRecorded?: boolean;
  };
  version: number;
}

export type PathwayOrModality = PathwayType | TreatmentModality;

export const offerSchema = z.object({
  patients: z.coerce
    .number({ error: 'Angiv antal patienter som et tal.' })
    .int('Angiv et helt tal.')
    .min(1, 'Angiv mindst 1 patient.')
    .max(1000, 'Angiv højst 1.000 patienter.'),
  modality: WAIT_PATHWAY_LIST.schema('Vælg hvilken behandling I kan tilbyde.'),
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
