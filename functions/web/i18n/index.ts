/**
 * The texts people read on the pages: the page catalogue (da.ts, en.ts) and the e-mail catalogue
 * (mail-da.ts, mail-en.ts: the problem page shows the timeline, forms share labels with the
 * e-mails), with a typed `t(key, params)`. Placeholders are written `{name}`; the compiler checks
 * that every placeholder gets a value.
 */
import { escapeHtml, Raw } from '../html.ts';
import { da } from './da.ts';
import { en } from './en.ts';
import { mailDa } from './mail-da.ts';
import { mailEn } from './mail-en.ts';
import type { Phrase } from './phrase.ts';
import { type Lang, type ParamsOf, type Placeholders, type TranslateIn, translateWith } from './translate.ts';

export { isLang, LANGS, type Lang } from './translate.ts';

type Texts = typeof da & typeof mailDa;
export type MessageKey = keyof Texts;
export type Params<K extends MessageKey> = Record<Placeholders<Texts[K]>, string | number>;
export type Translate = TranslateIn<Texts>;

// Looked up in the page texts, then the e-mail texts (no key is in both): merging the two
// catalogues into one object would cost every cold start of the API.
const PAGE_TEXTS: Record<Lang, Record<string, string>> = { da, en };
const MAIL_TEXTS: Record<Lang, Record<string, string>> = { da: mailDa, en: mailEn };

function text(lang: Lang, key: MessageKey): string {
  return PAGE_TEXTS[lang][key] ?? MAIL_TEXTS[lang][key] ?? key;
}

const TRANSLATORS: Record<Lang, Translate> = {
  da: translateWith<Texts>((key) => text('da', key)),
  en: translateWith<Texts>((key) => text('en', key)),
};

/** The translation function for one language. */
export function translator(lang: Lang): Translate {
  return TRANSLATORS[lang];
}

/** A phrase (./phrase.ts) in a language. */
export function phraseText(lang: Lang, p: Phrase): string {
  const tr = TRANSLATORS[lang] as (key: MessageKey, params?: Record<string, string | number>) => string;
  return tr(p.key, p.params);
}

/** One-off lookup: `t('da', 'layout.signIn')`. */
export function t<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsOf<Texts, K>): string {
  return TRANSLATORS[lang](key, ...params);
}

/**
 * A text as HTML with markup in its placeholders: `tHtml(lang, 'signIn.confirmAs', { name: html`<strong>…</strong>` })`.
 * The catalogue text and plain values are escaped; only Raw values go in as they are.
 */
export function tHtml<K extends MessageKey>(
  lang: Lang,
  key: K,
  params: Record<Placeholders<Texts[K]>, string | number | Raw>,
): Raw {
  const values = params as Record<string, string | number | Raw>;
  return new Raw(
    escapeHtml(text(lang, key)).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return value instanceof Raw ? value.value : escapeHtml(value);
    }),
  );
}
