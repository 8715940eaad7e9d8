import { randomUUID } from 'node:crypto';
/** The problem page (summary, timeline, everyone contacted), the receipt, the list, and the respond page. */
import type { StoredRecipient, TimelineEvent } from '#adapters/store.ts';
import { LEVEL_NAMES } from '#domain/ladder.ts';
import { WAIT_PATHWAY_LIST } from '#domain/lists.ts';
import { OFFER_NOTE_MAX, type Problem, RESOLVE_NOTE_MAX } from '#domain/problem.ts';
import { type Fact, reportFacts, stateFacts } from '#domain/problem-facts.ts';
import { cancerTypeName, findDepartment, regionName } from '#domain/reference.ts';
import { formatDateTime } from '#domain/time.ts';
import { limited } from '../fields.ts';
import { html, type Raw } from '../html.ts';
import { errorSummary, roleLabel } from '../layout.ts';

export function statusBadge(problem: Problem): Raw {
  if (problem.status === 'resolved') return html`<span class="kk-badge resolved">Løst</span>`;
  return html`<span class="kk-badge level-${problem.level}">Niveau ${problem.level}: ${LEVEL_NAMES[problem.level].da}</span>`;
}

/** The problem's facts (problem-facts.ts), with the status as a badge. */
export function summary(problem: Problem): Raw {
  const row = (f: Fact) =>
    f.id === 'status'
      ? html`<dt>${f.label.da}</dt><dd>${statusBadge(problem)}</dd>`
      : f.value.da === ''
        ? ''
        : html`<dt>${f.label.da}</dt><dd>${f.value.da}</dd>`;
  return html`<dl class="kk-summary">
  ${[...reportFacts(problem), ...stateFacts(problem)].map(row)}
</dl>`;
}

export function timelineList(timeline: TimelineEvent[]): Raw {
  return html`<ol class="kk-timeline" aria-label="Tidslinje">
  ${timeline.map((e) => html`<li data-kind="${e.kind}"><time datetime="${e.at}">${formatDateTime(e.at)}${e.level ? ` · niveau ${e.level}` : ''}</time>${e.text}</li>`)}
</ol>`;
}

export function recipientTable(recipients: StoredRecipient[]): Raw {
  if (recipients.length === 0) return html`<p>Ingen er kontaktet endnu.</p>`;
  return html`<table class="table table--compact">
  <caption class="sr-only">Kontaktede</caption>
  <thead><tr><th scope="col">Navn</th><th scope="col">Rolle</th><th scope="col">Niveau</th><th scope="col">Første kontakt</th><th scope="col">Status</th></tr></thead>
  <tbody>${recipients.map((r) => html`<tr><td>${r.name}<br><small>${r.email}</small></td><td>${roleLabel(r.role)}${r.kind === 'informed' ? ' (orienteret)' : ''}</td><td>${[...new Set(r.levels)].join(', ')}</td><td>${formatDateTime(r.firstNotifiedAt)}</td><td>${r.unreachable ? html`<strong>Kunne ikke nås</strong>` : 'Sendt'}</td></tr>`)}</tbody>
</table>`;
}

export function problemPage(args: {
  problem: Problem;
  timeline: TimelineEvent[];
  recipients: StoredRecipient[];
  actions?: Raw;
  flash?: Raw;
}): Raw {
  const { problem, timeline, recipients, actions, flash } = args;
  return html`<h1>Kapacitetsproblem ${problem.ref}</h1>
${flash ?? ''}
${summary(problem)}
${actions ?? ''}
<h2>Tidslinje</h2>
${timelineList(timeline)}
<h2>Kontaktede</h2>
${recipientTable(recipients)}`;
}

export function receiptPage(problem: Problem): Raw {
  return html`<div class="alert alert-success" role="status"><div class="alert-body">
  <p class="alert-heading">Tak – indberetningen er modtaget</p>
  <p class="alert-text">Reference: <strong id="reference">${problem.ref}</strong>. Sagen starter på niveau ${problem.entryLevel} (${LEVEL_NAMES[problem.entryLevel].da}), og de første e-mails er sendt.</p>
</div></div>
<h1>Kvittering</h1>
<p>Du har fået en kvittering på e-mail med et link, hvor du kan markere problemet som løst. Går der ${problem.entryLevel < 4 ? 'svarfristen' : 'en uge'} uden løsning, går sagen automatisk et trin op ad eskalationstrappen.</p>
${summary(problem)}
<p><a class="button button-primary" href="/problemer/${problem.id}">Se sagen og tidslinjen</a></p>`;
}

