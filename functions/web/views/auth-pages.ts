/** Sign-in pages: ask for an e-mail address, then confirm the link with a button (GET never signs in). */

import { EMAIL_MAX } from '#domain/problem.ts';
import { html, type Raw } from '../html.ts';
import { type Lang, tHtml, translator } from '../i18n/index.ts';
import { errorSummary } from '../layout.ts';

export function signInPage(args: { next?: string; error?: string; sent?: boolean; lang?: Lang }): Raw {
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  if (args.sent) {
    return html`<h1>${tr('signIn.checkMail')}</h1><p>${tr('signIn.sent')}</p>`;
  }
  return html`<h1>${tr('signIn.title')}</h1>
<p>${tr('signIn.intro')}</p>
${args.error ? errorSummary({ email: args.error }, lang) : ''}
<form method="post" action="/log-ind" novalidate>
  <input type="hidden" name="next" value="${args.next ?? ''}">
  <div class="form-group${args.error ? ' form-error' : ''}"><label class="form-label" for="email">${tr('signIn.email')}</label>
  <input class="form-input" type="email" id="email" name="email" autocomplete="email" maxlength="${EMAIL_MAX}"></div>
  <button class="button button-primary" type="submit">${tr('signIn.send')}</button>
</form>`;
}

export function confirmSignInPage(args: { token: string; name: string; lang?: Lang }): Raw {
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  return html`<h1>${tr('signIn.title')}</h1>
<p>${tHtml(lang, 'signIn.confirmAs', { name: html`<strong>${args.name}</strong>` })}</p>
<form method="post" action="/log-ind/link/${args.token}">
  <button class="button button-primary" type="submit">${tr('signIn.title')}</button>
</form>`;
}
