/** E-mails to Specialenheden (the secretariat): the people who act when the ladder cannot. */
import { mailer } from '#adapters/mailer.ts';
import { listContacts, sendOnce } from '#adapters/store.ts';
import type { Level } from '#domain/ladder.ts';
import type { Email } from '#web/emails.ts';
import type { Lang } from '#web/i18n/translate.ts';

/**
 * Sends `mail` to every secretariat contact. With a `claimKey` each of them gets it at most once
 * per problem and key (a retried step or job sends nobody a second copy).
 */
export async function tellSecretariat(
  problemId: string,
  /** The mail, or the mail in a language: each secretariat contact gets it in the language of its entry. */
  mail: Email | ((lang: Lang) => Email),
  purpose: string,
  options: { claimKey?: string; level?: Level } = {},
): Promise<number> {
  const secretariat = (await listContacts()).filter((c) => c.role === 'secretariat');
  let sent = 0;
  for (const s of secretariat) {
    const content = typeof mail === 'function' ? mail(s.language ?? 'da') : mail;
    const send = () => mailer().send({ to: s.email, ...content, purpose, problemId, level: options.level });
    if (!options.claimKey) {
      await send();
      sent++;
    } else if (await sendOnce(`PROBLEM#${problemId}`, `SENT#${options.claimKey}#${s.email}`, send)) {
      sent++;
    }
  }
  return sent;
}
