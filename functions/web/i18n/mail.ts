/**
 * The texts of the e-mails and the timeline (mail-da.ts, mail-en.ts), with the same typed
 * `translator` and `t` as the page texts (index.ts). Code that jobs or the ladder step run imports
 * this module, never index.ts, so their bundles carry no page texts.
 */
import { mailDa } from './mail-da.ts';
import { mailEn } from './mail-en.ts';
import { type Lang, type ParamsOf, type TranslateIn, translateWith } from './translate.ts';

export type { Lang } from './translate.ts';

type MailTexts = typeof mailDa;
export type MailKey = keyof MailTexts;
export type MailTranslate = TranslateIn<MailTexts>;

const TRANSLATORS: Record<Lang, MailTranslate> = {
  da: translateWith<MailTexts>((key) => mailDa[key]),
  en: translateWith<MailTexts>((key) => mailEn[key]),
};

/** The translation function for one language. */
export function translator(lang: Lang): MailTranslate {
  return TRANSLATORS[lang];
}

/** One-off lookup: `t('da', 'mail.footer')`. */
export function t<K extends MailKey>(lang: Lang, key: K, ...params: ParamsOf<MailTexts, K>): string {
  return TRANSLATORS[lang](key, ...params);
}
