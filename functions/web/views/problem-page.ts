import { randomUUID } from 'node:crypto';
import type { StoredRecipient, TimelineEvent } from '#adapters/store.ts';
import { LEVEL_NAMES } from '#domain/ladder.ts';
import { WAIT_PATHWAY_LIST } from '#domain/lists.ts';
import { OFFER_NOTE_MAX, type Problem, RESOLVE_NOTE_MAX } from '#domain/problem.ts';
import { type Fact, reportFacts, stateFacts } from '#domain/problem-facts.ts';
import { cancerTypeLabel, findDepartment, regionLabel } from '#domain/reference.ts';
import { formatDateTime } from '#domain/time.ts';
import { limited } from '../fields.ts';
import { escapeHtml, html, type Raw, raw } from '../html.ts';
import { type Lang, type MessageKey, t, translator } from '../i18n/index.ts';
import { errorSummary, roleLabel } from '../layout.ts';
/** The problem page (summary, timeline, everyone contacted), the receipt, the list, and the respond page. */
import { eventText } from '../timeline.ts';

/** Shown on the problem page and in the list while a ladder waits for its restart. */
export const LADDER_STOPPED: Record<Lang, string> = {
  da: 'Eskaleringen er stoppet af en fejl',
  en: 'The escalation stopped on an error',
};

export function statusBadge(problem: Problem, lang: Lang = 'da'): Raw {
  if (problem.status === 'resolved')
    return html`<span class="kk-badge resolved">${t(lang, 'problem.resolved')}</span>`;
  const level = html`<span class="kk-badge level-${problem.level}">${t(lang, 'problem.levelBadge', { level: problem.level, levelName: LEVEL_NAMES[problem.level][lang] })}</span>`;
  if (problem.workflow.state !== 'stopped') return level;
  return html`${level} <strong class="kk-stopped">${LADDER_STOPPED[lang]}</strong>`;
}

/**
 * The stopped ladder, explained (Danish: the secretariat's notice), with Specialenheden's restart
 * button (`restart` is the form's target; absent for everyone else).
 */
export function stoppedNotice(problem: Problem, restart?: { action: string; csrf?: string }): Raw {
  if (problem.status !== 'open' || problem.workflow.state !== 'stopped') return html``;
  return html`<div class="alert alert-warning" role="status"><div class="alert-body">
  <p class="alert-heading">${LADDER_STOPPED.da}</p>
  <p class="alert-text">Den genstartes automatisk fra niveau ${problem.level} og den gemte svarfrist; ingen får den samme e-mail to gange.${problem.workflow.stoppedAt ? ` Stoppet ${formatDateTime(problem.workflow.stoppedAt)}.` : ''}</p>
  ${
    restart
      ? html`<form method="post" action="${restart.action}">${restart.csrf ? html`<input type="hidden" name="csrf" value="${restart.csrf}">` : ''}<input type="hidden" name="action" value="restart"><button class="button button-secondary" type="submit">Genstart eskaleringen nu</button></form>`
      : ''
  }
</div></div>`;
}

/** The problem's facts (problem-facts.ts), with the status as a badge. */
export function summary(problem: Problem, lang: Lang = 'da'): Raw {
  const row = (f: Fact) =>
    f.id === 'status'
      ? html`<dt>${f.label[lang]}</dt><dd>${statusBadge(problem, lang)}</dd>`
      : f.value[lang] === ''
        ? ''
        : html`<dt>${f.label[lang]}</dt><dd>${f.value[lang]}</dd>`;
  return html`<dl class="kk-summary">
  ${[...reportFacts(problem), ...stateFacts(problem)].map(row)}
</dl>`;
}

export function timelineList(timeline: TimelineEvent[], lang: Lang = 'da'): Raw {
  return html`<ol class="kk-timeline" aria-label="${t(lang, 'problem.timeline')}">
  ${timeline.map((e) => html`<li data-kind="${e.kind}"><time datetime="${e.at}">${formatDateTime(e.at, lang)}${e.level ? ` · ${t(lang, 'problem.levelShort', { level: e.level })}` : ''}</time>${eventText(e, lang)}</li>`)}
</ol>`;
}

const RECIPIENT_STATUS = {
  unreachable: 'problem.recipient.unreachable',
  offered: 'problem.recipient.offered',
  acknowledged: 'problem.recipient.acknowledged',
  sent: 'problem.recipient.sent',
} as const satisfies Record<string, MessageKey>;

