/** Sign-in pages: ask for an e-mail address, then confirm the link with a button (GET never signs in). */
import { html, type Raw } from '../html.ts';
import { errorSummary } from '../layout.ts';

export function signInPage(args: { next?: string; error?: string; sent?: boolean }): Raw {
  if (args.sent) {
    return html`<h1>Tjek din e-mail</h1><p>Hvis adressen er kendt i Kræftkapacitet, har vi sendt et login-link. Det virker i 30 minutter.</p>`;
  }
  return html`<h1>Log ind</h1>
<p>Kræftkapacitet bruger login-links: skriv din arbejdsmail, så sender vi et link, der logger dig ind.</p>
${args.error ? errorSummary({ email: args.error }) : ''}
<form method="post" action="/log-ind" novalidate>
  <input type="hidden" name="next" value="${args.next ?? ''}">
  <div class="form-group${args.error ? ' form-error' : ''}"><label class="form-label" for="email">E-mail</label>
  <input class="form-input" type="email" id="email" name="email" autocomplete="email"></div>
  <button class="button button-primary" type="submit">Send login-link</button>
</form>`;
}

export function confirmSignInPage(args: { token: string; name: string }): Raw {
  return html`<h1>Log ind</h1>
<p>Du logger ind som <strong>${args.name}</strong>.</p>
<form method="post" action="/log-ind/link/${args.token}">
  <button class="button button-primary" type="submit">Log ind</button>
</form>`;
}
