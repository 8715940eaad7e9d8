/** Pages of the quarterly status (prints cleanly) and the administrator's audit trail. */
import type { AuditEntry } from '#adapters/followup-store.ts';
import {
  formatCount,
  formatPercent,
  type MonitoringStatusFigures,
  pressureProposalQuery,
} from '#domain/monitoring-figures.ts';
import { ID_MAX, problemRef } from '#domain/problem.ts';
import { type QuarterlyStatus, quarterLabel } from '#domain/quarterly.ts';
import { cancerTypeLabel, regionLabel } from '#domain/reference.ts';
import { formatDate, formatDateTime } from '#domain/time.ts';
import { html, type Raw } from '../html.ts';
import { type Lang, type MessageKey, type Translate, tHtml, translator } from '../i18n/index.ts';
import { readStored } from '../stored-phrase.ts';
import { holidayEvaluationSection } from './holiday.ts';
import { referralQuarterSection } from './referrals.ts';

const PRINT = html`<style>
@media print{.kk-noprint{display:none}.kk-main{padding:0}table{page-break-inside:auto}tr{page-break-inside:avoid}h2{page-break-after:avoid}a[href]{color:inherit;text-decoration:none}}
</style>`;

function days(value: number | null, lang: Lang): string {
  const tr = translator(lang);
  if (value === null) return tr('followMail.quarterly.noResolved');
  return tr('followMail.quarterly.medianDays', {
    days: lang === 'da' ? String(value).replace('.', ',') : value,
  });
}

export function quarterlyStatusPage(
  s: QuarterlyStatus,
  mayPrepare: boolean,
  csrf: string,
  lang: Lang = 'da',
  mayReport = true,
): Raw {
  const tr = translator(lang);
  const noData = tr('followMail.noData');
  const cancer = (id: string) => cancerTypeLabel(id, lang);
  const region = (id: string) => regionLabel(id, lang);
  const list = (ids: string[]) => ids.map(cancer).join(', ') || tr('followMail.none');
  return html`${PRINT}
<h1>${tr('quarterly.heading', { quarter: quarterLabel(s.quarter, lang) })}</h1>
<p>${tr('quarterly.intro', { prepared: formatDateTime(s.preparedAt, lang), from: formatDate(s.from, lang), to: formatDate(new Date(Date.parse(s.to) - 1), lang) })}</p>
<p class="kk-noprint"><a href="/kvartalsstatus/${s.quarter}.csv">${tr('quarterly.csv')}</a> · <a href="/kvartalsstatus">${tr('quarterly.all')}</a></p>
<h2>${tr('quarterly.cases')}</h2>
<table class="table" id="noegletal"><tbody>
  <tr><th scope="row">${tr('quarterly.opened')}</th><td data-figure="opened">${s.opened}</td></tr>
  <tr><th scope="row">${tr('quarterly.resolved')}</th><td data-figure="resolved">${s.resolved}</td></tr>
  <tr><th scope="row">${tr('quarterly.median')}</th><td data-figure="median">${days(s.medianResolutionDays, lang)}</td></tr>
  ${(['1', '2', '3', '4'] as const).map((l) => html`<tr><th scope="row">${tr('quarterly.byLevel', { level: l })}</th><td data-figure="level-${l}">${s.openedByLevel[l]}</td></tr>`)}
</tbody></table>
<table class="table" id="pr-kraeftform-region">
  <caption>${tr('quarterly.perArea')}</caption>
  <thead><tr><th scope="col">${tr('quarterly.col.cancerType')}</th><th scope="col">${tr('quarterly.col.region')}</th><th scope="col">${tr('quarterly.col.opened')}</th><th scope="col">${tr('quarterly.col.resolved')}</th><th scope="col">${tr('quarterly.col.highest')}</th></tr></thead>
  <tbody>${
    s.rows.length === 0
      ? html`<tr><td colspan="5">${tr('quarterly.noCases')}</td></tr>`
      : s.rows.map(
          (r) =>
            html`<tr><td>${cancer(r.cancerType)}</td><td>${region(r.region)}</td><td>${r.opened}</td><td>${r.resolved}</td><td>${r.highestLevel}</td></tr>`,
        )
  }</tbody>
</table>
<h2>${tr('quarterly.networks')}</h2>
${
  s.networks
    ? html`<p>${tr('quarterly.networksText', { active: list(s.networks.active), standby: list(s.networks.standby) })}</p>`
    : html`<p data-figure="networks">${noData}</p>`
}
<h2>${tr('quarterly.pressure')}</h2>
${
  s.weekly
    ? s.weekly.sustainedPressure.length === 0
      ? html`<p>${tr('quarterly.noneSentence')}</p>`
      : html`<ul>${s.weekly.sustainedPressure.map((p) => html`<li>${tr('quarterly.pressureLine', { cancerType: cancer(p.cancerType), weeks: p.weeks })}</li>`)}</ul>`
    : html`<p data-figure="pressure">${noData}</p>`
}
<h2>${tr('quarterly.compliance')}</h2>
${
  s.weekly
    ? html`<table class="table"><thead><tr><th scope="col">${tr('quarterly.col.region')}</th><th scope="col">${tr('quarterly.col.reports')}</th></tr></thead><tbody>${s.weekly.compliance.map((c) => html`<tr><td>${region(c.region)}</td><td>${tr('quarterly.received', { received: c.received, expected: c.expected })}</td></tr>`)}</tbody></table>`
    : html`<p data-figure="compliance">${noData}</p>`
}
<h2>${tr('quarterly.monitoring')}</h2>
${s.monitoring ? monitoringSection(s.monitoring, s.quarter, lang, mayReport) : html`<p data-figure="monitoring">${noData}</p>`}
${holidayEvaluationSection(s.holiday ?? [], lang)}
${referralQuarterSection(s.referrals, lang)}
<h2>${tr('quarterly.overdue')}</h2>
<p>${tHtml(lang, 'quarterly.overdueText', { count: html`<span data-figure="overdue">${s.overdueContacts.length}</span>`, months: s.verifyMonths })}</p>
${
  s.overdueContacts.length > 0
    ? html`<table class="table"><thead><tr><th scope="col">${tr('quarterly.col.name')}</th><th scope="col">${tr('quarterly.col.maintainer')}</th><th scope="col">${tr('quarterly.col.verified')}</th></tr></thead><tbody>${s.overdueContacts.map((c) => html`<tr><td>${c.name}</td><td>${c.maintainer}</td><td>${formatDate(c.verifiedAt, lang)}</td></tr>`)}</tbody></table>`
    : ''
}
${
  mayPrepare
    ? html`<form class="kk-noprint" method="post" action="/kvartalsstatus/${s.quarter}"><input type="hidden" name="csrf" value="${csrf}"><button class="button button-secondary" type="submit">${tr('quarterly.recompute')}</button></form>`
    : ''
}`;
}