/** What became of one person contacted: offered capacity, acknowledged, not reached, or sent and waiting. */
export function recipientStatus(
  r: StoredRecipient,
  timeline: TimelineEvent[],
): keyof typeof RECIPIENT_STATUS {
  if (r.unreachable) return 'unreachable';
  const byThem = timeline.filter((e) => e.actor?.email?.toLowerCase() === r.email.toLowerCase());
  if (byThem.some((e) => e.kind === 'offer')) return 'offered';
  if (byThem.some((e) => e.kind === 'acknowledged')) return 'acknowledged';
  return 'sent';
}

export function recipientTable(
  recipients: StoredRecipient[],
  timeline: TimelineEvent[],
  lang: Lang = 'da',
): Raw {
  const tr = translator(lang);
  if (recipients.length === 0) return html`<p>${tr('problem.nobodyContacted')}</p>`;
  const heads = {
    name: tr('problem.recipient.name'),
    role: tr('problem.recipient.role'),
    level: tr('problem.recipient.level'),
    first: tr('problem.recipient.first'),
    status: tr('problem.recipient.status'),
  };
  return html`<table class="table table--compact kk-stack" id="kontaktede">
  <caption class="sr-only">${tr('problem.contacted')}</caption>
  <thead><tr><th scope="col">${heads.name}</th><th scope="col">${heads.role}</th><th scope="col">${heads.level}</th><th scope="col">${heads.first}</th><th scope="col">${heads.status}</th></tr></thead>
  <tbody>${recipients.map((r) => {
    const status = recipientStatus(r, timeline);
    return html`<tr data-email="${r.email}"><td data-label="${heads.name}">${r.name}<br><small>${r.email}</small></td><td data-label="${heads.role}">${roleLabel(r.role, lang)}${r.kind === 'informed' ? ` (${tr('problem.recipient.informed')})` : ''}</td><td data-label="${heads.level}">${[...new Set(r.levels)].join(', ')}</td><td data-label="${heads.first}">${formatDateTime(r.firstNotifiedAt, lang)}</td><td data-label="${heads.status}" class="kk-recipient-status">${status === 'unreachable' ? html`<strong>${tr(RECIPIENT_STATUS[status])}</strong>` : tr(RECIPIENT_STATUS[status])}</td></tr>`;
  })}</tbody>
</table>`;
}

export function problemPage(args: {
  problem: Problem;
  timeline: TimelineEvent[];
  recipients: StoredRecipient[];
  actions?: Raw;
  flash?: Raw;
  lang?: Lang;
  restart?: { action: string; csrf?: string };
}): Raw {
  const { problem, timeline, recipients, actions, flash, restart } = args;
  const lang = args.lang ?? 'da';
  return html`<h1>${t(lang, 'problem.heading', { ref: problem.ref })}</h1>
${flash ?? ''}
${stoppedNotice(problem, restart)}
${summary(problem, lang)}
${actions ?? ''}
<h2>${t(lang, 'problem.timeline')}</h2>
${timelineList(timeline, lang)}
<h2>${t(lang, 'problem.contacted')}</h2>
${recipientTable(recipients, timeline, lang)}`;
}

export function receiptPage(problem: Problem, lang: Lang = 'da'): Raw {
  const tr = translator(lang);
  return html`<div class="alert alert-success" role="status"><div class="alert-body">
  <p class="alert-heading">${tr('receipt.thanks')}</p>
  <p class="alert-text">${raw(tr('receipt.reference', { ref: String(html`<strong id="reference">${problem.ref}</strong>`), level: problem.entryLevel, levelName: escapeHtml(LEVEL_NAMES[problem.entryLevel][lang]) }))}</p>
</div></div>
<h1>${tr('receipt.heading')}</h1>
<p>${tr('receipt.mailSent')} ${problem.entryLevel < 4 ? tr('receipt.nextStep') : tr('receipt.nextReminder')}</p>
${summary(problem, lang)}
<p><a class="button button-primary" href="/problemer/${problem.id}">${tr('receipt.see')}</a></p>`;
}

