/**
 * The page frame: Det Fælles Designsystem (dkfds) styles, a skip link, a header with the
 * signed-in person, and a main landmark. Works without JavaScript.
 */

import { USER_ROLE_LIST } from '#domain/lists.ts';
import { html, type Raw, raw } from './html.ts';
import { type Lang, t, translator } from './i18n/index.ts';
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

// Inserted with raw(): CSS is not HTML, so HTML-escaping would break it (content:'' for the timeline dots).
const STYLE = `
body{background:#fff}
.kk-header{background:#0b2a4a;color:#fff;padding:12px 0}
.kk-header a{color:#fff}
.kk-header .container{display:flex;flex-wrap:wrap;align-items:center;gap:8px 24px}
.kk-header .kk-brand{font-size:1.4rem;font-weight:600;text-decoration:none;margin-right:auto}
.kk-header nav{flex-basis:100%;order:3;display:flex;flex-wrap:wrap;gap:4px 16px}
.kk-tools{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;font-size:1rem}
.kk-user{font-size:1rem}
.kk-user strong{font-weight:600}
.kk-logout{background:none;border:1px solid #fff;color:#fff;border-radius:4px;padding:2px 10px;cursor:pointer;font-size:1rem}
.kk-main{padding:24px 0 48px}
.kk-main .container{overflow-wrap:anywhere}
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
.kk-counter{display:block;color:#555;font-size:.9rem;margin-top:4px}
.kk-counter.kk-over{color:#b00020;font-weight:600}
.kk-scroll{overflow-x:auto;max-width:100%;background:linear-gradient(to right,#fff 30%,rgba(255,255,255,0)) left/40px 100% no-repeat local,linear-gradient(to left,#fff 30%,rgba(255,255,255,0)) right/40px 100% no-repeat local,radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.25),transparent) left/14px 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.25),transparent) right/14px 100% no-repeat scroll}
.kk-scroll:focus{outline:2px solid #0059b3}
.kk-scroll-cue{display:none;color:#555;font-size:.9rem}
.kk-main table{max-width:100%}
.kk-main td,.kk-main th{overflow-wrap:anywhere}
@media (max-width:767px){
  .kk-scroll-cue{display:block}
  table.kk-stack,table.kk-stack tbody,table.kk-stack tr,table.kk-stack td{display:block;width:100%}
  table.kk-stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.kk-stack tr{border-bottom:2px solid #ccc;padding:8px 0}
  table.kk-stack td{border:0;padding:2px 0}
  table.kk-stack td[data-label]:before{content:attr(data-label);display:block;font-weight:600;font-size:.85rem;color:#333}
}
@media print{.kk-header nav,.kk-tools,.kk-actions{display:none}}
`;

/** What the frame needs to know about the request: language, who is signed in, where we are. */
export interface PageContext {
  lang?: Lang;
  user?: PageUser;
  csrf?: string;
  /** The current path and query, for the language switch (it links to the same page). */
  path?: string;
  query?: URLSearchParams;
}

export function layout(args: { title: string; body: Raw } & PageContext): Raw {
  const { title, user, body, csrf } = args;
  const lang = args.lang ?? 'da';
  const other: Lang = lang === 'da' ? 'en' : 'da';
  const tr = translator(lang);
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Kræftkapacitet</title>
<link rel="stylesheet" href="/static/css/dkfds.min.css">
<style>${raw(STYLE)}</style>
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
      <a href="/indberet">${tr('nav.report')}</a>
      <a href="/problemer">${tr('nav.problems')}</a>
      <a href="/ventetider">${tr('nav.waitingTimes')}</a>
      <a href="/find-kapacitet">${tr('nav.finder')}</a>
      <a href="/kontakter">${tr('nav.contacts')}</a>
      <a href="/netvaerk">${tr('nav.networks')}</a>
      <a href="/kvartalsstatus">${tr('nav.quarterly')}</a>
      <a href="/overvaagning">${tr('nav.monitoring')}</a>
    </nav>
  </div>
</header>
<main id="indhold" class="kk-main">
  <div class="container">
${body}
  </div>
</main>
<script src="/skript/felter.js" defer></script>
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