export function problemList(problems: Problem[]): Raw {
  return html`<h1>Kapacitetsproblemer</h1>
<p><a class="button button-primary" href="/indberet">Indberet kapacitetsproblem</a> <a href="/problemer.csv">Hent som CSV</a></p>
${
  problems.length === 0
    ? html`<p>Der er ingen indberetninger endnu.</p>`
    : html`<table class="table">
  <thead><tr><th scope="col">Reference</th><th scope="col">Kræftform</th><th scope="col">Afdeling</th><th scope="col">Patienter</th><th scope="col">Status</th><th scope="col">Indberettet</th></tr></thead>
  <tbody>${problems.map((p) => html`<tr><td><a href="/problemer/${p.id}">${p.ref}</a></td><td>${cancerTypeName(p.cancerType)}</td><td>${findDepartment(p.departmentId)?.name ?? p.departmentId}, ${regionName(p.region)}</td><td>${p.patientsAtRisk}</td><td>${statusBadge(p)}</td><td>${formatDateTime(p.createdAt)}</td></tr>`)}</tbody>
</table>`
}`;
}

/** Forms to acknowledge, offer capacity and (for the reporter) resolve; posted to `action`. */
export function actionForms(args: {
  action: string;
  csrf?: string;
  mayRespond: boolean;
  mayResolve: boolean;
  problem: Problem;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}): Raw {
  const { action, csrf, mayRespond, mayResolve, problem, errors = {}, values = {} } = args;
  if (problem.status === 'resolved')
    return html`<p class="alert alert-success"><span class="alert-body">Sagen er løst. Der skal ikke gøres mere.</span></p>`;
  const resolveNote = limited('resolve-note', RESOLVE_NOTE_MAX, '');
  const offerNote = limited('offer-note', OFFER_NOTE_MAX, '');
  const hidden = csrf ? html`<input type="hidden" name="csrf" value="${csrf}">` : '';
  const err = (field: string) =>
    errors[field] ? html`<span class="form-error-message" id="${field}-fejl">${errors[field]}</span>` : '';
  return html`<section class="kk-actions" aria-label="Handlinger">
${errorSummary(errors)}
${
  mayResolve
    ? html`<form method="post" action="${action}">
  ${hidden}<input type="hidden" name="action" value="resolve">
  <h2>Markér som løst</h2>
  <p>Når problemet er løst, stopper eskaleringen straks, og alle kontaktede får besked.</p>
  <div class="form-group"><label class="form-label" for="resolve-note">Bemærkning (valgfri)</label>${err('note')}
  <textarea class="form-input" id="resolve-note" name="note" rows="2" ${resolveNote.attrs}></textarea>${resolveNote.counter}</div>
  <button class="button button-primary" type="submit">Markér som løst</button>
</form>`
    : ''
}
${
  mayRespond
    ? html`<form method="post" action="${action}">
  ${hidden}<input type="hidden" name="action" value="offer"><input type="hidden" name="offerKey" value="${randomUUID()}">
  <h2>Tilbyd kapacitet</h2>
  <div class="form-group${errors.patients ? ' form-error' : ''}"><label class="form-label" for="patients">Antal patienter I kan tage</label>${err('patients')}
  <input class="form-input input-width-xs" type="number" min="1" id="patients" name="patients" value="${values.patients ?? ''}"></div>
  <div class="form-group${errors.modality ? ' form-error' : ''}"><label class="form-label" for="modality">Behandling</label>${err('modality')}
  <select class="form-select" id="modality" name="modality">
    ${WAIT_PATHWAY_LIST.items.map((m) => html`<option value="${m.id}" ${values.modality === m.id ? html`selected` : ''}>${m.label.da}</option>`)}
  </select></div>
  <div class="form-group${errors.earliest ? ' form-error' : ''}"><label class="form-label" for="earliest">Tidligst fra</label>${err('earliest')}
  <input class="form-input input-width-s" type="date" id="earliest" name="earliest" value="${values.earliest ?? ''}"></div>
  <div class="form-group"><label class="form-label" for="offer-note">Bemærkning (valgfri)</label>
  <textarea class="form-input" id="offer-note" name="note" rows="2" ${offerNote.attrs}></textarea>${offerNote.counter}</div>
  <button class="button button-primary" type="submit">Send tilbud</button>
</form>
<form method="post" action="${action}">
  ${hidden}<input type="hidden" name="action" value="acknowledge">
  <h2>Kvittér for modtagelsen</h2>
  <p>Fortæl at I har set henvendelsen, også hvis I ikke kan hjælpe.</p>
  <button class="button button-secondary" type="submit">Kvittér</button>
</form>`
    : ''
}
</section>`;
}
