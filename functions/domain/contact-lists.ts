import { CONTACT_ROLE_LIST } from './lists.ts';
import { CONTACT_ROLES, type Contact, type ContactRole, referenceData } from './reference.ts';

/** The most characters of a contact's name and title (the form shows the same limit). */
export const CONTACT_TEXT_MAX = 120;
/** A Danish phone number as the lists write it: +45 12 34 56 78. */
export const PHONE_LENGTH = '+45 12 34 56 78'.length;

/** The most rows one import may hold: more would not finish within the API's 25 s timeout. */
export const MAX_IMPORT_ROWS = 1000;

/** Danish names of a contact's fields, for change summaries in the audit trail. */
export const CONTACT_FIELD_LABELS: Record<string, { da: string; en: string }> = {
  id: { da: 'id', en: 'id' },
  role: { da: 'rolle', en: 'role' },
  name: { da: 'navn', en: 'name' },
  title: { da: 'titel', en: 'title' },
  email: { da: 'e-mail', en: 'e-mail' },
  phone: { da: 'telefon', en: 'phone' },
  region: { da: 'region', en: 'region' },
  hospital: { da: 'hospital', en: 'hospital' },
  department: { da: 'afdeling', en: 'department' },
  cancerTypes: { da: 'kræftformer', en: 'cancer types' },
  modalities: { da: 'behandlingstyper', en: 'treatment types' },
  maintainer: { da: 'vedligeholder', en: 'maintainer' },
  verifiedAt: { da: 'bekræftet', en: 'verified' },
  language: { da: 'sprog', en: 'language' },
};

/** A changed field's name for the audit trail ("telefon"); other registers' fields by their id. */
export function fieldLabel(field: string, lang: 'da' | 'en' = 'da'): string {
  return CONTACT_FIELD_LABELS[field]?.[lang] ?? field;
}

/** Runs `fn` over `items`, at most `limit` at a time (bounded parallelism for bulk writes). */
export async function forEachLimited<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Default verification period: the agreement's "every six months". */
export const DEFAULT_VERIFY_MONTHS = 6;

export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = CONTACT_ROLE_LIST.labels('da');

/** The phone list's order: the ladder's order, from department up to Danske Regioner. */
const ROLE_ORDER = new Map(CONTACT_ROLES.map((role, index) => [role, index]));

export interface ContactFilter {
  cancerType?: string;
  /** A treatment modality or `udredning`. */
  modality?: string;
  region?: string;
}

function departmentOf(contact: Contact) {
  return contact.department
    ? referenceData().departments.find((d) => d.id === contact.department)
    : undefined;
}

/** The region an entry belongs to (its own, or its hospital's); undefined for national entries. */
export function contactRegion(contact: Contact): string | undefined {
  if (contact.region) return contact.region;
  const hospitalId = contact.hospital ?? departmentOf(contact)?.hospital;
  return referenceData().hospitals.find((h) => h.id === hospitalId)?.region;
}

/** Modalities an entry answers for: its own list, else its department's (empty = all). */
function contactModalities(contact: Contact): string[] {
  if (contact.modalities.length > 0) return contact.modalities;
  const department = departmentOf(contact);
  if (!department) return [];
  return [...department.modalities, ...(department.udredning ? ['udredning'] : [])];
}

/**
 * Entries matching every given filter. National entries (no region) and entries for all cancer
 * types or all treatment types stay on a filtered list: they answer for the filtered case too.
 */
export function filterContacts(contacts: Contact[], filter: ContactFilter): Contact[] {
  return contacts
    .filter((c) => {
      if (filter.cancerType && c.cancerTypes.length > 0 && !c.cancerTypes.includes(filter.cancerType))
        return false;
      if (filter.modality) {
        const modalities = contactModalities(c);
        if (modalities.length > 0 && !modalities.includes(filter.modality)) return false;
      }
      if (filter.region) {
        const region = contactRegion(c);
        if (region !== undefined && region !== filter.region) return false;
      }
      return true;
    })
    .sort(
      (a, b) =>
        (ROLE_ORDER.get(a.role) ?? 0) - (ROLE_ORDER.get(b.role) ?? 0) ||
        (contactRegion(a) ?? '').localeCompare(contactRegion(b) ?? '') ||
        a.name.localeCompare(b.name, 'da'),
    );
}

export interface Editor {
  role: string;
  department?: string;
}

/** The secretariat (and administrators) edit every entry; a department edits its own department's. */
export function mayEditContact(editor: Editor, contact: Pick<Contact, 'department'>): boolean {
  if (editor.role === 'secretariat' || editor.role === 'admin') return true;
  return editor.role === 'department' && !!editor.department && contact.department === editor.department;
}

export function mayManageContacts(editor: Editor): boolean {
  return editor.role === 'secretariat' || editor.role === 'admin';
}

/** `date` (YYYY-MM-DD) plus whole months, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Overdue when more than `months` have passed since the last verification (as of `today`). */
export function isOverdue(contact: Pick<Contact, 'verifiedAt'>, today: string, months: number): boolean {
  return addMonths(contact.verifiedAt, months) < today;
}

/** Overdue entries grouped by maintainer (lower-cased e-mail), each group sorted by name. */
export function overdueByMaintainer(
  contacts: Contact[],
  today: string,
  months: number,
): Map<string, Contact[]> {
  const groups = new Map<string, Contact[]>();
  for (const c of contacts) {
    if (!isOverdue(c, today, months)) continue;
    const key = c.maintainer.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const list of groups.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return groups;
}
