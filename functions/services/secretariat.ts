/** E-mails to Specialenheden (the secretariat): the people who act when the ladder cannot. */
import { mailer } from '#adapters/mailer.ts';
import { listContacts, sendOnce } from '#adapters/store.ts';
import type { Level } from '#domain/ladder.ts';
import type { Email } from '#web/emails.ts';

/**
 * Sends `mail` to every secretariat contact. With a `claimKey` each of them gets it at most once
 * per problem and key (a retried step or job sends nobody a second copy).
 */
export async function tellSecretariat(
  problemId: string,
  mail: Email,
  purpose: string,
  options: { claimKey?: string; level?: Level } = {},
): Promise<number> {
  const secretariat = (await listContacts()).filter((c) => c.role === 'secretariat');
  let sent = 0;
  for (const s of secretariat) {
    const send = () => mailer().send({ to: s.email, ...mail, purpose, problemId, level: options.level });
    if (!options.claimKey) {
      await send();
      sent++;
    } else if (await sendOnce(`PROBLEM#${problemId}`, `SENT#${options.claimKey}#${s.email}`, send)) {
      sent++;
    }
  }
  return sent;
}
