/** Pages of the quarterly status (prints cleanly) and the administrator's audit trail. */
import type { AuditEntry } from '#adapters/followup-store.ts';
import {
  formatCount,
  formatPercent,
  type MonitoringStatusFigures,
  pressureProposalQuery,
} from '#domain/monitoring-figures.ts';
import { problemRef } from '#domain/problem.ts';
import { type QuarterlyStatus, quarterLabel } from '#domain/quarterly.ts';
import { cancerTypeName, regionName } from '#domain/reference.ts';
import { formatDate, formatDateTime } from '#domain/time.ts';
import { html, type Raw } from '../html.ts';
import { type Lang, type MessageKey, type Translate, translator } from '../i18n/index.ts';
import { holidayEvaluationSection } from './holiday.ts';

const PRINT = html`<style>
@media print{.kk-noprint{display:none}.kk-main{padding:0}table{page-break-inside:auto}tr{page-break-inside:avoid}h2{page-break-after:avoid}a[href]{color:inherit;text-decoration:none}}
</style>`;

const NO_DATA = 'ingen data';

function days(value: number | null): string {
  return value === null ? 'ingen løste sager' : `${String(value).replace('.', ',')} dage`;
}

export function quarterlyStatusPage(s: QuarterlyStatus, mayPrepare: boolean, csrf: string): Raw {
  return html`${PRINT}
<h1>Kvartalsstatus ${quarterLabel(s.quarter)}</h1>
<p>Til sundhedsdirektørkredsen. Udarbejdet ${formatDateTime(s.preparedAt)}. Perioden er ${formatDate(s.from)} til og med ${formatDate(new Date(Date.parse(s.to) - 1))}.</p>
<p class="kk-noprint"><a href="/kvartalsstatus/${s.quarter}.csv">Hent som CSV</a> · <a href="/kvartalsstatus">Alle kvartaler</a></p>
<h2>Sager</h2>
<table class="table" id="noegletal"><tbody>
  <tr><th scope="row">Sager oprettet</th><td data-figure="opened">${s.opened}</td></tr>
  <tr><th scope="row">Sager løst</th><td data-figure="resolved">${s.resolved}</td></tr>
  <tr><th scope="row">Median tid til løsning</th><td data-figure="median">${days(s.medianResolutionDays)}</td></tr>
  ${(['1', '2', '3', '4'] as const).map((l) => html`<tr><th scope="row">Oprettede sager, højeste niveau ${l}</th><td data-figure="level-${l}">${s.openedByLevel[l]}</td></tr>`)}
</tbody></table>
<table class="table" id="pr-kraeftform-region">
  <caption>Pr. kræftform og region</caption>
  <thead><tr><th scope="col">Kræftform</th><th scope="col">Region</th><th scope="col">Oprettet</th><th scope="col">Løst</th><th scope="col">Højeste niveau</th></tr></thead>
  <tbody>${
    s.rows.length === 0
      ? html`<tr><td colspan="5">Ingen sager i kvartalet.</td></tr>`
      : s.rows.map(
          (r) =>
            html`<tr><td>${cancerTypeName(r.cancerType)}</td><td>${regionName(r.region)}</td><td>${r.opened}</td><td>${r.resolved}</td><td>${r.highestLevel}</td></tr>`,
        )
  }</tbody>
</table>
<h2>Nationale netværk</h2>
${
  s.networks
    ? html`<p>Aktive: ${s.networks.active.map(cancerTypeName).join(', ') || 'ingen'}. I standby: ${s.networks.standby.map(cancerTypeName).join(', ') || 'ingen'}.</p>`
    : html`<p data-figure="networks">${NO_DATA}</p>`
}
<h2>Kræftformer under vedvarende pres</h2>
${
  s.weekly
    ? s.weekly.sustainedPressure.length === 0
      ? html`<p>Ingen.</p>`
      : html`<ul>${s.weekly.sustainedPressure.map((p) => html`<li>${cancerTypeName(p.cancerType)}: ${p.weeks} uger over maksimal ventetid</li>`)}</ul>`
    : html`<p data-figure="pressure">${NO_DATA}</p>`
}
<h2>Ugentlig indberetning pr. region</h2>
${
  s.weekly
    ? html`<table class="table"><thead><tr><th scope="col">Region</th><th scope="col">Indberetninger</th></tr></thead><tbody>${s.weekly.compliance.map((c) => html`<tr><td>${regionName(c.region)}</td><td>${c.received} af ${c.expected}</td></tr>`)}</tbody></table>`
    : html`<p data-figure="compliance">${NO_DATA}</p>`
}
<h2>Maksimale ventetider og pakkeforløb</h2>
${s.monitoring ? monitoringSection(s.monitoring, s.quarter) : html`<p data-figure="monitoring">${NO_DATA}</p>`}
${holidayEvaluationSection(s.holiday ?? [], 'da')}
<h2>Kontaktoplysninger ikke bekræftet i tide</h2>
<p><span data-figure="overdue">${s.overdueContacts.length}</span> kontakter er ikke bekræftet i over ${s.verifyMonths} måneder.</p>
${
  s.overdueContacts.length > 0
    ? html`<table class="table"><thead><tr><th scope="col">Navn</th><th scope="col">Vedligeholdes af</th><th scope="col">Sidst bekræftet</th></tr></thead><tbody>${s.overdueContacts.map((c) => html`<tr><td>${c.name}</td><td>${c.maintainer}</td><td>${formatDate(c.verifiedAt)}</td></tr>`)}</tbody></table>`
    : ''
}
${
  mayPrepare
    ? html`<form class="kk-noprint" method="post" action="/kvartalsstatus/${s.quarter}"><input type="hidden" name="csrf" value="${csrf}"><button class="button button-secondary" type="submit">Beregn igen</button></form>`
    : ''
}`;
}