export function quarterlyListPage(statuses: QuarterlyStatus[], lang: Lang = 'da'): Raw {
  const tr = translator(lang);
  return html`<h1>${tr('quarterly.title')}</h1>
<p>${tr('quarterly.listIntro')}</p>
${
  statuses.length === 0
    ? html`<p>${tr('quarterly.none')}</p>`
    : html`<ul>${statuses.map((s) => html`<li><a href="/kvartalsstatus/${s.quarter}">${quarterLabel(s.quarter, lang)}</a> – ${tr('quarterly.listLine', { opened: s.opened, resolved: s.resolved, prepared: formatDateTime(s.preparedAt, lang) })}</li>`)}</ul>`
}`;
}

/** The monitoring's figures for the quarter, and the areas under pressure with an escalation proposal. */
/** `mayReport`: offer the pre-filled capacity-problem report for an area under pressure. */
function monitoringSection(m: MonitoringStatusFigures, quarter: string, lang: Lang, mayReport: boolean): Raw {
  const tr: Translate = translator(lang);
  const n = m.national;
  const row = (label: string, value: number, figure: string) =>
    html`<tr><th scope="row">${label}</th><td data-figure="${figure}">${formatCount(value, lang)}</td><td>${formatPercent(value, n.pathways, lang)}</td></tr>`;
  return html`<table class="table" id="maksimale-ventetider">
<caption>${tHtml(lang, 'quarterly.mon.caption', { link: html`<a class="kk-noprint" href="/overvaagning?aar=${quarter.slice(0, 4)}">${tr('quarterly.mon.link')}</a>` })}</caption>
<thead><tr><th scope="col">${tr('quarterly.mon.col.pathway')}</th><th scope="col">${tr('quarterly.mon.col.count')}</th><th scope="col">${tr('quarterly.mon.col.share')}</th></tr></thead>
<tbody>
<tr><th scope="row">${tr('quarterly.mon.total')}</th><td data-figure="monitoring-pathways">${formatCount(n.pathways, lang)}</td><td></td></tr>
${row(tr('quarterly.mon.within'), n.within, 'monitoring-within')}
${row(tr('quarterly.mon.complied'), n.compliedExceeded.total, 'monitoring-complied')}
${row(tr('quarterly.mon.capacityUdredning'), n.compliedExceeded.capacityUdredning, 'monitoring-capacity-udredning')}
${row(tr('quarterly.mon.capacityBehandling'), n.compliedExceeded.capacityBehandling, 'monitoring-capacity-behandling')}
${row(tr('quarterly.mon.notComplied'), n.notComplied, 'monitoring-not-complied')}
<tr><th scope="row">${tr('quarterly.mon.packages')}</th><td>${tr('quarterly.mon.ofTotal', { part: formatCount(m.packages.withinStandard, lang), whole: formatCount(m.packages.pathways, lang) })}</td><td>${formatPercent(m.packages.withinStandard, m.packages.pathways, lang)}</td></tr>
</tbody></table>
<h3>${tr('quarterly.mon.areas')}</h3>
<p>${tr('quarterly.mon.areasText', { capacity: m.thresholds.capacity, notComplied: m.thresholds.notComplied })}</p>
${
  m.pressure.length === 0
    ? html`<p data-figure="monitoring-pressure">${tr('quarterly.noneSentence')}</p>`
    : html`<table class="table" id="omraader-under-pres"><thead><tr><th scope="col">${tr('quarterly.col.cancerType')}</th><th scope="col">${tr('quarterly.col.region')}</th><th scope="col">${tr('quarterly.mon.col.capacity')}</th><th scope="col">${tr('quarterly.mon.notComplied')}</th>${mayReport ? html`<th scope="col" class="kk-noprint">${tr('quarterly.mon.col.proposal')}</th>` : ''}</tr></thead><tbody>${m.pressure.map(
        (a) =>
          html`<tr data-area="${a.region}/${a.cancerType}"><td>${cancerTypeLabel(a.cancerType, lang)}</td><td>${regionLabel(a.region, lang)}</td><td>${a.capacityUdredning + a.capacityBehandling} (${a.capacityUdredning}/${a.capacityBehandling})</td><td>${a.notComplied}</td>${mayReport ? html`<td class="kk-noprint"><a href="/indberet?${pressureProposalQuery(a, quarter)}">${tr('quarterly.mon.escalate')}</a></td>` : ''}</tr>`,
      )}</tbody></table>`
}`;
}

