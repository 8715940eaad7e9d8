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
import { contactsToCsv } from '#domain/contact-csv.ts';
import {
  type ContactFilter,
  DEFAULT_VERIFY_MONTHS,
  filterContacts,
  overdueByMaintainer,
} from '#domain/contact-lists.ts';
import type { Person } from '#domain/problem.ts';
import type { Contact } from '#domain/reference.ts';
import { localDate } from '#domain/time.ts';
import { verificationReminderEmail } from '#web/followup-emails.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { asPerson } from './actors.ts';
import { recordAudit, SYSTEM_PERSON } from './audit.ts';
import { getUser } from './auth.ts';
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
