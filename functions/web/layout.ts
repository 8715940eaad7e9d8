/**
 * The page frame: Det Fælles Designsystem (dkfds) styles, a skip link, a header with the
 * signed-in person, and a main landmark. Works without JavaScript.
 */
import { USER_ROLE_LIST } from '#domain/lists.ts';
import { assetUrl, preloadedFonts } from './assets.ts';
import { html, type Raw } from './html.ts';

export interface PageUser {
  name: string;
  role: string;
}

export const ROLE_LABELS: Record<string, string> = USER_ROLE_LIST.labels('da');

const SITE_DESCRIPTION =
  'Regionernes fælles værktøj til kapacitet i kræftbehandlingen: indberet kapacitetsproblemer, følg eskaleringen, ventetider og kontakter.';

/**
 * The document head: one content-hashed stylesheet (DKFDS purged to what the pages use, plus the
 * app's own styles), the fonts of the first paint preloaded (`font-display: optional` in the
 * stylesheet, so nothing shifts), the favicon and a description of the page.
 */
function head(title: string, description: string | undefined): Raw {
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Kræftkapacitet</title>
<meta name="description" content="${description ?? `${title}. ${SITE_DESCRIPTION}`}">
${preloadedFonts().map((href) => html`<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin>`)}
<link rel="stylesheet" href="${assetUrl('app.css')}">
<link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
<link rel="icon" href="/favicon.ico" sizes="48x48">`;
}

export function layout(args: {
  title: string;
  /** The page's meta description; default: the title followed by what the site is for. */
  description?: string;
  user?: PageUser;
  body: Raw;
  csrf?: string;
}): Raw {
  const { title, user, body, csrf } = args;
  return html`<!doctype html>
<html lang="da">
<head>
${head(title, args.description)}
</head>
<body>
<a class="kk-skip" href="#indhold">Gå til indhold</a>
<header class="kk-header">
  <div class="container">
    ${
      user
        ? html`<div class="kk-user">${user.name} (${ROLE_LABELS[user.role] ?? user.role})
          <form method="post" action="/log-ud" style="display:inline"><input type="hidden" name="csrf" value="${csrf ?? ''}"><button class="kk-logout" type="submit">Log ud</button></form></div>`
        : html`<div class="kk-user"><a href="/log-ind">Log ind</a></div>`
    }
    <a class="kk-brand" href="/">Kræftkapacitet</a>
    <nav aria-label="Hovedmenu">
      <a href="/indberet">Indberet kapacitetsproblem</a>
      <a href="/problemer">Sager</a>
      <a href="/ventetider">Ventetider</a>
      <a href="/find-kapacitet">Find kapacitet</a>
      <a href="/kontakter">Telefonliste</a>
      <a href="/netvaerk">Netværk</a>
      <a href="/kvartalsstatus">Kvartalsstatus</a>
    </nav>
  </div>
</header>
<main id="indhold" class="kk-main">
  <div class="container">
${body}
  </div>
</main>
</body>
</html>`;
}

export function errorSummary(errors: Record<string, string>): Raw {
  const entries = Object.entries(errors);
  if (entries.length === 0) return html``;
  return html`<div class="alert alert-error" role="alert" aria-atomic="true" id="fejl">
  <div class="alert-body">
    <p class="alert-heading">Der er ${entries.length === 1 ? 'en fejl' : `${entries.length} fejl`} i formularen</p>
    <ul class="alert-text">${entries.map(([field, message]) => html`<li><a href="#${field}">${message}</a></li>`)}</ul>
  </div>
</div>`;
}

export function notice(kind: 'success' | 'info' | 'warning' | 'error', heading: string, text?: string): Raw {
  return html`<div class="alert alert-${kind}" role="${kind === 'error' ? 'alert' : 'status'}"><div class="alert-body"><p class="alert-heading">${heading}</p>${text ? html`<p class="alert-text">${text}</p>` : ''}</div></div>`;
}