/** The audit trail's entity types, with their catalogue keys. */
const ENTITY_KEYS = {
  contact: 'audit.entity.contact',
  problem: 'audit.entity.problem',
  'quarterly-status': 'audit.entity.quarterly-status',
  network: 'audit.entity.network',
  monitoring: 'audit.entity.monitoring',
  'reference-data': 'audit.entity.reference-data',
  'external-provider': 'audit.entity.external-provider',
  'referral-checklist': 'audit.entity.referral-checklist',
  'holiday-period': 'audit.entity.holiday-period',
  'holiday-plan': 'audit.entity.holiday-plan',
  'specialised-function': 'audit.entity.specialised-function',
  'capacity-check': 'audit.entity.capacity-check',
  'referral-counts': 'audit.entity.referral-counts',
} as const satisfies Record<string, MessageKey>;

/** The entity types the audit trail can be filtered by. */
export const AUDIT_ENTITY_TYPES = Object.keys(ENTITY_KEYS);

const ACTION_KEYS = {
  created: 'audit.action.created',
  updated: 'audit.action.updated',
  imported: 'audit.action.imported',
  verified: 'audit.action.verified',
  reported: 'audit.action.reported',
  acknowledged: 'audit.action.acknowledged',
  offer: 'audit.action.offer',
  replaced: 'audit.action.replaced',
  resolved: 'audit.action.resolved',
  retired: 'audit.action.retired',
  level: 'audit.action.level',
  restarted: 'audit.action.restarted',
  prepared: 'audit.action.prepared',
  activated: 'audit.action.activated',
  standby: 'audit.action.standby',
  'member-added': 'audit.action.member-added',
  meeting: 'audit.action.meeting',
  'action-done': 'audit.action.action-done',
  'informed-danske-regioner': 'audit.action.informed-danske-regioner',
  evaluated: 'audit.action.evaluated',
  sent: 'audit.action.sent',
} as const satisfies Record<string, MessageKey>;

