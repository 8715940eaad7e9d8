/**
 * The reference data's edit forms and /stamdata.csv import, validated with Danish messages;
 * apart from domain/reference-edit.ts so the functions that only read the lists do not build
 * these schemas at import.
 */
import * as z from 'zod';
import { DANISH_REPORT, parseCsv, type ReportLanguage } from '../contact-csv.ts';
import { TREATMENT_MODALITY_LIST } from '../lists.ts';
import { ID_MAX } from '../problem.ts';
import { type MaintainedData, REGION_IDS } from '../reference.ts';
import {
  REFERENCE_CSV_COLUMNS,
  REFERENCE_KINDS,
  REFERENCE_NAME_MAX,
  type ReferenceEntry,
  type ReferenceKind,
  referenceErrors,
} from '../reference-edit.ts';
import { listSchema } from './lists.ts';

const id = z
  .string({ error: 'Angiv et id.' })
  .trim()
  .regex(/^[a-z0-9-]+$/, 'Id må kun indeholde små bogstaver, tal og bindestreger.')
  .max(ID_MAX, 'Id må højst være 60 tegn.');

const name = z
  .string({ error: 'Angiv et navn.' })
  .trim()
  .min(1, 'Angiv et navn.')
  .max(REFERENCE_NAME_MAX, 'Højst 120 tegn.');

const optionalName = z
  .string()
  .trim()
  .max(REFERENCE_NAME_MAX, 'Højst 120 tegn.')
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** What the forms and the CSV give for each kind, with Danish messages. */
export const entrySchemas = {
  hospital: z.object({
    id,
    name,
    nameEn: optionalName,
    region: z.enum(REGION_IDS, { error: 'Vælg en region.' }),
  }),
  'cancer-type': z.object({
    id,
    name,
    nameEn: z
      .string({ error: 'Angiv det engelske navn.' })
      .trim()
      .min(1, 'Angiv det engelske navn.')
      .max(120, 'Højst 120 tegn.'),
  }),
  department: z.object({
    id,
    name,
    nameEn: optionalName,
    hospital: z.string({ error: 'Vælg et hospital.' }).min(1, 'Vælg et hospital.'),
    cancerTypes: z.array(z.string()).min(1, 'Vælg mindst én kræftform.'),
    modalities: z
      .array(listSchema(TREATMENT_MODALITY_LIST, 'Ukendt behandlingsform.'))
      .min(1, 'Vælg mindst én behandlingsform.'),
    udredning: z.boolean().default(false),
  }),
} as const;

export interface ReferenceRow {
  line: number;
  kind: ReferenceKind;
  entry: ReferenceEntry;
  retire: boolean;
}

/**
 * Reads /stamdata.csv: every row checked against the schemas and against the file's own and the
 * stored entries; `errors` names each bad line in the report's language, and then nothing is to
 * be imported.
 */
export function parseReferenceCsv(
  text: string,
  stored: MaintainedData,
  report: ReportLanguage = DANISH_REPORT,
): { rows: ReferenceRow[]; errors: string[] } {
  const words = IMPORT_WORDS[report.lang];
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const records = parseCsv(clean, firstLine.includes(';') ? ';' : ',').filter((r) =>
    r.some((c) => c.trim() !== ''),
  );
  const [header, ...body] = records;
  const errors: string[] = [];
  const missing = REFERENCE_CSV_COLUMNS.filter((c) => !(header ?? []).includes(c));
  if (!header || missing.length > 0)
    return { rows: [], errors: [`${words.line(1)}: ${words.missingColumns(missing.join(', '))}`] };
  const rows: ReferenceRow[] = [];
  body.forEach((record, i) => {
    const line = i + 2;
    const get = (c: (typeof REFERENCE_CSV_COLUMNS)[number]) => (record[header.indexOf(c)] ?? '').trim();
    const kind = get('kind') as ReferenceKind;
    if (!REFERENCE_KINDS.includes(kind)) {
      errors.push(`${words.line(line)}: ${words.kind(REFERENCE_KINDS.join(', '))}`);
      return;
    }
    const list = (c: 'cancerTypes' | 'modalities') =>
      get(c) === ''
        ? []
        : get(c)
            .split('|')
            .map((s) => s.trim());
    const raw = {
      id: get('id'),
      name: get('name'),
      nameEn: get('nameEn'),
      ...(kind === 'hospital' ? { region: get('region') } : {}),
      ...(kind === 'department'
        ? {
            hospital: get('hospital'),
            cancerTypes: list('cancerTypes'),
            modalities: list('modalities'),
            udredning: get('udredning') === 'ja',
          }
        : {}),
    };
    const parsed = entrySchemas[kind].safeParse(raw);
    if (!parsed.success) {
      errors.push(
        `${words.line(line)}: ${parsed.error.issues.map((x) => `${String(x.path[0])}: ${report.word(x.message)}`).join(' ')}`,
      );
      return;
    }
    rows.push({ line, kind, entry: parsed.data as ReferenceEntry, retire: get('retiredAt') !== '' });
  });
  // References are checked against what the data will be after the import.
  const after: MaintainedData = {
    hospitals: merge(stored.hospitals, rows, 'hospital'),
    cancerTypes: merge(stored.cancerTypes, rows, 'cancer-type'),
    departments: merge(stored.departments, rows, 'department'),
  };
  for (const row of rows) {
    if (row.retire) continue;
    for (const message of Object.values(referenceErrors(row.kind, row.entry, after)))
      errors.push(`${words.line(row.line)}: ${report.word(message)}`);
  }
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.kind}#${row.entry.id}`;
    if (seen.has(key)) errors.push(`${words.line(row.line)}: ${words.twice(row.entry.id)}`);
    seen.add(key);
  }
  return { rows, errors };
}

function merge<T extends ReferenceEntry>(stored: T[], rows: ReferenceRow[], kind: ReferenceKind): T[] {
  const out = new Map(stored.map((e) => [e.id, e]));
  for (const row of rows.filter((r) => r.kind === kind))
    out.set(row.entry.id, { ...(row.entry as T), ...(row.retire ? { retiredAt: 'x' } : {}) });
  return [...out.values()];
}
const IMPORT_WORDS = {
  da: {
    line: (n: number) => `Linje ${n}`,
    missingColumns: (columns: string) => `mangler kolonnerne ${columns}.`,
    kind: (kinds: string) => `kind skal være en af ${kinds}.`,
    twice: (id: string) => `${id} står flere gange i filen.`,
  },
  en: {
    line: (n: number) => `Line ${n}`,
    missingColumns: (columns: string) => `the columns ${columns} are missing.`,
    kind: (kinds: string) => `kind must be one of ${kinds}.`,
    twice: (id: string) => `${id} appears more than once in the file.`,
  },
};
