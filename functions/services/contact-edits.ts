import { currentTime } from '#adapters/deps.ts';
import { getContact, listContacts, putContact } from '#adapters/store.ts';
import { DANISH_REPORT, type ReportLanguage } from '#domain/contact-csv.ts';
import { forEachLimited, MAX_IMPORT_ROWS, mayEditContact, mayManageContacts } from '#domain/contact-lists.ts';
import type { Contact } from '#domain/reference.ts';
import { parseContacts } from '#domain/schemas/contact-csv.ts';
import { contactFormSchema, contactFromForm } from '#domain/schemas/contact-lists.ts';
import { fieldErrors } from '#domain/schemas/problem.ts';
import { localDate } from '#domain/time.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { type Actor, asPerson, ForbiddenError, NotFoundError } from './actors.ts';
import { changedFields, recordAudit, updatePhrase } from './audit.ts';
import { getUser, putUser, userFromContact } from './auth.ts';

export type SaveResult = { ok: true; contact: Contact } | { ok: false; errors: Record<string, string> };

/**
 * Creates or updates an entry from the edit form. Saving counts as verifying it (today).
 * A department may only edit its own department's entries and cannot move them elsewhere
 * (department, role, region and hospital stay as stored). Only the secretariat's and
 * administrators' saves create a sign-in user for a new e-mail address: a department must not
 * be able to mint accounts by editing its entry.
 */
export async function saveContact(actor: Actor, input: unknown, existingId?: string): Promise<SaveResult> {
  const existing = existingId ? await getContact(existingId) : undefined;
  if (existingId && !existing) throw new NotFoundError(phrase('error.contact.notFound'));
  if (existing ? !mayEditContact(actor, existing) : !mayManageContacts(actor))
    throw new ForbiddenError(phrase('error.contact.ownDepartmentOnly'));
  const parsed = contactFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const form = parsed.data;
  if (existing && form.id !== existing.id) return { ok: false, errors: { id: 'Id kan ikke ændres.' } };
  if (!existing && (await getContact(form.id)))
    return { ok: false, errors: { id: 'Der findes allerede en kontakt med dette id.' } };
  if (!mayManageContacts(actor) && (form.department !== existing?.department || form.role !== existing?.role))
    return {
      ok: false,
      errors: { department: 'Du kan ikke flytte kontakten til en anden afdeling eller rolle.' },
    };
  const manager = mayManageContacts(actor);
  const placed =
    existing && !manager ? { ...form, region: existing.region, hospital: existing.hospital } : form;
  // A client that does not send the language keeps the contact's current one.
  const contact = contactFromForm(
    { ...placed, language: placed.language ?? existing?.language },
    localDate(currentTime()),
  );
  await putContact(contact);
  if (manager && !(await getUser(contact.email))) await putUser(userFromContact(contact));
  await recordAudit(
    asPerson(actor),
    'contact',
    contact.id,
    existing ? 'updated' : 'created',
    existing
      ? updatePhrase(changedFields(existing, contact), {
          changed: 'trail.updated',
          nothing: 'trail.contact.confirmed',
        })
      : phrase('trail.created', { name: contact.name }),
    { before: existing, after: contact },
  );
  return { ok: true, contact };
}

export interface ImportReport {
  imported: number;
  created: number;
  updated: number;
  /** Rows identical to the stored contact: nothing written, nothing on the audit trail. */
  unchanged: number;
  errors: string[];
  warnings: string[];
}

/**
 * Imports a CSV file: every row is validated first; one bad row and nothing is written.
 * Rows upsert by id (the export's file can be edited and imported again). At most
 * MAX_IMPORT_ROWS rows, written 10 at a time, so the request finishes within the API timeout.
 */
export async function importContactsCsv(
  actor: Actor,
  text: string,
  report: ReportLanguage = DANISH_REPORT,
): Promise<ImportReport> {
  if (!mayManageContacts(actor)) throw new ForbiddenError(phrase('error.contact.importSecretariatOnly'));
  const { contacts, errors, warnings } = parseContacts(text, 'csv', report.lang);
  if (errors.length > 0) return { imported: 0, created: 0, updated: 0, unchanged: 0, errors, warnings };
  if (contacts.length > MAX_IMPORT_ROWS)
    return {
      imported: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [
        report.word(
          `Filen har ${contacts.length} kontakter; der kan højst importeres ${MAX_IMPORT_ROWS} ad gangen. Del filen op.`,
        ),
      ],
      warnings,
    };
  const existing = new Map((await listContacts()).map((c) => [c.id, c]));
  let created = 0;
  let unchanged = 0;
  await forEachLimited(contacts, 10, async (contact) => {
    const before = existing.get(contact.id);
    if (!(await getUser(contact.email))) await putUser(userFromContact(contact));
    if (before && changedFields(before, contact).length === 0) {
      unchanged++;
      return;
    }
    await putContact(contact);
    if (!before) created++;
    await recordAudit(
      asPerson(actor),
      'contact',
      contact.id,
      'imported',
      before
        ? updatePhrase(changedFields(before, contact), {
            changed: 'trail.imported',
            nothing: 'trail.importedNothing',
          })
        : phrase('trail.importedNew'),
      { before, after: contact },
    );
  });
  return {
    imported: contacts.length,
    created,
    updated: contacts.length - created - unchanged,
    unchanged,
    errors: [],
    warnings,
  };
}
