/** Local-only pages: the mail outbox and the demo users (not part of the Lambda in AWS). */

import { config } from '../functions/adapters/config.ts';
import { listOutboxPage } from '../functions/adapters/store.ts';
import { formatDateTime } from '../functions/domain/time.ts';
import { assertSameSite } from '../functions/http/identity.ts';
import { page } from '../functions/http/page-context.ts';
import { jsonResponse } from '../functions/http/respond.ts';
import { HttpError, type HttpResult, type Request } from '../functions/http/types.ts';
import { cronLine, jobRegistry } from '../functions/jobs/registry.ts';
import { createSignInToken } from '../functions/services/auth.ts';
import { html, type Raw } from '../functions/web/html.ts';
import { type Lang, translator } from '../functions/web/i18n/index.ts';
import { phrase } from '../functions/web/i18n/phrase.ts';
import { notice, roleLabel } from '../functions/web/layout.ts';
import { runJob as runLocalJob } from './jobs.ts';
import { demoToken, demoUsers } from './seed.ts';

/** Messages per page unless `?limit=` says otherwise; as many as the page showed before paging. */
const OUTBOX_PAGE = 2000;

function outboxQuery(query: URLSearchParams) {
  const limitParam = query.get('limit');
  const limit = limitParam === null ? OUTBOX_PAGE : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > OUTBOX_PAGE)
    throw new HttpError(400, phrase('error.local.limit', { max: OUTBOX_PAGE }));
  const cursor = query.get('cursor') || undefined;
  let after: string | undefined;
  if (cursor) {
    after = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[\w-]{1,100}$/.test(after))
      throw new HttpError(400, phrase('error.local.cursor'));
  }
  return {
    limit,
    after,
    problemId: query.get('problem') || undefined,
    to: query.get('to')?.toLowerCase() || undefined,
  };
}

/** `/local/outbox?problem=&to=&limit=&cursor=`: newest first, page by page; JSON carries `next`. */
export async function outboxPage(req: Request): Promise<HttpResult> {
  const options = outboxQuery(req.query);
  const found = await listOutboxPage(options);
  const messages = found.messages;
  const next = found.next ? Buffer.from(found.next, 'utf8').toString('base64url') : undefined;
  if (req.wantsJson) return jsonResponse({ count: messages.length, messages, ...(next ? { next } : {}) });
  const tr = translator(req.lang);
  const nextQuery = new URLSearchParams(req.query);
  if (next) nextQuery.set('cursor', next);
  const body = html`<h1>${tr('local.outbox.title')}</h1>
<p>${tr('local.outbox.lead')} <code>?problem=ID</code>, <code>?to=</code>, <code>?limit=</code>, <code>?cursor=</code>; JSON: <code>Accept: application/json</code>.</p>
<p>${next ? tr('local.outbox.countOnPage', { count: messages.length }) : tr('local.outbox.count', { count: messages.length })}</p>
${messages.map(
  (
    m,
  ) => html`<article class="kk-mail" data-to="${m.to.join(',')}" data-problem="${m.problemId ?? ''}" data-level="${m.level ?? ''}">
  <h2 class="h4">${m.subject}</h2>
  <p><strong>${tr('local.outbox.to')}</strong> ${m.to.join(', ')} · <strong>${tr('local.outbox.sent')}</strong> ${formatDateTime(m.sentAt, req.lang)}${m.level ? ` · ${tr('local.outbox.level', { level: m.level })}` : ''}${m.problemId ? html` · <a href="/problemer/${m.problemId}">${tr('local.outbox.problem')}</a>` : ''}</p>
  <pre>${linkify(m.text)}</pre>
</article>`,
)}
${next ? html`<p><a href="/local/outbox?${nextQuery.toString()}">${tr('local.outbox.next')}</a></p>` : ''}`;
  return page(req, tr('local.outbox.title'), body);
}

function linkify(text: string) {
  const base = config().BASE_URL;
  const parts = text.split(/(https?:\/\/\S+)/g);
  return parts.map((p) =>
    p.startsWith('http') && p.startsWith(base) ? html`<a href="${p.slice(base.length)}">${p}</a>` : p,
  );
}

