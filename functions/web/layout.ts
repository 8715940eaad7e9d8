/**
 * The page frame: Det Fælles Designsystem (dkfds) styles, a skip link, a header with the
 * signed-in person, and a main landmark. Works without JavaScript.
 */

import { USER_ROLE_LIST } from '#domain/lists.ts';
import { assetUrl, preloadedFonts } from './assets.ts';
import { html, type Raw } from './html.ts';
import { type Lang, type MessageKey, t, translator } from './i18n/index.ts';
import { switchUrl } from './i18n/language.ts';

export interface PageUser {
  name: string;
  role: string;
}

export const ROLE_LABELS: Record<string, string> = USER_ROLE_LIST.labels('da');

/** A user role's name in the page's language (the raw role when unknown). */
export function roleLabel(role: string, lang: Lang = 'da'): string {
  return USER_ROLE_LIST.has(role) ? USER_ROLE_LIST.label(role, lang) : role;
}

/**
 * The document head: one content-hashed stylesheet (DKFDS purged to what the pages use, plus the
 * app's own styles in static/app.css), the fonts of the first paint preloaded (`font-display:
 * optional` in the stylesheet, so nothing shifts), the favicon and a description of the page.
 */
function head(title: string, description: string): Raw {
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Kræftkapacitet</title>
<meta name="description" content="${description}">
${preloadedFonts().map((href) => html`<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin>`)}
<link rel="stylesheet" href="${assetUrl('app.css')}">
<link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
<link rel="icon" href="/favicon.ico" sizes="48x48">`;
}

/**
 * The counters' script (static/felter.js), only on a page with a limited field (fields.ts): the
 * other pages then load nothing they do not use.
 */
function fieldsScript(body: Raw): Raw {
  return body.value.includes('data-limit=')
    ? html`<script src="${assetUrl('felter.js')}" defer></script>`
    : html``;
}

/** What the frame needs to know about the request: language, who is signed in, where we are. */
export interface PageContext {
  lang?: Lang;
  user?: PageUser;
  csrf?: string;
  /** Menu pages the signed-in person may not open (left out of the menu). */
  closed?: string[];
  /** The current path and query, for the language switch (it links to the same page). */
  path?: string;
  query?: URLSearchParams;
}

const MENU = [
  ['/indberet', 'nav.report'],
  ['/problemer', 'nav.problems'],
  ['/ventetider', 'nav.waitingTimes'],
  ['/find-kapacitet', 'nav.finder'],
  ['/ferieplaner', 'nav.holiday'],
  ['/kapacitetstjek', 'nav.capacityCheck'],
  ['/kontakter', 'nav.contacts'],
  ['/netvaerk', 'nav.networks'],
  ['/kvartalsstatus', 'nav.quarterly'],
  ['/overvaagning', 'nav.monitoring'],
  ['/stamdata', 'reference.title'],
] as const satisfies readonly (readonly [string, MessageKey])[];

export function layout(
  args: {
    title: string;
    /** The page's meta description; default: the title followed by what the site is for. */
    description?: string;
    body: Raw;
  } & PageContext,
): Raw {
  const { title, user, body, csrf } = args;
  const lang = args.lang ?? 'da';
  const other: Lang = lang === 'da' ? 'en' : 'da';
  const tr = translator(lang);
  return html`<!doctype html>
<html lang="${lang}">
<head>
${head(title, args.description ?? `${title}. ${tr('layout.siteDescription')}`)}
</head>
<body>
<a class="kk-skip" href="#indhold">${tr('layout.skip')}</a>
<header class="kk-header">
  <div class="container">
    <a class="kk-brand" href="/">${tr('layout.siteName')}</a>
    <div class="kk-tools">
      <a class="kk-lang" href="${switchUrl(args.path ?? '/', args.query ?? new URLSearchParams(), other)}" hreflang="${other}" lang="${other}"><span class="sr-only">${tr('layout.switchLabel')}: </span>${tr('layout.switchTo')}</a>
      ${
        user
          ? html`<div class="kk-user"><span class="sr-only">${tr('layout.signedInAs')} </span><strong>${user.name}</strong> (${roleLabel(user.role, lang)})
          <form method="post" action="/log-ud" style="display:inline"><input type="hidden" name="csrf" value="${csrf ?? ''}"><button class="kk-logout" type="submit">${tr('layout.signOut')}</button></form></div>`
          : html`<div class="kk-user"><a href="/log-ind">${tr('layout.signIn')}</a></div>`
      }
    </div>
    <nav aria-label="${tr('layout.mainMenu')}">
      ${MENU.filter(([path]) => !(args.closed ?? ['/stamdata']).includes(path)).map(([path, key]) => html`<a href="${path}">${tr(key)}</a>`)}
    </nav>
  </div>
</header>
<main id="indhold" class="kk-main">
  <div class="container">
${body}
  </div>
</main>
${fieldsScript(body)}
</body>
</html>`;
}

/** A wide table in a scroll container with a visible cue, for tables that cannot stack on a phone. */
export function scrollTable(label: string, table: Raw, lang: Lang = 'da'): Raw {
  return html`<p class="kk-scroll-cue" aria-hidden="true">${t(lang, 'layout.scrollCue')}</p><div class="kk-scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
}

export function errorSummary(errors: Record<string, string>, lang: Lang = 'da'): Raw {
  const entries = Object.entries(errors);
  if (entries.length === 0) return html``;
  return html`<div class="alert alert-error" role="alert" aria-atomic="true" id="fejl">
  <div class="alert-body">
    <p class="alert-heading">${entries.length === 1 ? t(lang, 'form.errorSummary.one') : t(lang, 'form.errorSummary.many', { count: entries.length })}</p>
    <ul class="alert-text">${entries.map(([field, message]) => html`<li><a href="#${field}">${message}</a></li>`)}</ul>
  </div>
</div>`;
}

export function notice(kind: 'success' | 'info' | 'warning' | 'error', heading: string, text?: string): Raw {
  return html`<div class="alert alert-${kind}" role="${kind === 'error' ? 'alert' : 'status'}"><div class="alert-body"><p class="alert-heading">${heading}</p>${text ? html`<p class="alert-text">${text}</p>` : ''}</div></div>`;
}
