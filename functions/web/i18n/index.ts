/**
 * The texts people read on the pages: the page catalogue (da.ts, en.ts) and the e-mail catalogue
 * (mail-da.ts, mail-en.ts: the problem page shows the timeline, forms share labels with the
 * e-mails), with a typed `t(key, params)`. Placeholders are written `{name}`; the compiler checks
 * that every placeholder gets a value.
 *
 * A language's texts are imported when a request first needs them (`loadTexts`, awaited by the
 * API before it routes or renders an error page): a cold start carries neither catalogue, and a
 * container that only answers in Danish never loads the English one.
 */
import { escapeHtml, Raw } from '../html.ts';
import type { da } from './da.ts';
import type { mailDa } from './mail-da.ts';
import type { Phrase } from './phrase.ts';
import { type Lang, type ParamsOf, type Placeholders, type TranslateIn, translateWith } from './translate.ts';

export { isLang, LANGS, type Lang } from './translate.ts';

type Texts = typeof da & typeof mailDa;
export type MessageKey = keyof Texts;
export type Params<K extends MessageKey> = Record<Placeholders<Texts[K]>, string | number>;
export type Translate = TranslateIn<Texts>;

type Catalogue = Record<string, string>;

// Looked up in the page texts, then the e-mail texts (no key is in both): merging the two
// catalogues into one object would cost the first request its copying.
const LOADED: Partial<Record<Lang, { page: Catalogue; mail: Catalogue }>> = {};
const LOADING: Partial<Record<Lang, Promise<void>>> = {};

async function importTexts(lang: Lang): Promise<{ page: Catalogue; mail: Catalogue }> {
  if (lang === 'da') {
    const [{ da }, { mailDa }] = await Promise.all([import('./da.ts'), import('./mail-da.ts')]);
    return { page: da, mail: mailDa };
  }
  const [{ en }, { mailEn }] = await Promise.all([import('./en.ts'), import('./mail-en.ts')]);
  return { page: en, mail: mailEn };
}

/**
 * Makes the texts a page in `lang` reads available to `t`, `translator`, `phraseText` and `tHtml`:
 * its own, and for English also the Danish ones (the schemas write their messages in Danish; an
 * English page finds them by their Danish wording, ../validation.ts).
 */
export async function loadTexts(lang: Lang): Promise<void> {
  await Promise.all([loadLanguage(lang), ...(lang === 'da' ? [] : [loadLanguage('da')])]);
}

function loadLanguage(lang: Lang): Promise<void> {
  if (LOADED[lang]) return Promise.resolve();
  LOADING[lang] ??= importTexts(lang).then(
    (texts) => {
      LOADED[lang] = texts;
    },
    (error: unknown) => {
      LOADING[lang] = undefined; // a failed import is tried again by the next request
      throw error;
    },
  );
  return LOADING[lang];
}

/** Whether `lang`'s texts are loaded (an error built before any request knows its language). */
export function textsLoaded(lang: Lang): boolean {
  return LOADED[lang] !== undefined;
}

/** The Danish page texts as loaded (the validation messages are matched against their wording). */
export function danishPageTexts(): typeof da {
  return loaded('da').page as typeof da;
}

function loaded(lang: Lang): { page: Catalogue; mail: Catalogue } {
  const texts = LOADED[lang];
  if (!texts) throw new Error(`The ${lang} texts are not loaded: await loadTexts('${lang}') first`);
  return texts;
}

function text(lang: Lang, key: MessageKey): string {
  const { page, mail } = loaded(lang);
  return page[key] ?? mail[key] ?? key;
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
