/**
 * Contact files (CSV or JSON) → validated contacts: every row checked with the contact schema
 * and against the reference data; the caller writes nothing when `errors` is not empty. Used by
 * the phone list's import (services/contact-edits.ts) and the AWS import script. Apart from
 * domain/contact-csv.ts (the CSV reader and the export), which the jobs read through.
 */
import { csvRecords, type ParsedContacts } from '../contact-csv.ts';
import { CPR_MESSAGE_DA, CPR_MESSAGE_EN } from '../cpr.ts';
import { CONTACT_ROLES, type Contact, REGION_IDS, referenceData } from '../reference.ts';
import { contactSchema } from './reference.ts';

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