/** `mayReport`: the person may report a problem (else no button that leads to a refusal). */
export function problemList(problems: Problem[], lang: Lang = 'da', mayReport = true): Raw {
  const tr = translator(lang);
  const heads = {
    ref: tr('list.ref'),
    cancer: tr('list.cancerType'),
    department: tr('list.department'),
    patients: tr('list.patients'),
    status: tr('list.status'),
    reported: tr('list.reported'),
  };
  return html`<h1>${tr('list.heading')}</h1>
<p>${mayReport ? html`<a class="button button-primary" href="/indberet">${tr('nav.report')}</a> ` : ''}<a href="/problemer.csv">${tr('list.csv')}</a></p>
${
  problems.length === 0
    ? html`<p>${tr('list.none')}</p>`
    : html`<table class="table kk-stack" id="sager">
  <thead><tr><th scope="col">${heads.ref}</th><th scope="col">${heads.cancer}</th><th scope="col">${heads.department}</th><th scope="col">${heads.patients}</th><th scope="col">${heads.status}</th><th scope="col">${heads.reported}</th></tr></thead>
  <tbody>${problems.map((p) => {
    const department = findDepartment(p.departmentId);
    return html`<tr data-problem="${p.id}"><td data-label="${heads.ref}"><a href="/problemer/${p.id}">${p.ref}</a></td><td data-label="${heads.cancer}">${cancerTypeLabel(p.cancerType, lang)}</td><td data-label="${heads.department}">${department ? `${department.name}, ${department.hospitalName}` : p.departmentId}<br><small>${regionLabel(p.region, lang)}</small></td><td data-label="${heads.patients}">${p.patientsAtRisk}</td><td data-label="${heads.status}">${statusBadge(p, lang)}</td><td data-label="${heads.reported}">${formatDateTime(p.createdAt, lang)}</td></tr>`;
  })}</tbody>
</table>`
}`;
}

/** The offer form's treatment preset: the problem's own treatment modality, else udredning. */
export function defaultOfferModality(problem: Problem): string {
  if (problem.pathwayTypes.includes('behandling') && problem.modalities[0]) return problem.modalities[0];
  return 'udredning';
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
  lang?: Lang;
}): Raw {
  const { action, csrf, mayRespond, mayResolve, problem, errors = {}, values = {} } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  if (problem.status === 'resolved')
    return html`<p class="alert alert-success"><span class="alert-body">${tr('actions.alreadyResolved')}</span></p>`;
  const resolveNote = limited('resolve-note', RESOLVE_NOTE_MAX, '', lang);
  const offerNote = limited('offer-note', OFFER_NOTE_MAX, '', lang);
  const modality = values.modality || defaultOfferModality(problem);
  const hidden = csrf ? html`<input type="hidden" name="csrf" value="${csrf}">` : '';
  const err = (field: string) =>
    errors[field] ? html`<span class="form-error-message" id="${field}-fejl">${errors[field]}</span>` : '';
  return html`<section class="kk-actions" aria-label="${tr('actions.label')}">
${errorSummary(errors, lang)}
${
  mayResolve
    ? html`<form method="post" action="${action}">
  ${hidden}<input type="hidden" name="action" value="resolve">
  <h2>${tr('actions.resolve.heading')}</h2>
  <p>${tr('actions.resolve.text')}</p>
  <div class="form-group"><label class="form-label" for="resolve-note">${tr('actions.note')}</label>${err('note')}
  <textarea class="form-input" id="resolve-note" name="note" rows="2" ${resolveNote.attrs}></textarea>${resolveNote.counter}</div>
  <button class="button button-primary" type="submit">${tr('actions.resolve.heading')}</button>
</form>`
    : ''
}
${
  mayRespond
    ? html`<form method="post" action="${action}">
  ${hidden}<input type="hidden" name="action" value="offer"><input type="hidden" name="offerKey" value="${randomUUID()}">
  <h2>${tr('actions.offer.heading')}</h2>
  <div class="form-group${errors.patients ? ' form-error' : ''}"><label class="form-label" for="patients">${tr('actions.offer.patients')}</label>${err('patients')}
  <input class="form-input input-width-xs" type="number" min="1" id="patients" name="patients" value="${values.patients ?? ''}"></div>
  <div class="form-group${errors.modality ? ' form-error' : ''}"><label class="form-label" for="modality">${tr('actions.offer.modality')}</label>${err('modality')}
  <select class="form-select" id="modality" name="modality">
    ${WAIT_PATHWAY_LIST.items.map((m) => html`<option value="${m.id}" ${modality === m.id ? html`selected` : ''}>${m.label[lang]}</option>`)}
  </select></div>
  <div class="form-group${errors.earliest ? ' form-error' : ''}"><label class="form-label" for="earliest">${tr('actions.offer.earliest')}</label>${err('earliest')}
  <input class="form-input input-width-s" type="date" id="earliest" name="earliest" value="${values.earliest ?? ''}"></div>
  <div class="form-group"><label class="form-label" for="offer-note">${tr('actions.note')}</label>
  <textarea class="form-input" id="offer-note" name="note" rows="2" ${offerNote.attrs}></textarea>${offerNote.counter}</div>
  <button class="button button-primary" type="submit">${tr('actions.offer.submit')}</button>
</form>
<form method="post" action="${action}">
  ${hidden}<input type="hidden" name="action" value="acknowledge">
  <h2>${tr('actions.ack.heading')}</h2>
  <p>${tr('actions.ack.text')}</p>
  <button class="button button-secondary" type="submit">${tr('actions.ack.submit')}</button>
</form>`
    : ''
}
</section>`;
}
