/**
 * Which language a request is answered in: `?lang=` first (and then remembered in a cookie),
 * else the `kk_lang` cookie set by the language switch, else the browser's Accept-Language,
 * else Danish.
 */
import { isLang, type Lang } from './translate.ts';

export const LANG_COOKIE = 'kk_lang';
const ONE_YEAR = 365 * 24 * 3600;

export interface LanguageSource {
  query: URLSearchParams;
  cookies: Record<string, string>;
  headers: Record<string, string>;
}

/** The first of da/en in an Accept-Language header, by quality; undefined when neither is listed. */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.tag !== '' && !Number.isNaN(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranked) {
    const primary = r.tag.split('-')[0];
    if (isLang(primary)) return primary;
  }
  return undefined;
}

export function resolveLanguage(source: LanguageSource): Lang {
  const asked = source.query.get('lang');
  if (isLang(asked)) return asked;
  const remembered = source.cookies[LANG_COOKIE];
  if (isLang(remembered)) return remembered;
  return fromAcceptLanguage(source.headers['accept-language']) ?? 'da';
}

/** The cookie to set when a request chose its language with `?lang=`; undefined otherwise. */
export function languageCookieFor(source: LanguageSource): string | undefined {
  const asked = source.query.get('lang');
  if (!isLang(asked) || source.cookies[LANG_COOKIE] === asked) return undefined;
  return `${LANG_COOKIE}=${asked}; Path=/; SameSite=Lax; Max-Age=${ONE_YEAR}`;
}

/** The current page's address in the other language (the switch link): `?lang=` replaced. */
export function switchUrl(path: string, query: URLSearchParams, lang: Lang): string {
  const q = new URLSearchParams(query);
  q.set('lang', lang);
  return `${path}?${q.toString()}`;
}
