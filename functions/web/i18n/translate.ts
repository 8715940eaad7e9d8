/**
 * The typed lookup behind both catalogues: the page texts (index.ts) and the e-mail texts
 * (mail.ts). Placeholders are written `{name}`; the compiler checks that every placeholder gets a
 * value.
 */
export type Lang = 'da' | 'en';
export const LANGS: readonly Lang[] = ['da', 'en'];

export function isLang(value: unknown): value is Lang {
  return value === 'da' || value === 'en';
}

/** The placeholder names in a catalogue text: `'Hej {name}'` → `'name'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** What text `K` of catalogue `C` takes after its key: nothing, or a value per placeholder. */
export type ParamsOf<C extends Record<string, string>, K extends keyof C> =
  Placeholders<C[K]> extends never ? [] : [Record<Placeholders<C[K]>, string | number>];

/** `tr('key')` for a text without placeholders, `tr('key', { name })` for one with. */
export type TranslateIn<C extends Record<string, string>> = <K extends keyof C>(
  key: K,
  ...params: ParamsOf<C, K>
) => string;

function fill(text: string, params: Record<string, string | number> | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The translation function over one language's texts, read through `text`; `C` is the source
 * catalogue (Danish), whose texts give the placeholders.
 */
export function translateWith<C extends Record<string, string>>(
  text: (key: keyof C) => string,
): TranslateIn<C> {
  return ((key: keyof C, params?: Record<string, string | number>) =>
    fill(text(key), params)) as TranslateIn<C>;
}
