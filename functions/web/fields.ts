/**
 * Form-field pieces shared by the views: a field's error message, and the visible limit of a
 * free-text field. The limit is shown three ways: `maxlength` (the browser stops typing at the
 * limit), a counter (updated live by static/felter.js), and the server's clear error for longer
 * text from clients without the attribute (the API). A browser cuts pasted text at `maxlength`
 * without a word, so the script says so when that happens: nothing is ever cut silently.
 */
import { html, type Raw } from './html.ts';
import { type Lang, t } from './i18n/index.ts';

export function fieldError(errors: Record<string, string>, field: string, lang: Lang = 'da'): Raw {
  return errors[field]
    ? html`<span class="form-error-message" id="${field}-fejl"><span class="sr-only">${t(lang, 'form.errorPrefix')} </span>${errors[field]}</span>`
    : html``;
}

/** `aria-describedby` and `data-limit` for a limited field, and the counter to place after it. */
export function limited(
  field: string,
  max: number,
  value: string,
  lang: Lang = 'da',
  describedBy: string[] = [],
): { attrs: Raw; counter: Raw } {
  const used = [...value].length;
  const counterId = `${field}-taeller`;
  return {
    attrs: html`maxlength="${max}" data-limit="${max}" aria-describedby="${[...describedBy, counterId].join(' ')}"`,
    counter: html`<span class="kk-counter${used > max ? ' kk-over' : ''}" id="${counterId}" data-used-text="${t(lang, 'form.charCount', { used: '{used}', max })}" data-cut-text="${t(lang, 'form.pasteCut', { max })}">${t(lang, 'form.charCount', { used, max })}</span>`,
  };
}