function actionLabel(action: string, tr: Translate): string {
  return action in ACTION_KEYS ? tr(ACTION_KEYS[action as keyof typeof ACTION_KEYS]) : action;
}

/** What an entry is about: a problem by its reference (KK-6435-VRXX, with a link to it), else its id. */
function auditSubject(e: AuditEntry, tr: Translate): Raw {
  const label =
    e.entityType in ENTITY_KEYS ? tr(ENTITY_KEYS[e.entityType as keyof typeof ENTITY_KEYS]) : e.entityType;
  const shown = e.entityType === 'problem' ? problemRef(e.entityId) : e.entityId;
  const filter = `/admin/revisionsspor?type=${e.entityType}&id=${encodeURIComponent(shown)}`;
  return html`${label} <a href="${filter}">${shown}</a>${e.entityType === 'problem' ? html` (<a href="/problemer/${e.entityId}">${tr('audit.seeProblem')}</a>)` : ''}`;
}

export function auditPage(args: {
  entries: AuditEntry[];
  month: string;
  entityType?: string;
  entityId?: string;
  lang?: Lang;
}): Raw {
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const col = {
    at: tr('audit.col.at'),
    who: tr('audit.col.who'),
    what: tr('audit.col.what'),
    action: tr('audit.col.action'),
    change: tr('audit.col.change'),
  };
  return html`<h1>${tr('audit.title')}</h1>
<p>${tr('audit.lead')}</p>
<form method="get" action="/admin/revisionsspor">
  <div class="form-group"><label class="form-label" for="maaned">${tr('audit.month')}</label><input class="form-input" id="maaned" name="maaned" type="month" value="${args.month}"></div>
  <div class="form-group"><label class="form-label" for="type">${tr('audit.type')}</label>
    <select class="form-select" id="type" name="type"><option value="">${tr('audit.allInMonth')}</option>${Object.entries(ENTITY_KEYS).map(([v, key]) => (v === args.entityType ? html`<option value="${v}" selected>${tr(key)}</option>` : html`<option value="${v}">${tr(key)}</option>`))}</select></div>
  <div class="form-group"><label class="form-label" for="id">${tr('audit.id')}</label><span class="form-hint" id="id-hint">${tr('audit.idHint')}</span><input class="form-input" id="id" name="id" value="${args.entityId ?? ''}" maxlength="${ID_MAX}" aria-describedby="id-hint"></div>
  <button class="button button-secondary" type="submit">${tr('audit.show')}</button>
</form>
<table class="table kk-stack" id="revisionsspor">
  <thead><tr><th scope="col">${col.at}</th><th scope="col">${col.who}</th><th scope="col">${col.what}</th><th scope="col">${col.action}</th><th scope="col">${col.change}</th></tr></thead>
  <tbody>${
    args.entries.length === 0
      ? html`<tr><td colspan="5">${tr('audit.none')}</td></tr>`
      : args.entries.map(
          (e) =>
            html`<tr data-entity="${e.entityType}:${e.entityId}"><td data-label="${col.at}">${formatDateTime(e.at, lang)}</td><td data-label="${col.who}">${e.who.role === 'system' ? tr('audit.systemName') : e.who.name}<br>${e.who.email}</td><td data-label="${col.what}">${auditSubject(e, tr)}</td><td data-label="${col.action}">${actionLabel(e.action, tr)}</td><td data-label="${col.change}">${readStored({ text: e.summary, phrase: e.summaryPhrase }, lang)}</td></tr>`,
        )
  }</tbody>
</table>`;
}