export async function demoUsersPage(req: Request): Promise<HttpResult> {
  const base = config().BASE_URL;
  const users = await Promise.all(
    demoUsers().map(async (u) => {
      const token = await createSignInToken(u.email, '/');
      return {
        ...u,
        signInUrl: token ? `${base}/log-ind/link/${token}` : undefined,
        apiToken: await demoToken(u.email),
      };
    }),
  );
  if (req.wantsJson) return jsonResponse({ users });
  const tr = translator(req.lang);
  const col = {
    name: tr('local.users.name'),
    role: tr('local.users.role'),
    place: tr('local.users.place'),
    signIn: tr('local.users.signIn'),
    token: tr('local.users.token'),
  };
  const body = html`<h1>${tr('local.users.title')}</h1>
<p>${tr('local.users.lead')} <code>Authorization: Bearer …</code>.</p>
<table class="table table--compact kk-stack">
<thead><tr><th scope="col">${col.name}</th><th scope="col">${col.role}</th><th scope="col">${col.place}</th><th scope="col">${col.signIn}</th><th scope="col">${col.token}</th></tr></thead>
<tbody>${users.map(
    (u) =>
      html`<tr data-email="${u.email}"><td data-label="${col.name}">${u.name}<br><span class="kk-muted">${u.email}</span></td><td data-label="${col.role}">${roleLabel(u.role, req.lang)}</td><td data-label="${col.place}">${u.department ?? u.hospital ?? u.region ?? ''}${u.cancerTypes.length ? ` (${u.cancerTypes.join(', ')})` : ''}</td><td data-label="${col.signIn}">${u.signInUrl ? html`<a href="${u.signInUrl.slice(base.length)}">${tr('local.users.signInAs', { name: u.name })}</a>` : ''}</td><td data-label="${col.token}"><code>${u.apiToken ?? ''}</code></td></tr>`,
  )}</tbody></table>`;
  return page(req, tr('local.users.title'), body);
}

/** A job's name for people: the Danish label, or the registry's English description. */
function jobName(job: { label: string; description: string }, lang: Lang): string {
  return lang === 'en' ? job.description : job.label;
}

export async function jobsPage(req: Request): Promise<HttpResult> {
  const jobs = jobRegistry().map(({ id, label, description, schedule }) => ({
    id,
    label,
    description,
    cron: cronLine(schedule),
  }));
  if (req.wantsJson) return jsonResponse({ jobs: jobs.map(({ description: _, ...j }) => j) });
  const tr = translator(req.lang);
  const col = { job: tr('local.jobs.job'), cron: tr('local.jobs.cron'), run: tr('local.jobs.run') };
  const body = html`<h1>${tr('local.jobs.title')}</h1>
<p>${tr('local.jobs.lead')} <a href="/local/outbox">${tr('local.jobs.outbox')}</a>. <code>curl -X POST ${config().BASE_URL}/local/jobs/&lt;id&gt;</code></p>
<table class="table kk-stack"><thead><tr><th scope="col">${col.job}</th><th scope="col">${col.cron}</th><th scope="col"><span class="sr-only">${col.run}</span></th></tr></thead>
<tbody>${jobs.map((j) => html`<tr><td data-label="${col.job}">${jobName(j, req.lang)}<br><code>${j.id}</code></td><td data-label="${col.cron}"><code>${j.cron}</code></td><td><form method="post" action="/local/jobs/${j.id}"><button class="button button-secondary" type="submit">${col.run}<span class="sr-only">: ${jobName(j, req.lang)}</span></button></form></td></tr>`)}</tbody></table>`;
  return page(req, tr('local.jobs.title'), body);
}

/** "sentCount" → "sent count": a result field's name, readable. */
function fieldName(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
}

/**
 * A job's result for people: objects as labelled rows, lists as lists, nothing as "nothing to
 * report" – the JSON itself stays one click away.
 */
export function resultView(value: unknown, lang: Lang): Raw {
  const tr = translator(lang);
  if (value === null || value === undefined) return html`<p>${tr('local.jobs.nothing')}</p>`;
  if (Array.isArray(value)) {
    if (value.length === 0) return html`<p>${tr('local.jobs.none')}</p>`;
    return html`<ul>${value.map((v) => html`<li>${resultView(v, lang)}</li>`)}</ul>`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return html`<p>${tr('local.jobs.nothing')}</p>`;
    return html`<dl class="kk-result">${entries.map(([k, v]) => html`<dt>${fieldName(k)}</dt><dd>${resultView(v, lang)}</dd>`)}</dl>`;
  }
  if (typeof value === 'boolean') return html`${value ? tr('local.jobs.yes') : tr('local.jobs.no')}`;
  return html`${String(value)}`;
}

export async function runJob(req: Request): Promise<HttpResult> {
  const tr = translator(req.lang);
  // Local only and open like the list (run by curl and the tests); never from another website's form.
  assertSameSite(req, phrase('local.jobs.ownSite'));
  const id = req.params.id ?? '';
  const job = jobRegistry().find((j) => j.id === id);
  if (!job)
    return req.wantsJson
      ? jsonResponse({ error: 'Ukendt job.' }, 404)
      : page(req, tr('local.jobs.unknown'), html`<h1>${tr('local.jobs.unknown')}</h1>`, 404);
  const result = await runLocalJob(job);
  if (req.wantsJson) return jsonResponse({ job: id, result: result ?? null });
  const body = html`<h1>${jobName(job, req.lang)}</h1>${notice('success', tr('local.jobs.done'))}
<h2>${tr('local.jobs.result')}</h2>
${resultView(result, req.lang)}
<details><summary>${tr('local.jobs.json')}</summary><pre>${JSON.stringify(result ?? null, null, 2)}</pre></details>
<p><a href="/local/jobs">${tr('local.jobs.back')}</a> · <a href="/local/outbox">${tr('local.jobs.outbox')}</a></p>`;
  return page(req, jobName(job, req.lang), body);
}
