/**
 * The texts people read, one catalogue per language (da.ts, en.ts), and a typed `t(key, params)`.
 * Placeholders are written `{name}`; the compiler checks that every placeholder gets a value.
 */
import { escapeHtml, Raw } from '../html.ts';
import { da } from './da.ts';
import { en } from './en.ts';

export type Lang = 'da' | 'en';
export const LANGS: readonly Lang[] = ['da', 'en'];

export type MessageKey = keyof typeof da;

/** The placeholder names in a catalogue text: `'Hej {name}'` → `'name'`. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

export type Params<K extends MessageKey> = Record<Placeholders<(typeof da)[K]>, string | number>;

/** `t('key')` for a text without placeholders, `t('key', { name })` for one with. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: Placeholders<(typeof da)[K]> extends never ? [] : [Params<K>]
) => string;

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { da, en };

export function isLang(value: unknown): value is Lang {
  return value === 'da' || value === 'en';
}

function fill(text: string, params: Record<string, string | number> | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The translation function for one language. */
export function translator(lang: Lang): Translate {
  const catalogue = CATALOGUES[lang];
  return ((key: MessageKey, params?: Record<string, string | number>) =>
    fill(catalogue[key], params)) as Translate;
}

/** The values a text needs: none (`[]`) or one object with every placeholder. */
type ParamsArg<K extends MessageKey> = Placeholders<(typeof da)[K]> extends never ? [] : [Params<K>];

/**
 * A text named but not yet worded: its catalogue key and values. What is read later, by someone
 * whose language is not known yet (an error answered to a request, an entry stored for a page),
 * carries a phrase and is worded in the reader's language by `phraseText`.
 */
export interface Phrase {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** `phrase('error.problem.notFound')`, `phrase('error.x', { name })`: checked like `t`. */
export function phrase<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Phrase {
  const values = params[0] as Record<string, string | number> | undefined;
  return values ? { key, params: values } : { key };
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(da, key);
}

/** A phrase in a language. */
export function phraseText(lang: Lang, p: Phrase): string {
  return fill(CATALOGUES[lang][p.key], p.params);
}

/** One-off lookup: `t('da', 'layout.signIn')`. */
export function t<K extends MessageKey>(
  lang: Lang,
  key: K,
  ...params: Placeholders<(typeof da)[K]> extends never ? [] : [Params<K>]
): string {
  return fill(CATALOGUES[lang][key], params[0] as Record<string, string | number> | undefined);
}

/**
 * A text as HTML with markup in its placeholders: `tHtml(lang, 'signIn.confirmAs', { name: html`<strong>…</strong>` })`.
 * The catalogue text and plain values are escaped; only Raw values go in as they are.
 */
export function tHtml<K extends MessageKey>(
  lang: Lang,
  key: K,
  params: Record<Placeholders<(typeof da)[K]>, string | number | Raw>,
): Raw {
  const values = params as Record<string, string | number | Raw>;
  return new Raw(
    escapeHtml(CATALOGUES[lang][key]).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return value instanceof Raw ? value.value : escapeHtml(value);
    }),
  );
}
