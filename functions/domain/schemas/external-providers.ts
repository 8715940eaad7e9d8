/**
 * The external-provider register's schemas with Danish messages (form, API and CSV import) and
 * the checklist form, apart from domain/external-providers.ts so the capacity finder and the jobs
 * do not build them at import.
 */
import * as z from 'zod';
import { csvRecords, DANISH_REPORT, type ReportLanguage } from '../contact-csv.ts';
import {
  CHECKLIST_HEADINGS,
  CHECKLIST_SECTION_MAX,
  PROVIDER_KIND_LIST,
  PROVIDER_TEXT_MAX,
} from '../external-providers.ts';
import { PATHWAY_TYPE_LIST, TREATMENT_MODALITY_LIST } from '../lists.ts';
import { ID_MAX } from '../problem.ts';
import { referenceData } from '../reference.ts';
import { listSchema } from './lists.ts';
import { emailText, freeText } from './problem.ts';

const slug = /^[a-z0-9-]+$/;

const isoDate = (message: string) =>
  z
    .string()
    .trim()
    .pipe(z.iso.date({ error: message }));

const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** One provider, with Danish messages (form, API and CSV import share it). */
export const externalProviderSchema = z
  .object({
    id: z
      .string({ error: 'Angiv et id.' })
      .pipe(freeText(ID_MAX))
      .pipe(z.string().regex(slug, 'Id må kun indeholde små bogstaver, tal og bindestreger.')),
    kind: listSchema(PROVIDER_KIND_LIST, 'Vælg privat eller udenlandsk udbyder.'),
    name: freeText(PROVIDER_TEXT_MAX.name).pipe(z.string().min(1, 'Angiv udbyderens navn.')),
    country: freeText(PROVIDER_TEXT_MAX.country).pipe(z.string().min(1, 'Angiv landet.')),
    cancerTypes: z.array(z.string()).min(1, 'Vælg mindst én kræftform.'),
    pathwayTypes: z
      .array(listSchema(PATHWAY_TYPE_LIST, 'Ukendt forløbstype.'))
      .min(1, 'Vælg udredning og/eller behandling.'),
    modalities: z.array(listSchema(TREATMENT_MODALITY_LIST, 'Ukendt behandlingsform.')).default([]),
    contactName: freeText(PROVIDER_TEXT_MAX.contactName).pipe(
      z.string().min(1, 'Angiv en kontaktperson eller funktion.'),
    ),
    contactEmail: emailText('Angiv en gyldig e-mailadresse.'),
    contactPhone: z
      .string()
      .trim()
      .regex(/^\+\d[\d ]{6,18}$/, 'Angiv telefonnummeret med landekode, fx +45 12 34 56 78.'),
    validFrom: isoDate('Angiv aftalens startdato (åååå-mm-dd).'),
    validTo: optional(isoDate('Angiv aftalens slutdato (åååå-mm-dd), eller lad feltet stå tomt.')),
    typicalDays: z.coerce
      .number({ error: 'Angiv typisk antal dage til start.' })
      .int('Angiv et helt antal dage.')
      .min(0, 'Antal dage kan ikke være negativt.')
      .max(365, 'Højst 365 dage.'),
    notes: optional(freeText(PROVIDER_TEXT_MAX.notes)),
  })
  .superRefine((p, ctx) => {
    const known = new Set(referenceData().cancerTypes.map((c) => c.id));
    for (const t of p.cancerTypes)
      if (!known.has(t))
        ctx.addIssue({ code: 'custom', path: ['cancerTypes'], message: `Ukendt kræftform "${t}".` });
    if (p.pathwayTypes.includes('behandling') && p.modalities.length === 0)
      ctx.addIssue({ code: 'custom', path: ['modalities'], message: 'Vælg mindst én behandlingsform.' });
    if (!p.pathwayTypes.includes('behandling') && p.modalities.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['modalities'],
        message: 'Behandlingsformer kræver, at udbyderen tilbyder behandling.',
      });
    if (p.validTo && p.validTo < p.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'Slutdatoen ligger før startdatoen.' });
  });

export type ExternalProviderInput = z.infer<typeof externalProviderSchema>;

const PROVIDER_LIST_FIELDS = new Set(['cancerTypes', 'pathwayTypes', 'modalities']);

const IMPORT_WORDS = {
  da: {
    line: (n: number) => `linje ${n}`,
    row: 'rækken',
    duplicate: (other: string) => `id er allerede brugt i ${other}`,
    empty: 'filen indeholder ingen udbydere',
  },
  en: {
    line: (n: number) => `line ${n}`,
    row: '(row)',
    duplicate: (other: string) => `id already used by ${other}`,
    empty: 'the file holds no providers',
  },
};

/** CSV text → validated providers, or errors naming line and field in the report's language (then nothing is kept). */
export function parseProvidersCsv(
  text: string,
  report: ReportLanguage = DANISH_REPORT,
): { providers: ExternalProviderInput[]; errors: string[] } {
  const words = IMPORT_WORDS[report.lang];
  const records = csvRecords(text.replace(/^\uFEFF/, ''), words.line, PROVIDER_LIST_FIELDS);
  const errors: string[] = [];
  const providers: ExternalProviderInput[] = [];
  const seen = new Map<string, string>();
  for (const { label, record } of records) {
    const parsed = externalProviderSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(`${label}: ${issue.path.join('.') || words.row}: ${report.word(issue.message)}`);
      continue;
    }
    const previous = seen.get(parsed.data.id);
    if (previous) errors.push(`${label} (${parsed.data.id}): ${words.duplicate(previous)}`);
    seen.set(parsed.data.id, label);
    providers.push(parsed.data);
  }
  if (records.length === 0) errors.push(words.empty);
  return { providers, errors };
}

/** The edit form: one textarea per heading, one item per line; no CPR numbers, no empty section. */
export const checklistFormSchema = z
  .array(
    z
      .string()
      .max(CHECKLIST_SECTION_MAX, 'Højst 2.000 tegn pr. afsnit.')
      .transform((text) =>
        text
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(freeText(200))
          .min(1, 'Skriv mindst ét punkt i hvert afsnit.')
          .max(15, 'Højst 15 punkter pr. afsnit.'),
      ),
  )
  .length(CHECKLIST_HEADINGS.length);
