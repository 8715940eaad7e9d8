/**
 * Verification reminders for the external-provider register, like the contact lists': when
 * providers' details were not confirmed within the period, Specialenheden is reminded, with one
 * link confirming them all (docs/decisions/0013-external-providers.md).
 */
import { config } from '#adapters/config.ts';
import { currentTime } from '#adapters/deps.ts';
import { mailer } from '#adapters/mailer.ts';
import {
  getExternalProvider,
  listContacts,
  listExternalProviders,
  putExternalProvider,
} from '#adapters/store.ts';
import { type ExternalProvider, overdueProviders, providerVerifiedAt } from '#domain/external-providers.ts';
import type { Person } from '#domain/problem.ts';
import { localDate } from '#domain/time.ts';
import { providerVerificationEmail } from '#web/followup-emails.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { asPerson } from './actors.ts';
import { recordAudit, SYSTEM_PERSON } from './audit.ts';
import { getUser } from './auth.ts';
import { verifyMonths } from './contacts.ts';
import { claimReminder, newLink, readLink } from './verify-links.ts';

interface ProviderLink {
  email: string;
  providerIds: string[];
  expiresAt: string;
}

const LINK_SCOPE = 'PROVIDERLINK';

export function providerVerifyUrl(token: string): string {
  return `${config().BASE_URL}/eksterne-udbydere/bekraeft/${token}`;
}

/**
 * The weekly job: when providers' details were not confirmed within the period, each secretariat
 * contact gets one e-mail listing them, with one link confirming them all (or the register to
 * correct them). The secretariat holds the agreements and maintains the register, so it checks
 * with the provider through the agreement's own channel; the system never mails the providers.
 * Claimed before sending, once per repeat period.
 */
export async function sendProviderVerificationReminders(): Promise<{
  recipients: number;
  providers: number;
}> {
  const now = currentTime();
  const overdue = overdueProviders(await listExternalProviders(), localDate(now), verifyMonths());
  if (overdue.length === 0) return { recipients: 0, providers: 0 };
  let recipients = 0;
  for (const s of (await listContacts()).filter((c) => c.role === 'secretariat')) {
    const email = s.email.toLowerCase();
    const release = await claimReminder('PROVIDERREMIND', email, now, { providers: overdue.length });
    if (!release) continue;
    try {
      const token = await newLink(LINK_SCOPE, { email, providerIds: overdue.map((p) => p.id) }, now);
      const mail = providerVerificationEmail({
        name: s.name,
        lang: s.language,
        providers: overdue,
        months: verifyMonths(),
        confirmUrl: providerVerifyUrl(token),
        listUrl: `${config().BASE_URL}/eksterne-udbydere`,
      });
      await mailer().send({ to: s.email, ...mail, purpose: 'provider-verification' });
    } catch (error) {
      await release();
      throw error;
    }
    recipients++;
  }
  return { recipients, providers: overdue.length };
}

/** The link's recipient and the providers it confirms (current values), or undefined if invalid. */
export async function readProviderVerifyLink(
  token: string,
): Promise<{ email: string; providers: ExternalProvider[] } | undefined> {
  const link = await readLink<ProviderLink>(LINK_SCOPE, token);
  if (!link) return undefined;
  const providers: ExternalProvider[] = [];
  for (const id of link.providerIds) {
    const p = await getExternalProvider(id);
    if (p) providers.push(p);
  }
  return { email: link.email, providers };
}

/** Confirms every provider of the link as verified today (a POST: the GET only shows them). */
export async function confirmProviderVerification(token: string): Promise<ExternalProvider[] | undefined> {
  const link = await readProviderVerifyLink(token);
  if (!link) return undefined;
  const user = await getUser(link.email);
  const who: Person = user ? asPerson(user) : { ...SYSTEM_PERSON, email: link.email, name: link.email };
  const today = localDate(currentTime());
  const confirmed: ExternalProvider[] = [];
  for (const provider of link.providers) {
    const updated = { ...provider, verifiedAt: today };
    await putExternalProvider(updated);
    await recordAudit(
      who,
      'external-provider',
      provider.id,
      'verified',
      phrase('trail.provider.verifiedByLink'),
      {
        before: { verifiedAt: providerVerifiedAt(provider) },
        after: { verifiedAt: today },
      },
    );
    confirmed.push(updated);
  }
  return confirmed;
}