export function quarterlyListPage(statuses: QuarterlyStatus[]): Raw {
  return html`<h1>Kvartalsstatus</h1>
<p>Status til sundhedsdirektørkredsen udarbejdes automatisk efter hvert kvartal og sendes til de fem sundhedsdirektører og Specialenheden.</p>
${
  statuses.length === 0
    ? html`<p>Der er endnu ingen kvartalsstatus.</p>`
    : html`<ul>${statuses.map((s) => html`<li><a href="/kvartalsstatus/${s.quarter}">${quarterLabel(s.quarter)}</a> – ${s.opened} oprettet, ${s.resolved} løst (udarbejdet ${formatDateTime(s.preparedAt)})</li>`)}</ul>`
}`;
}

/** The monitoring's figures for the quarter, and the areas under pressure with an escalation proposal. */
function monitoringSection(m: MonitoringStatusFigures, quarter: string): Raw {
  const n = m.national;
  const row = (label: string, value: number, figure: string) =>
    html`<tr><th scope="row">${label}</th><td data-figure="${figure}">${formatCount(value)}</td><td>${formatPercent(value, n.pathways)}</td></tr>`;
  return html`<table class="table" id="maksimale-ventetider">
<caption>Udrednings- og behandlingsforløb på landsplan, fra regionernes forløbsdata (<a class="kk-noprint" href="/overvaagning?aar=${quarter.slice(0, 4)}">se overvågningen</a>)</caption>
<thead><tr><th scope="col">Forløb</th><th scope="col">Antal</th><th scope="col">Andel</th></tr></thead>
<tbody>
<tr><th scope="row">I alt</th><td data-figure="monitoring-pathways">${formatCount(n.pathways)}</td><td></td></tr>
${row('Inden for maksimal ventetid', n.within, 'monitoring-within')}
${row('Regler overholdt, ventetid overskredet', n.compliedExceeded.total, 'monitoring-complied')}
${row('heraf kapacitet, udredning', n.compliedExceeded.capacityUdredning, 'monitoring-capacity-udredning')}
${row('heraf kapacitet, behandling', n.compliedExceeded.capacityBehandling, 'monitoring-capacity-behandling')}
${row('Regler ikke overholdt', n.notComplied, 'monitoring-not-complied')}
<tr><th scope="row">Pakkeforløb inden for standardforløbstiden</th><td>${formatCount(m.packages.withinStandard)} af ${formatCount(m.packages.pathways)}</td><td>${formatPercent(m.packages.withinStandard, m.packages.pathways)}</td></tr>
</tbody></table>
<h3>Områder under pres</h3>
<p>Region og kræftform med mindst ${m.thresholds.capacity} overskridelser på grund af kapacitet eller mindst ${m.thresholds.notComplied} forløb, hvor reglerne ikke blev overholdt, i kvartalet.</p>
${
  m.pressure.length === 0
    ? html`<p data-figure="monitoring-pressure">Ingen.</p>`
    : html`<table class="table" id="omraader-under-pres"><thead><tr><th scope="col">Kræftform</th><th scope="col">Region</th><th scope="col">Kapacitet (udredning/behandling)</th><th scope="col">Regler ikke overholdt</th><th scope="col" class="kk-noprint">Forslag</th></tr></thead><tbody>${m.pressure.map(
        (a) =>
          html`<tr data-area="${a.region}/${a.cancerType}"><td>${cancerTypeName(a.cancerType)}</td><td>${regionName(a.region)}</td><td>${a.capacityUdredning + a.capacityBehandling} (${a.capacityUdredning}/${a.capacityBehandling})</td><td>${a.notComplied}</td><td class="kk-noprint"><a href="/indberet?${pressureProposalQuery(a, quarter)}">Eskalér: indberet kapacitetsproblem (udfyldt)</a></td></tr>`,
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
  <div class="form-group"><label class="form-label" for="id">${tr('audit.id')}</label><span class="form-hint" id="id-hint">${tr('audit.idHint')}</span><input class="form-input" id="id" name="id" value="${args.entityId ?? ''}" aria-describedby="id-hint"></div>
  <button class="button button-secondary" type="submit">${tr('audit.show')}</button>
</form>
<table class="table kk-stack" id="revisionsspor">
  <thead><tr><th scope="col">${col.at}</th><th scope="col">${col.who}</th><th scope="col">${col.what}</th><th scope="col">${col.action}</th><th scope="col">${col.change}</th></tr></thead>
  <tbody>${
    args.entries.length === 0
      ? html`<tr><td colspan="5">${tr('audit.none')}</td></tr>`
      : args.entries.map(
          (e) =>
            html`<tr data-entity="${e.entityType}:${e.entityId}"><td data-label="${col.at}">${formatDateTime(e.at, lang)}</td><td data-label="${col.who}">${e.who.name}<br>${e.who.email}</td><td data-label="${col.what}">${auditSubject(e, tr)}</td><td data-label="${col.action}">${actionLabel(e.action, tr)}</td><td data-label="${col.change}">${e.summary}</td></tr>`,
        )
  }</tbody>
</table>`;
}
