/**
 * Use cases of the maintained contact lists: edit, CSV import/export, and the verification
 * reminder with its one-click confirmation. The ladder reads the same stored list
 * (store.listContacts), so every change here applies to the next escalation step.
 */

import { config } from '#adapters/config.ts';
import { currentTime } from '#adapters/deps.ts';
import { mailer } from '#adapters/mailer.ts';
import { getContact, listContactLanguages, listContacts, putContact } from '#adapters/store.ts';
import { inBatches } from '#domain/batches.ts';
import { contactsToCsv, DANISH_REPORT, parseContacts, type ReportLanguage } from '#domain/contact-csv.ts';
import {
  type ContactFilter,
  contactFormSchema,
  contactFromForm,
  DEFAULT_VERIFY_MONTHS,
  filterContacts,
  forEachLimited,
  MAX_IMPORT_ROWS,
  mayEditContact,
  mayManageContacts,
  overdueByMaintainer,
} from '#domain/contact-lists.ts';
import { fieldErrors, type Person } from '#domain/problem.ts';
import type { Contact } from '#domain/reference.ts';
import { localDate } from '#domain/time.ts';
import { verificationReminderEmail } from '#web/followup-emails.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { type Actor, asPerson, ForbiddenError, NotFoundError } from './actors.ts';
import { changedFields, recordAudit, SYSTEM_PERSON, updatePhrase } from './audit.ts';
import { getUser, putUser, userFromContact } from './auth.ts';
import { claimReminder, newLink, readLink } from './verify-links.ts';

/**
 * The language a person chose for their e-mails on their phone-list entry; undefined when none.
 * `contacts`: the list the caller already has (a ladder step); otherwise only each contact's
 * address and language are read.
 */
export async function preferredLanguage(
  email: string,
  contacts?: Pick<Contact, 'email' | 'language'>[],
): Promise<'da' | 'en' | undefined> {
  const wanted = email.toLowerCase();
  return (contacts ?? (await listContactLanguages())).find((c) => c.email.toLowerCase() === wanted)?.language;
}

/** How long an entry may go unverified (CONTACT_VERIFY_MONTHS, default six months). */
export function verifyMonths(): number {
  const value = Number(process.env.CONTACT_VERIFY_MONTHS ?? DEFAULT_VERIFY_MONTHS);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_VERIFY_MONTHS;
}

export async function phoneList(filter: ContactFilter): Promise<Contact[]> {
  return filterContacts(await listContacts(), filter);
}

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

export async function exportContactsCsv(): Promise<string> {
  return contactsToCsv(filterContacts(await listContacts(), {}));
}

interface VerifyLink {
  email: string;
  contactIds: string[];
  expiresAt: string;
}

const LINK_SCOPE = 'VERIFYLINK';

export function verifyUrl(token: string): string {
  return `${config().BASE_URL}/kontakter/bekraeft/${token}`;
}

/** Maintainers with overdue entries, in a batch: one work unit of the contact-verification job. */
export interface VerificationReminderUnit {
  maintainers: string[];
}

/** At most this many maintainers per unit. */
const MAINTAINERS_PER_UNIT = 25;

/** Every maintainer (lower-case e-mail) with entries not verified within the period, in batches. */
export async function verificationReminderUnits(): Promise<VerificationReminderUnit[]> {
  const groups = overdueByMaintainer(await listContacts(), localDate(currentTime()), verifyMonths());
  return inBatches([...groups.keys()], MAINTAINERS_PER_UNIT).map((maintainers) => ({ maintainers }));
}

/**
 * E-mails each maintainer of the unit whose entries are (still) overdue, with one link confirming
 * them all (or a link to correct them). Each reminder is claimed before it is sent, once per
 * repeat period: a retried or concurrent run mails nobody twice, and a failed send gives its
 * claim back.
 */
export async function sendVerificationReminderUnit(
  unit: VerificationReminderUnit,
): Promise<{ maintainers: number; contacts: number }> {
  const now = currentTime();
  const all = await listContacts();
  const groups = overdueByMaintainer(all, localDate(now), verifyMonths());
  let maintainers = 0;
  let contacts = 0;
  for (const email of unit.maintainers) {
    const entries = groups.get(email);
    if (!entries) continue;
    const release = await claimReminder('VERIFYREMIND', email, now, { contacts: entries.length });
    if (!release) continue;
    try {
      const token = await newLink(LINK_SCOPE, { email, contactIds: entries.map((c) => c.id) }, now);
      const maintainer = all.find((c) => c.email.toLowerCase() === email);
      const mail = verificationReminderEmail({
        name: maintainer?.name ?? email,
        lang: maintainer?.language,
        contacts: entries,
        months: verifyMonths(),
        confirmUrl: verifyUrl(token),
        listUrl: `${config().BASE_URL}/kontakter`,
      });
      await mailer().send({ to: email, ...mail, purpose: 'contact-verification' });
    } catch (error) {
      await release();
      throw error;
    }
    maintainers++;
    contacts += entries.length;
  }
  return { maintainers, contacts };
}

/** The link's maintainer and the entries it confirms (current values), or undefined if invalid. */
export async function readVerifyLink(
  token: string,
): Promise<{ email: string; contacts: Contact[] } | undefined> {
  const link = await readLink<VerifyLink>(LINK_SCOPE, token);
  if (!link) return undefined;
  const contacts: Contact[] = [];
  for (const id of link.contactIds) {
    const c = await getContact(id);
    // Only entries the link's recipient still maintains.
    if (c && c.maintainer.toLowerCase() === link.email) contacts.push(c);
  }
  return { email: link.email, contacts };
}

/** Confirms every entry of the link as verified today (a POST: the GET only shows them). */
export async function confirmVerification(token: string): Promise<Contact[] | undefined> {
  const link = await readVerifyLink(token);
  if (!link) return undefined;
  const user = await getUser(link.email);
  const who: Person = user ? asPerson(user) : { ...SYSTEM_PERSON, email: link.email, name: link.email };
  const today = localDate(currentTime());
  const confirmed: Contact[] = [];
  for (const contact of link.contacts) {
    const updated = { ...contact, verifiedAt: today };
    await putContact(updated);
    await recordAudit(who, 'contact', contact.id, 'verified', phrase('trail.contact.verifiedByLink'), {
      before: { verifiedAt: contact.verifiedAt },
      after: { verifiedAt: today },
    });
    confirmed.push(updated);
  }
  return confirmed;
}
