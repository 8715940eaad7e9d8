/**
 * Texts the system writes to be read later (timeline entries, the audit trail, a network's
 * history) are stored as a phrase: a key of the e-mail and timeline catalogue (i18n/mail.ts: jobs
 * write them too, and carry no page texts) and values, next to their Danish text. They are
 * worded when read, in the reader's language, with the values that depend on it formatted:
 * `level`/`toLevel` (with `levelName`/`toLevelName`), `modality`, `date`, `deadline`, `quarter`,
 * `region`, `kind` (a reference-data kind) and `fields` (changed field names, joined by commas).
 */
import { fieldLabel } from '#domain/contact-lists.ts';
import { isLevel, LEVEL_NAMES } from '#domain/ladder.ts';
import { WAIT_PATHWAY_LIST } from '#domain/lists.ts';
import { QUARTER_PATTERN, quarterLabel } from '#domain/quarterly.ts';
import { regionLabel } from '#domain/reference.ts';
import type { StoredPhrase } from '#domain/stored-phrase.ts';
import { formatDate, formatDateTime } from '#domain/time.ts';
import { type Lang, type MailKey, t, translator } from './i18n/mail.ts';
import { mailDa } from './i18n/mail-da.ts';

const KIND_KEYS = {
  hospital: 'trail.kind.hospital',
  department: 'trail.kind.department',
  'cancer-type': 'trail.kind.cancerType',
} as const satisfies Record<string, MailKey>;

/** The values with the language-dependent ones formatted for the reader. */
function formatted(params: Record<string, string | number>, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  const { modality, date, deadline, quarter, region, kind, fields } = params;
  const level = Number(params.level);
  const toLevel = Number(params.toLevel);
  if (isLevel(level)) out.levelName = LEVEL_NAMES[level][lang];
  if (isLevel(toLevel)) out.toLevelName = LEVEL_NAMES[toLevel][lang];
  if (typeof modality === 'string' && WAIT_PATHWAY_LIST.has(modality))
    out.modality = WAIT_PATHWAY_LIST.label(modality, lang);
  if (typeof date === 'string') out.date = formatDate(date, lang);
  if (typeof deadline === 'string') out.deadline = formatDateTime(deadline, lang);
  if (typeof quarter === 'string' && QUARTER_PATTERN.test(quarter)) out.quarter = quarterLabel(quarter, lang);
  if (typeof region === 'string') out.region = regionLabel(region, lang);
  if (typeof kind === 'string' && kind in KIND_KEYS)
    out.kind = t(lang, KIND_KEYS[kind as keyof typeof KIND_KEYS]);
  if (typeof fields === 'string')
    out.fields = fields
      .split(',')
      .map((f) => fieldLabel(f, lang))
      .join(', ');
  return out;
}

function isMailKey(key: string): key is MailKey {
  return Object.hasOwn(mailDa, key);
}

/** A stored phrase in a language; undefined when its key is no longer in the catalogue. */
export function storedPhraseText(stored: StoredPhrase, lang: Lang): string | undefined {
  if (!isMailKey(stored.key)) return undefined;
  const tr = translator(lang) as (key: MailKey, params?: Record<string, string | number>) => string;
  return tr(stored.key, formatted(stored.params ?? {}, lang));
}

/** What a writer stores: the phrase and its Danish text (for the API and older readers). */
export function storedText(stored: StoredPhrase): string {
  return storedPhraseText(stored, 'da') ?? stored.key;
}

/** A stored text in a language: its phrase worded when it has one, else the text as written. */
export function readStored(entry: { text: string; phrase?: StoredPhrase }, lang: Lang): string {
  return (entry.phrase && storedPhraseText(entry.phrase, lang)) ?? entry.text;
}
