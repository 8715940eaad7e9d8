/** Local-only pages: the mail outbox and the demo users (not part of the Lambda in AWS). */

import { config } from '../functions/adapters/config.ts';
import { listOutboxPage } from '../functions/adapters/store.ts';
import { formatDateTime } from '../functions/domain/time.ts';
import { htmlResponse, jsonResponse } from '../functions/http/respond.ts';
import { HttpError, type HttpResult } from '../functions/http/types.ts';
import { cronLine, jobRegistry } from '../functions/jobs/registry.ts';
import { createSignInToken } from '../functions/services/auth.ts';
import { html } from '../functions/web/html.ts';
import { layout, notice, roleLabel } from '../functions/web/layout.ts';
import { runJob as runLocalJob } from './jobs.ts';
import { demoToken, demoUsers } from './seed.ts';

/** Messages per page unless `?limit=` says otherwise; as many as the page showed before paging. */
const OUTBOX_PAGE = 2000;

function outboxQuery(query: URLSearchParams) {
  const limitParam = query.get('limit');
  const limit = limitParam === null ? OUTBOX_PAGE : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > OUTBOX_PAGE)
    throw new HttpError(400, `limit skal være et helt tal fra 1 til ${OUTBOX_PAGE}.`);
  const cursor = query.get('cursor') || undefined;
  let after: string | undefined;
  if (cursor) {
    after = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[\w-]{1,100}$/.test(after))
      throw new HttpError(400, 'Ugyldig cursor – brug værdien fra forrige side.');
  }
  return {
    limit,
    after,
    problemId: query.get('problem') || undefined,
    to: query.get('to')?.toLowerCase() || undefined,
  };
}

/** `/local/outbox?problem=&to=&limit=&cursor=`: newest first, page by page; JSON carries `next`. */
export async function outboxPage(query: URLSearchParams, wantsJson: boolean): Promise<HttpResult> {
  const options = outboxQuery(query);
  const page = await listOutboxPage(options);
  const messages = page.messages;
  const next = page.next ? Buffer.from(page.next, 'utf8').toString('base64url') : undefined;
  if (wantsJson) return jsonResponse({ count: messages.length, messages, ...(next ? { next } : {}) });
  const nextQuery = new URLSearchParams(query);
  if (next) nextQuery.set('cursor', next);
  const body = html`<h1>Lokal udbakke</h1>
<p>Alle e-mails, som systemet har sendt lokalt (nyeste først). Filtrér med <code>?problem=ID</code> eller <code>?to=adresse</code>; bladr med <code>?limit=</code> og <code>?cursor=</code>. JSON: send <code>Accept: application/json</code> (feltet <code>next</code> er næste sides cursor).</p>
<p>${messages.length} e-mails${next ? ' på denne side' : ''}.</p>
${messages.map(
  (
    m,
  ) => html`<article class="kk-mail" data-to="${m.to.join(',')}" data-problem="${m.problemId ?? ''}" data-level="${m.level ?? ''}">
  <h2 class="h4">${m.subject}</h2>
  <p><strong>Til:</strong> ${m.to.join(', ')} · <strong>Sendt:</strong> ${formatDateTime(m.sentAt)}${m.level ? ` · niveau ${m.level}` : ''}${m.problemId ? html` · <a href="/problemer/${m.problemId}">sag</a>` : ''}</p>
  <pre>${linkify(m.text)}</pre>
</article>`,
)}
${next ? html`<p><a href="/local/outbox?${nextQuery.toString()}">Næste side</a></p>` : ''}`;
  return htmlResponse(layout({ title: 'Lokal udbakke', body }));
}

function linkify(text: string) {
  const base = config().BASE_URL;
  const parts = text.split(/(https?:\/\/\S+)/g);
  return parts.map((p) =>
    p.startsWith('http') && p.startsWith(base) ? html`<a href="${p.slice(base.length)}">${p}</a>` : p,
  );
}

export async function demoUsersPage(wantsJson: boolean): Promise<HttpResult> {
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
  if (wantsJson) return jsonResponse({ users });
  const body = html`<h1>Demo-brugere</h1>
<p>Lokalt kan du handle som enhver demo-bruger: følg login-linket (gyldigt én gang i 30 minutter; genindlæs siden for nye), eller brug API-tokenet som <code>Authorization: Bearer …</code>.</p>
<table class="table table--compact">
<thead><tr><th scope="col">Navn</th><th scope="col">Rolle</th><th scope="col">Tilknytning</th><th scope="col">Log ind</th><th scope="col">API-token</th></tr></thead>
<tbody>${users.map(
    (u) =>
      html`<tr data-email="${u.email}"><td>${u.name}<br><small>${u.email}</small></td><td>${roleLabel(u.role)}</td><td>${u.department ?? u.hospital ?? u.region ?? ''}${u.cancerTypes.length ? ` (${u.cancerTypes.join(', ')})` : ''}</td><td>${u.signInUrl ? html`<a href="${u.signInUrl.slice(base.length)}">Log ind som ${u.name}</a>` : ''}</td><td><code>${u.apiToken ?? ''}</code></td></tr>`,
  )}</tbody></table>`;
  return htmlResponse(layout({ title: 'Demo-brugere', body }));
}

export async function jobsPage(wantsJson: boolean): Promise<HttpResult> {
  const jobs = jobRegistry().map(({ id, label, schedule }) => ({ id, label, cron: cronLine(schedule) }));
  if (wantsJson) return jsonResponse({ jobs });
  const body = html`<h1>Planlagte job</h1>
<p>Jobbene kører automatisk efter deres tidsplan (Europe/Copenhagen), som i AWS. Her kan du køre et job nu; resultatet (fx e-mails) ses i <a href="/local/outbox">udbakken</a>. Fra en terminal: <code>curl -X POST ${config().BASE_URL}/local/jobs/&lt;id&gt;</code>.</p>
<table class="table"><thead><tr><th scope="col">Job</th><th scope="col">Tidsplan (cron)</th><th scope="col"></th></tr></thead>
<tbody>${jobs.map((j) => html`<tr><td>${j.label}<br><code>${j.id}</code></td><td><code>${j.cron}</code></td><td><form method="post" action="/local/jobs/${j.id}"><button class="button button-secondary" type="submit">Kør nu</button></form></td></tr>`)}</tbody></table>`;
  return htmlResponse(layout({ title: 'Planlagte job', body }));
}

export async function runJob(id: string, wantsJson: boolean): Promise<HttpResult> {
  const job = jobRegistry().find((j) => j.id === id);
  if (!job)
    return wantsJson
      ? jsonResponse({ error: 'Ukendt job.' }, 404)
      : htmlResponse(layout({ title: 'Ukendt job', body: html`<h1>Ukendt job</h1>` }), 404);
  const result = await runLocalJob(job);
  if (wantsJson) return jsonResponse({ job: id, result: result ?? null });
  const body = html`<h1>${job.label}</h1>${notice('success', 'Jobbet er kørt.')}<pre>${JSON.stringify(result ?? null, null, 2)}</pre><p><a href="/local/jobs">Tilbage til job</a> · <a href="/local/outbox">Udbakke</a></p>`;
  return htmlResponse(layout({ title: job.label, body }));
}
