/**
 * Contact files (CSV or JSON) → validated contacts, and contacts → CSV. Pure: used by the
 * phone list's import and export (functions/services/contacts.ts) and by the AWS import script
 * (scripts/import-contacts.ts). Every row is checked with the app's contact schema and against
 * the reference data; the caller writes nothing when `errors` is not empty.
 */
import { CPR_MESSAGE_DA, CPR_MESSAGE_EN } from './cpr.ts';
import { CONTACT_ROLES, type Contact, contactSchema, REGION_IDS, referenceData } from './reference.ts';

export interface ParsedContacts {
  contacts: Contact[];
  /** One line per problem, naming the row (CSV line or JSON index) and the field. */
  errors: string[];
  /** Problems that do not stop the import but need a look. */
  warnings: string[];
}

const LIST_FIELDS = new Set(['cancerTypes', 'modalities']);

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF, and the given delimiter. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** Spreadsheets run a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The export's `'` before a formula-like cell, removed so an exported file imports unchanged. */
function unneutralise(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * CSV rows → plain objects shaped like the JSON format, with a label (`line(n)`) for messages.
 * Columns in `listFields` hold `|`-separated lists; empty cells are left out. The delimiter is
 * `;` or `,`, whichever the header line has more of. Shared by every register's CSV import.
 */
export function csvRecords(
  text: string,
  line: (n: number) => string,
  listFields: ReadonlySet<string> = LIST_FIELDS,
): { label: string; record: Record<string, unknown> }[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const [header, ...rows] = parseCsv(text, delimiter);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows.map((cells, index) => {
    const record: Record<string, unknown> = {};
    names.forEach((name, column) => {
      const value = unneutralise(cells[column] ?? '').trim();
      if (listFields.has(name)) {
        record[name] =
          value === ''
            ? []
            : value
                .split('|')
                .map((v) => v.trim())
                .filter(Boolean);
      } else if (value !== '') {
        record[name] = value;
      }
    });
    return { label: line(index + 2), record };
  });
}

/**
 * The language of an import report, and how a schema's Danish validation message is worded in it
 * (the web layer passes its catalogue lookup; the domain knows no catalogue).
 */
export interface ReportLanguage {
  lang: 'da' | 'en';
  word: (message: string) => string;
}

export const DANISH_REPORT: ReportLanguage = { lang: 'da', word: (message) => message };

/** Danish field messages for the phone list's import report (the script reports in English). */
const FIELD_DA: Record<string, string> = {
  id: 'id må kun indeholde små bogstaver, tal og bindestreger',
  role: `rollen skal være en af ${CONTACT_ROLES.join(', ')}`,
  name: 'navn mangler',
  title: 'titel mangler',
  email: 'e-mailadressen er ugyldig',
  phone: 'telefonnummeret skal skrives som +45 12 34 56 78',
  region: `regionen skal være en af ${REGION_IDS.join(', ')}`,
  hospital: 'hospitalets id er ugyldigt',
  department: 'afdelingens id er ugyldigt',
  cancerTypes: 'kræftformerne er ugyldige',
  modalities: 'behandlingstyperne skal være udredning, kirurgi, medicinsk eller straalebehandling',
  maintainer: 'vedligeholderens e-mailadresse er ugyldig',
  verifiedAt: 'datoen for sidste bekræftelse skal skrives som åååå-mm-dd',
  language: 'sproget skal være da eller en',
};

/** The same in English, for the script and the phone list's import in English. */
const FIELD_EN: Record<string, string> = {
  id: 'the id may hold only lower-case letters, digits and hyphens',
  role: `the role must be one of ${CONTACT_ROLES.join(', ')}`,
  name: 'the name is missing',
  title: 'the title is missing',
  email: 'the e-mail address is invalid',
  phone: 'write the phone number as +45 12 34 56 78',
  region: `the region must be one of ${REGION_IDS.join(', ')}`,
  hospital: "the hospital's id is invalid",
  department: "the department's id is invalid",
  cancerTypes: 'the cancer types are invalid',
  modalities: 'the treatment types must be udredning, kirurgi, medicinsk or straalebehandling',
  maintainer: "the maintainer's e-mail address is invalid",
  verifiedAt: 'write the date of the last verification as yyyy-mm-dd',
  language: 'the language must be da or en',
};

const MESSAGES = {
  en: {
    line: (n: number) => `line ${n}`,
    item: (n: number) => `item ${n}`,
    notJson: (m: string) => `not valid JSON: ${m}`,
    notArray: 'the JSON file must hold an array of contacts',
    issue: (path: string, message: string) =>
      `${path || '(row)'}: ${message === CPR_MESSAGE_DA ? CPR_MESSAGE_EN : (FIELD_EN[path] ?? 'invalid value')}`,
    duplicate: (other: string) => `id already used by ${other}`,
    unknownHospital: (h: string) => `unknown hospital "${h}"`,
    hospitalRegion: (h: string, actual: string, given: string) =>
      `hospital "${h}" is in region "${actual}", not "${given}"`,
    unknownDepartment: (d: string) => `unknown department "${d}"`,
    departmentHospital: (d: string, h: string) => `department "${d}" belongs to hospital "${h}"`,
    unknownCancerType: (t: string) => `unknown cancer type "${t}"`,
    needsDepartment: 'a department contact needs "department"',
    needsRegion: (role: string) => `a ${role} contact needs "region"`,
    empty: 'the file holds no contacts',
    noSecretariat: 'no contact with role "secretariat": nobody will be told about unreachable recipients',
    stale: (n: number, ids: string) => `${n} contact(s) last verified more than a year ago: ${ids}`,
  },
  da: {
    line: (n: number) => `linje ${n}`,
    item: (n: number) => `element ${n}`,
    notJson: (m: string) => `ikke gyldig JSON: ${m}`,
    notArray: 'JSON-filen skal indeholde en liste af kontakter',
    issue: (path: string, message: string) =>
      `${path || 'rækken'}: ${message === CPR_MESSAGE_DA ? message : (FIELD_DA[path] ?? 'ugyldig værdi')}`,
    duplicate: (other: string) => `id er allerede brugt i ${other}`,
    unknownHospital: (h: string) => `ukendt hospital "${h}"`,
    hospitalRegion: (h: string, actual: string, given: string) =>
      `hospitalet "${h}" ligger i region "${actual}", ikke "${given}"`,
    unknownDepartment: (d: string) => `ukendt afdeling "${d}"`,
    departmentHospital: (d: string, h: string) => `afdelingen "${d}" hører til hospitalet "${h}"`,
    unknownCancerType: (t: string) => `ukendt kræftform "${t}"`,
    needsDepartment: 'en afdelingskontakt skal have "department"',
    needsRegion: (role: string) => `en kontakt med rollen ${role} skal have "region"`,
    empty: 'filen indeholder ingen kontakter',
    noSecretariat: 'ingen kontakt med rollen "secretariat": ingen får besked om modtagere, der ikke kan nås',
    stale: (n: number, ids: string) => `${n} kontakt(er) er sidst bekræftet for mere end et år siden: ${ids}`,
  },
};

/**
 * Reads and validates a contact file's text.
 * @param format - `json` or `csv`
 * @param lang - the report's language: English for the script, the reader's on the phone list
 */
export function parseContacts(
  text: string,
  format: 'json' | 'csv',
  lang: 'en' | 'da' = 'en',
): ParsedContacts {
  const t = MESSAGES[lang];
  const clean = text.replace(/^\uFEFF/, '');
  const errors: string[] = [];
  const warnings: string[] = [];
  let records: { label: string; record: unknown }[];
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(clean);
    } catch (error) {
      return { contacts: [], errors: [t.notJson((error as Error).message)], warnings };
    }
    if (!Array.isArray(data)) return { contacts: [], errors: [t.notArray], warnings };
    records = data.map((record, index) => ({ label: t.item(index), record }));
  } else {
    records = csvRecords(clean, t.line);
  }

  const reference = referenceData();
  const hospitals = new Map(reference.hospitals.map((h) => [h.id, h]));
  const departments = new Map(reference.departments.map((d) => [d.id, d]));
  const cancerTypes = new Set(reference.cancerTypes.map((c) => c.id));
  const contacts: Contact[] = [];
  const seen = new Map<string, string>();

  for (const { label, record } of records) {
    const parsed = contactSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(`${label}: ${t.issue(issue.path.join('.'), issue.message)}`);
      continue;
    }
    const c = parsed.data;
    const where = `${label} (${c.id})`;
    if (seen.has(c.id)) errors.push(`${where}: ${t.duplicate(seen.get(c.id) as string)}`);
    seen.set(c.id, label);
    const hospital = c.hospital ? hospitals.get(c.hospital) : undefined;
    if (c.hospital && !hospital) errors.push(`${where}: ${t.unknownHospital(c.hospital as string)}`);
    if (hospital && c.region && hospital.region !== c.region)
      errors.push(`${where}: ${t.hospitalRegion(c.hospital as string, hospital.region, c.region)}`);
    const department = c.department ? departments.get(c.department) : undefined;
    if (c.department && !department) errors.push(`${where}: ${t.unknownDepartment(c.department as string)}`);
    if (department && c.hospital && department.hospital !== c.hospital)
      errors.push(`${where}: ${t.departmentHospital(c.department as string, department.hospital)}`);
    for (const type of c.cancerTypes)
      if (!cancerTypes.has(type)) errors.push(`${where}: ${t.unknownCancerType(type)}`);
    if (c.role === 'department' && !c.department) errors.push(`${where}: ${t.needsDepartment}`);
    if ((c.role === 'primary' || c.role === 'director') && !c.region)
      errors.push(`${where}: ${t.needsRegion(c.role)}`);
    contacts.push(c);
  }

  if (records.length === 0) errors.push(t.empty);
  if (contacts.length > 0 && !contacts.some((c) => c.role === 'secretariat')) warnings.push(t.noSecretariat);
  const stale = contacts.filter((c) => Date.now() - Date.parse(c.verifiedAt) > 365 * 24 * 3600 * 1000);
  if (stale.length > 0) warnings.push(t.stale(stale.length, stale.map((c) => c.id).join(', ')));
  return { contacts, errors, warnings };
}

/** The CSV columns, in the order the export writes them and the import reads them. */
export const CONTACT_CSV_COLUMNS = [
  'id',
  'role',
  'name',
  'title',
  'email',
  'phone',
  'region',
  'hospital',
  'department',
  'cancerTypes',
  'modalities',
  'maintainer',
  'verifiedAt',
  'language',
] as const;

/** Quoted when needed; a formula-like cell gets a leading `'` so a spreadsheet shows it as text. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Contacts → `;`-separated CSV (as Danish Excel opens it), readable again by `parseContacts`. */
export function contactsToCsv(contacts: Contact[]): string {
  const lines = [CONTACT_CSV_COLUMNS.join(';')];
  for (const c of contacts) {
    lines.push(
      CONTACT_CSV_COLUMNS.map((column) => {
        const value = c[column];
        return csvCell(Array.isArray(value) ? value.join('|') : (value ?? ''));
      }).join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
