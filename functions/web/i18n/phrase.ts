/**
 * A text named but not yet worded: its catalogue key and values. What is read later, by someone
 * whose language is not known where it is made (an error thrown by a service and answered to a
 * request, an entry stored for a page), carries a phrase and is worded in the reader's language
 * where it is shown (`phraseText` in index.ts, `storedPhraseText` in ../stored-phrase.ts).
 * This module holds no texts (the catalogues are imported as types only), so a service or a job
 * can name a page text without carrying the page catalogue in its bundle.
 */
import type { da } from './da.ts';
import type { mailDa } from './mail-da.ts';
import type { ParamsOf } from './translate.ts';

type Texts = typeof da & typeof mailDa;
export type PhraseKey = keyof Texts;

export interface Phrase {
  key: PhraseKey;
  params?: Record<string, string | number>;
}

/** `phrase('problem.notFound')`, `phrase('error.check.notYourDepartment', { department })`: checked like `t`. */
export function phrase<K extends PhraseKey>(key: K, ...params: ParamsOf<Texts, K>): Phrase {
  const values = params[0] as Record<string, string | number> | undefined;
  return values ? { key, params: values } : { key };
}
