/**
 * The page frame: Det Fælles Designsystem (dkfds) styles, a skip link, a header with the
 * signed-in person, and a main landmark. Works without JavaScript.
 */
import { USER_ROLE_LIST } from '#domain/lists.ts';
import { html, type Raw } from './html.ts';

export interface PageUser {
  name: string;
  role: string;
}

export const ROLE_LABELS: Record<string, string> = USER_ROLE_LIST.labels('da');

const STYLE = `
body{background:#fff}
.kk-header{background:#0b2a4a;color:#fff;padding:12px 0}
.kk-header a{color:#fff}
.kk-header .kk-brand{font-size:1.4rem;font-weight:600;text-decoration:none}
.kk-header nav a{margin-right:16px}
.kk-user{float:right;font-size:.9rem}
.kk-logout{background:none;border:1px solid #fff;color:#fff;border-radius:4px;padding:2px 10px;margin-left:8px;cursor:pointer}
.kk-main{padding:24px 0 48px}
.kk-timeline{list-style:none;padding-left:0;border-left:3px solid #0059b3;margin-left:8px}
.kk-timeline li{padding:4px 0 12px 16px;position:relative}
.kk-timeline li:before{content:'';width:11px;height:11px;border-radius:50%;background:#0059b3;position:absolute;left:-7px;top:10px}
.kk-timeline time{display:block;color:#555;font-size:.85rem}
.kk-badge{display:inline-block;padding:2px 8px;border-radius:12px;font-size:.85rem;background:#e6eef7;color:#0b2a4a}
.kk-badge.resolved{background:#dff0d8;color:#2b542c}
.kk-badge.level-3,.kk-badge.level-4{background:#fde2e1;color:#8a1f11}
.kk-skip{position:absolute;left:-9999px}.kk-skip:focus{left:8px;top:8px;background:#fff;color:#000;padding:8px;z-index:10}
.kk-actions form{margin-bottom:24px;padding:16px;border:1px solid #ccc;border-radius:4px}
.kk-mail{border:1px solid #ccc;border-radius:4px;padding:12px;margin-bottom:16px}
.kk-mail pre{white-space:pre-wrap;font-family:inherit}
@media print{.kk-header nav,.kk-user,.kk-actions{display:none}}
`;

export function layout(args: { title: string; user?: PageUser; body: Raw; csrf?: string }): Raw {
  const { title, user, body, csrf } = args;
  return html`<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Kræftkapacitet</title>
<link rel="stylesheet" href="/static/css/dkfds.min.css">
<style>${STYLE}</style>
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
