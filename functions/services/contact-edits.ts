import { currentTime } from '#adapters/deps.ts';
import { getContact, putContact } from '#adapters/store.ts';
import { changedFieldsDa, mayEditContact, mayManageContacts } from '#domain/contact-lists.ts';
import type { Contact } from '#domain/reference.ts';
import { contactFormSchema, contactFromForm } from '#domain/schemas/contact-lists.ts';
import { fieldErrors } from '#domain/schemas/problem.ts';
import { localDate } from '#domain/time.ts';
import { type Actor, asPerson, ForbiddenError, NotFoundError } from './actors.ts';
import { changedFields, recordAudit } from './audit.ts';
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
  if (existingId && !existing) throw new NotFoundError('Kontakten findes ikke.');
  if (existing ? !mayEditContact(actor, existing) : !mayManageContacts(actor))
    throw new ForbiddenError('Du kan kun rette kontakter for din egen afdeling.');
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
      ? `Rettet: ${changedFieldsDa(changedFields(existing, contact), 'ingen ændringer (bekræftet)')}.`
      : `Oprettet ${contact.name}.`,
    { before: existing, after: contact },
  );
  return { ok: true, contact };
}
