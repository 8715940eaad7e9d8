/**
 * Timeline entries are written once and read in either language: next to the Danish text (kept
 * for the API and for entries written before this existed), an entry stores its catalogue key and
 * values, and the page renders them in the reader's language. Values named `level`, `toLevel`,
 * `modality`, `date` and `deadline` are formatted for the language when read.
 */
import { isLevel, LEVEL_NAMES } from '#domain/ladder.ts';
import { WAIT_PATHWAY_LIST } from '#domain/lists.ts';
import { formatDate, formatDateTime } from '#domain/time.ts';
import { type Lang, type MailKey, translator } from './i18n/mail.ts';

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
] as const satisfies readonly MailKey[];

export type TimelineKey = (typeof TIMELINE_KEYS)[number];

/** What an entry stores to be read in any language; `suffix` is free text people wrote, shown as written. */
export interface TimelineMessage {
  key: TimelineKey;
  params?: Record<string, string | number>;
  suffix?: string;
}

function isTimelineKey(key: unknown): key is TimelineKey {
  return (TIMELINE_KEYS as readonly unknown[]).includes(key);
}

/** The values with the language-dependent ones formatted: level names, treatments, dates. */
function formatted(params: Record<string, string | number>, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  const { modality, date, deadline } = params;
  const level = Number(params.level);
  const toLevel = Number(params.toLevel);
  if (isLevel(level)) out.levelName = LEVEL_NAMES[level][lang];
  if (isLevel(toLevel)) out.toLevelName = LEVEL_NAMES[toLevel][lang];
  if (typeof modality === 'string' && WAIT_PATHWAY_LIST.has(modality))
    out.modality = WAIT_PATHWAY_LIST.label(modality, lang);
  if (typeof date === 'string') out.date = formatDate(date, lang);
  if (typeof deadline === 'string') out.deadline = formatDateTime(deadline, lang);
  return out;
}

export function timelineText(message: TimelineMessage, lang: Lang): string {
  const tr = translator(lang) as (key: MailKey, params?: Record<string, string | number>) => string;
  const text = tr(message.key, formatted(message.params ?? {}, lang));
  return message.suffix ? `${text} ${message.suffix}` : text;
}

/** What a writer stores: the Danish text, as before, and the message to read it in English. */
export function timelineEntry(
  key: TimelineKey,
  params?: Record<string, string | number>,
  suffix?: string,
): { text: string; message: TimelineMessage } {
  const message: TimelineMessage = { key, ...(params ? { params } : {}), ...(suffix ? { suffix } : {}) };
  return { text: timelineText(message, 'da'), message };
}

/** An entry's text in a language; entries written without a message keep their Danish text. */
export function eventText(event: { text: string; message?: { key: string } }, lang: Lang): string {
  const message = event.message;
  return message && isTimelineKey(message.key) ? timelineText(message as TimelineMessage, lang) : event.text;
}
