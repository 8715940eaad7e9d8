/** Front page, health check and sign-in. */

import { config } from '#adapters/config.ts';
import { readiness } from '#adapters/readiness.ts';
import { containsCprNumber } from '#domain/cpr.ts';
import { html } from '#web/html.ts';
import { t, translator } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { confirmSignInPage, signInPage } from '#web/views/auth-pages.ts';
import {
  createSignInToken,
  endSession,
  getUser,
  peekSignInToken,
  redeemSignInToken,
} from '../../services/auth.ts';
import { asString, parseForm } from '../forms.ts';
import { assertSameSite, checkCsrf, clearSessionCookie, sessionCookie } from '../identity.ts';
import { closedPaths, page } from '../page-context.ts';
import { jsonResponse, redirect } from '../respond.ts';
import { HttpError, type Request, type RouteHandler, type RouteHandlers } from '../types.ts';

/** Only same-site paths may follow a sign-in (no open redirect); it is stored with the link, so never a CPR number. */
function safeNext(next: string | undefined): string {
  return next && /^\/[A-Za-z0-9/_-]{0,200}$/.test(next) && !next.startsWith('//') && !containsCprNumber(next)
    ? next
    : '/';
}

async function home(req: Request) {
  const tr = translator(req.lang);
  // Only what the signed-in person may open: no link that ends in "you do not have access".
  const open = (path: string) => !closedPaths(req.actor).includes(path);
  const body = html`<h1>Kræftkapacitet</h1>
<p class="font-lead">${tr('home.lead')}</p>
<ul>
  ${open('/indberet') ? html`<li><a href="/indberet">${tr('home.report')}</a></li>` : ''}
  <li><a href="/problemer">${tr('home.problems')}</a></li>
  <li>${open('/ugerapport') ? html`<a href="/ugerapport">${tr('home.weeklyReport')}</a> · ` : ''}<a href="/ventetider">${tr('home.overview')}</a></li>
  <li><a href="/find-kapacitet">${tr('home.finder')}</a></li>
  <li><a href="/kontakter">${tr('home.contacts')}</a> ${tr('home.contactsNote')}</li>
  <li><a href="/netvaerk">${tr('home.networks')}</a>${open('/kvartalsstatus') ? html` · <a href="/kvartalsstatus">${tr('home.quarterly')}</a>` : ''}</li>
  <li><a href="/overvaagning">${tr('home.monitoring')}</a> ${tr('home.monitoringNote')}</li>
  <li><a href="/api/openapi.json">${tr('home.api')}</a></li>
</ul>
<p>${tr('home.noPatientData')}</p>`;
  return page(req, tr('home.title'), body);
}

async function showSignIn(req: Request) {
  return page(
    req,
    t(req.lang, 'signIn.title'),
    signInPage({ next: req.query.get('next') ?? undefined, lang: req.lang }),
  );
}

/**
 * What sending a sign-in link takes (the e-mail address schema, the mail and the mailer): imported
 * by the first request for a link, not with the front page.
 */
async function signInMail() {
  const [{ emailText }, { signInEmail }, { mailer }, { preferredLanguage }] = await Promise.all([
    import('#domain/schemas/problem.ts'),
    import('#web/emails.ts'),
    import('#adapters/mailer.ts'),
    import('../../services/contacts.ts'),
  ]);
  return { emailText, signInEmail, mailer, preferredLanguage };
}

async function requestSignIn(req: Request) {
  const { emailText, signInEmail, mailer, preferredLanguage } = await signInMail();
  const form = parseForm(req.body);
  const email = emailText('').safeParse(asString(form.email)?.toLowerCase());
  if (!email.success) {
    return page(
      req,
      t(req.lang, 'signIn.title'),
      signInPage({ error: t(req.lang, 'signIn.invalidEmail'), next: asString(form.next), lang: req.lang }),
      400,
    );
  }
  const token = await createSignInToken(email.data, safeNext(asString(form.next)));
  const user = token ? await getUser(email.data) : undefined;
  if (token && user) {
    // The contact's own language for its mail; without one, the language the request was made in.
    const lang = (await preferredLanguage(user.email)) ?? req.lang;
    const mail = signInEmail(user.name, `${config().BASE_URL}/log-ind/link/${token}`, lang);
    await mailer().send({ to: user.email, ...mail, purpose: 'sign-in' });
  }
  // The same answer whether or not the address is known: no account enumeration.
  return page(req, t(req.lang, 'signIn.title'), signInPage({ sent: true, lang: req.lang }));
}

async function confirmSignIn(req: Request) {
  const token = req.params.token ?? '';
  const link = await peekSignInToken(token);
  const user = link ? await getUser(link.email) : undefined;
  if (!link || !user) throw new HttpError(404, phrase('signIn.linkInvalid'));
  return page(
    req,
    t(req.lang, 'signIn.title'),
    confirmSignInPage({ token, name: user.name, lang: req.lang }),
  );
}

async function completeSignIn(req: Request) {
  // From our own page only: no login CSRF with someone else's link.
  assertSameSite(req, phrase('signIn.ownSite'));
  const result = await redeemSignInToken(req.params.token ?? '');
  if (!result) throw new HttpError(404, phrase('signIn.linkInvalid'));
  const maxAge = Math.round((Date.parse(result.session.expiresAt) - Date.now()) / 1000);
  return redirect(safeNext(result.next), { cookies: [sessionCookie(result.sessionId, maxAge)] });
}

async function signOut(req: Request) {
  checkCsrf(req, parseForm(req.body).csrf);
  if (req.sessionId) await endSession(req.sessionId);
  return redirect('/', { cookies: [clearSessionCookie()] });
}

/** 200 once the process can serve every request; 503 with the reason while it starts. */
function health() {
  const { ready, reason } = readiness();
  if (ready) return jsonResponse({ status: 'ok' });
  return jsonResponse({ status: 'starting', reason }, 503, { headers: { 'retry-after': '1' } });
}

const healthCheck: RouteHandler = async () => health();

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const generalHandlers = {
  home,
  healthCheck,
  showSignIn,
  requestSignIn,
  confirmSignIn,
  completeSignIn,
  signOut,
} satisfies RouteHandlers;
