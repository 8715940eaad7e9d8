/**
 * The networks' forms with Danish messages (state decision, member, meeting), apart from
 * domain/networks.ts so the action-reminder job does not build them at import.
 */
import * as z from 'zod';
import { CPR_MESSAGE_DA } from '../cpr.ts';
import { type MeetingAction, NETWORK_TEXT_MAX } from '../networks.ts';
import { notCpr } from '../problem.ts';
import { emailText, freeText } from './problem.ts';

const isoDate = z.iso.date({ error: 'Angiv en dato (åååå-mm-dd).' });

export const stateDecisionSchema = z.object({
  reason: freeText(NETWORK_TEXT_MAX.reason).pipe(z.string().min(1, 'Skriv begrundelsen for beslutningen.')),
});

export const memberSchema = z.object({
  name: freeText(NETWORK_TEXT_MAX.memberName).pipe(z.string().min(1, 'Angiv et navn.')),
  title: freeText(NETWORK_TEXT_MAX.memberTitle).pipe(z.string().min(1, 'Angiv en titel.')),
  email: emailText('Angiv en gyldig e-mailadresse.'),
});

const actionLine = z.object({
  text: freeText(NETWORK_TEXT_MAX.actionText).pipe(z.string().min(1, 'Beskriv handlingen.')),
  owner: z.email({ error: 'Ansvarlig skal være en e-mailadresse.' }).refine(notCpr, CPR_MESSAGE_DA),
  due: isoDate,
});

/**
 * The meeting form: date, participants one per line, actions one per line as
 * "handling; ansvarlig e-mail; frist (åååå-mm-dd)".
 */
export function parseMeetingForm(input: {
  date?: string;
  participants?: string;
  actions?: string;
}):
  | { ok: true; date: string; participants: string[]; actions: Omit<MeetingAction, 'id'>[] }
  | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = isoDate.safeParse(input.date ?? '');
  if (!date.success) errors.date = 'Angiv mødets dato (åååå-mm-dd).';
  const participants = (input.participants ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (participants.length === 0) errors.participants = 'Angiv mindst én deltager.';
  // The whole list first (the form's limit), then each line; longer text is refused, never cut.
  const participantCheck = freeText(NETWORK_TEXT_MAX.participants).safeParse(input.participants ?? '');
  const participantLines = z.array(freeText(NETWORK_TEXT_MAX.participant)).safeParse(participants);
  if (!participantCheck.success)
    errors.participants = participantCheck.error.issues[0]?.message ?? 'Ugyldig deltager.';
  else if (!participantLines.success)
    errors.participants = participantLines.error.issues[0]?.message ?? 'Ugyldig deltager.';
  const actions: Omit<MeetingAction, 'id'>[] = [];
  const lines = (input.actions ?? '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const actionsCheck = freeText(NETWORK_TEXT_MAX.actions).safeParse(input.actions ?? '');
  if (!actionsCheck.success) errors.actions = actionsCheck.error.issues[0]?.message ?? 'Ugyldige handlinger.';
  for (const [index, line] of (actionsCheck.success ? lines : []).entries()) {
    const [text = '', owner = '', due = ''] = line.split(';').map((p) => p.trim());
    const parsed = actionLine.safeParse({ text, owner, due });
    if (!parsed.success) {
      errors.actions = `Handling ${index + 1}: ${parsed.error.issues[0]?.message ?? 'ugyldig'} Skriv "handling; ansvarlig e-mail; åååå-mm-dd".`;
      break;
    }
    actions.push(parsed.data);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, date: date.data as string, participants, actions };
}
