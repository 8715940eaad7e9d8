/**
 * Timeline entries are written once and read in either language: next to the Danish text (kept
 * for the API and for entries written before this existed), an entry stores its catalogue key and
 * values, and the page renders them in the reader's language (values formatted for it by
 * web/stored-phrase.ts).
 */
import type { Lang, MailKey } from './i18n/mail.ts';
import { storedPhraseText } from './stored-phrase.ts';

const TIMELINE_KEYS = [
  'timeline.reported',
  'timeline.workflowStarted',
  'timeline.workflowStartFailed',
  'timeline.acknowledged',
  'timeline.acknowledgedNote',
  'timeline.offer',
  'timeline.resolved',
  'timeline.resolutionNotified',
  'timeline.resolutionNotifiedOne',
  'timeline.levelEntered',
  'timeline.reminder',
  'timeline.networkActivated',
  'timeline.notified',
  'timeline.nobodyReached',
  'timeline.addressRejected',
  'timeline.deadlinePassed',
  'timeline.continued',
  'timeline.stopped',
  'timeline.restartedAutomatically',
  'timeline.restartedAutomaticallyDeadline',
  'timeline.restartedBy',
  'timeline.restartedByDeadline',
  'timeline.bounced',
  'timeline.complained',
  'timeline.why.noRecipients',
  'timeline.why.noneAccepted',
  'timeline.why.noneReachable',
  'timeline.why.othersReached',
  'timeline.why.addressRejected',
] as const satisfies readonly MailKey[];

export type TimelineKey = (typeof TIMELINE_KEYS)[number];

/** What an entry stores to be read in any language; `suffix` is free text people wrote, shown as written. */
export interface TimelineMessage {
  key: TimelineKey;
  params?: Record<string, string | number>;
  /** Why, when the system says so (`timeline.why.*`), read in the reader's language too. */
  because?: { key: TimelineKey; params?: Record<string, string | number> };
  suffix?: string;
}

function isTimelineKey(key: unknown): key is TimelineKey {
  return (TIMELINE_KEYS as readonly unknown[]).includes(key);
}

export function timelineText(message: TimelineMessage, lang: Lang): string {
  const text = storedPhraseText(message, lang) ?? message.key;
  const because = message.because && storedPhraseText(message.because, lang);
  return [text, because, message.suffix].filter(Boolean).join(' ');
}

/** What a writer stores: the Danish text, as before, and the message to read it in English. */
export function timelineEntry(
  key: TimelineKey,
  params?: Record<string, string | number>,
  suffix?: string | TimelineMessage['because'],
): { text: string; message: TimelineMessage } {
  const message: TimelineMessage = {
    key,
    ...(params ? { params } : {}),
    ...(typeof suffix === 'string' ? { suffix } : suffix ? { because: suffix } : {}),
  };
  return { text: timelineText(message, 'da'), message };
}

/** An entry's text in a language; entries written without a message keep their Danish text. */
export function eventText(event: { text: string; message?: { key: string } }, lang: Lang): string {
  const message = event.message;
  return message && isTimelineKey(message.key) ? timelineText(message as TimelineMessage, lang) : event.text;
}
