/**
 * Pages of the weekly exchange: the report form and receipt, the overview per cancer type, the
 * national overview (cancer types × regions, coloured by pressure, with inline SVG trend charts
 * — no build step, no JavaScript) and the capacity finder.
 */

import { type ExternalHit, PROVIDER_KIND_LIST, validityText } from '#domain/external-providers.ts';
import { DIAGNOSTIC_MODALITY_LIST, WAIT_PATHWAY_LIST } from '#domain/lists.ts';
import {
  cancerTypeLabel,
  type Department,
  DIAGNOSTIC_MODALITIES,
  type RegionId,
  referenceData,
  regionLabel,
} from '#domain/reference.ts';
import type { ReferralWeek } from '#domain/referrals.ts';
import { formatDateTime } from '#domain/time.ts';
import {
  COMMENT_MAX,
  changeFromLastWeek,
  daysText,
  type EscalationProposal,
  type FinderHit,
  MAX_WAIT_DAYS,
  maxWaitFor,
  PATHWAYS,
  type Pathway,
  type Pressure,
  patientsText,
  proposalQuery,
  type ReportStatus,
  type WeeklyReport,
  waitFor,
  weekLabel,
} from '#domain/weekly.ts';
import type { HolidayWeekPlan } from '../../services/holiday.ts';
import type { CancerOverview, NationalOverview } from '../../services/weekly.ts';
import { fieldError, limited } from '../fields.ts';
import { html, type Raw } from '../html.ts';
import { type Lang, t, tHtml, translator } from '../i18n/index.ts';
import { errorSummary, notice, scrollTable } from '../layout.ts';
import { pressureLabel } from '../weekly-labels.ts';
import { referralCancerSection, referralNationalSection } from './referrals.ts';

export type FormValues = Record<string, string | string[] | undefined>;

/** "Udredning", "Kirurgi", … in the page's language. */
const pathwayLabel = (p: Pathway, lang: Lang) => WAIT_PATHWAY_LIST.label(p, lang);

export const WEEKLY_STYLE = html`<style>
.kk-p-ok,.kk-p-ok>*{background:#dff0d8 !important}.kk-p-tight,.kk-p-tight>*{background:#fcf3c4 !important}
.kk-p-over,.kk-p-over>*{background:#f9d2ae !important}.kk-p-severe,.kk-p-severe>*{background:#f2b1ad !important}
.kk-p-missing,.kk-p-missing>*{background:#eee !important}
.kk-grid td,.kk-grid th{vertical-align:top}
.kk-grid td a{display:block;color:#1a1a1a;text-decoration:none}
.kk-grid td small,.kk-grid th small{display:block;font-weight:400}
.kk-over{font-weight:700;color:#8a1f11}
.kk-status-overdue{display:inline-block;padding:1px 8px;border-radius:12px;background:#8a1f11;color:#fff;font-size:1.4rem}
.kk-status-pending{display:inline-block;padding:1px 8px;border-radius:12px;background:#e6eef7;color:#0b2a4a;font-size:1.4rem}
.kk-weekly fieldset{border:1px solid #ccc;border-radius:4px;padding:16px;margin-bottom:24px}
.kk-weekly .form-input{max-width:8rem}
.kk-legend span{display:inline-block;padding:2px 8px;margin-right:8px;border-radius:4px}
</style>`;

/** A label inside a sentence: "Endoskopi" → "endoskopi", while abbreviations such as CT and MR keep their capitals. */
export function midSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function numberField(args: {
  name: string;
  label: string;
  hint?: string;
  values: FormValues;
  errors: Record<string, string>;
  lang: Lang;
}): Raw {
  const { name, label, values, errors } = args;
  const value = typeof values[name] === 'string' ? (values[name] as string) : '';
  return html`<div class="form-group${errors[name] ? ' form-error' : ''}">
    <label class="form-label" for="${name}">${label}</label>
    ${args.hint ? html`<span class="form-hint">${args.hint}</span>` : ''}
    ${fieldError(errors, name, args.lang)}
    <input class="form-input" type="number" inputmode="numeric" min="0" id="${name}" name="${name}" value="${value}" ${errors[name] ? html`aria-describedby="${name}-fejl"` : ''}>
  </div>`;
}

/** The weekly report form of one department: one section per cancer type it treats. */
export function weeklyForm(args: {
  department: Department & { hospitalName: string };
  departments: (Department & { hospitalName: string })[];
  week: string;
  deadline: Date;
  values: FormValues;
  errors: Record<string, string>;
  csrf: string;
  lang?: Lang;
  /** The time of the stored report the fields show (the week's last submission); none for an empty form. */
  prefilledFrom?: string;
  /** Now, to mark a deadline that has passed. */
  now?: Date;
}): Raw {
  const { department, values, errors } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const v = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');
  const passed = args.now !== undefined && args.now.getTime() > args.deadline.getTime();
  return html`${WEEKLY_STYLE}
<h1>${tr('weekly.heading')}</h1>
<p class="font-lead">${department.name}, ${department.hospitalName} – ${weekLabel(args.week, lang)}. ${tr('weekly.deadline', { deadline: formatDateTime(args.deadline, lang) })}${passed ? html` <strong class="kk-status-overdue" id="frist-overskredet">${tr('weekly.deadlinePassed')}</strong>` : ''}.</p>
${args.prefilledFrom ? notice('info', tr('weekly.prefilled', { week: weekLabel(args.week, lang), at: formatDateTime(args.prefilledFrom, lang) }), tr('weekly.prefilledText')) : ''}
<p>${tr('weekly.intro', { udredning: MAX_WAIT_DAYS.udredning, behandling: MAX_WAIT_DAYS.behandling })}</p>
${
  args.departments.length > 1
    ? html`<form method="get" action="/ugerapport" class="mb-6"><label class="form-label" for="afdeling">${tr('weekly.department')}</label>
<select class="form-select" id="afdeling" name="afdeling">${args.departments.map((d) => html`<option value="${d.id}" ${d.id === department.id ? html`selected` : ''}>${d.name}, ${d.hospitalName}</option>`)}</select>
<button class="button button-secondary" type="submit">${tr('weekly.switchDepartment')}</button></form>`
    : ''
}
${errorSummary(errors, lang)}
<form method="post" action="/ugerapport" novalidate class="kk-weekly">
  <input type="hidden" name="csrf" value="${args.csrf}">
  <input type="hidden" name="departmentId" value="${department.id}">
  ${department.cancerTypes.map(
    (ct) => html`<fieldset id="${ct}">
    <legend class="h3">${cancerTypeLabel(ct, lang)}</legend>
    ${
      department.udredning
        ? numberField({
            name: `${ct}.udredningDays`,
            label: tr('weekly.field.udredning'),
            values,
            errors,
            lang,
          })
        : ''
    }
    ${department.modalities.map((m) =>
      numberField({
        name: `${ct}.treatmentDays.${m}`,
        label: tr('weekly.field.treatment', { modality: pathwayLabel(m, lang).toLowerCase() }),
        values,
        errors,
        lang,
      }),
    )}
    <details${DIAGNOSTIC_MODALITIES.some((d) => v(`${ct}.diagnosticDays.${d}`) !== '' || errors[`${ct}.diagnosticDays.${d}`]) ? html` open` : ''}>
      <summary>${tr('weekly.diagnostics')}</summary>
      ${DIAGNOSTIC_MODALITIES.map((d) =>
        numberField({
          name: `${ct}.diagnosticDays.${d}`,
          label: tr('weekly.field.diagnostic', {
            modality: midSentence(DIAGNOSTIC_MODALITY_LIST.label(d, lang)),
          }),
          values,
          errors,
          lang,
        }),
      )}
    </details>
    ${numberField({
      name: `${ct}.spareCapacity`,
      label: tr('weekly.field.spare'),
      hint: tr('weekly.field.spareHint'),
      values,
      errors,
      lang,
    })}
    <div class="form-group${errors[`${ct}.comment`] ? ' form-error' : ''}">
      <label class="form-label" for="${ct}.comment">${tr('weekly.field.comment')}</label>
      <span class="form-hint">${tr('weekly.field.commentHint')}</span>
      ${fieldError(errors, `${ct}.comment`, lang)}
      ${(() => {
        const comment = limited(`${ct}.comment`, COMMENT_MAX, v(`${ct}.comment`), lang);
        return html`<textarea class="form-input" id="${ct}.comment" name="${ct}.comment" rows="2" style="max-width:40rem" ${comment.attrs}>${v(`${ct}.comment`)}</textarea>${comment.counter}`;
      })()}
    </div>
  </fieldset>`,
  )}
  <button class="button button-primary" type="submit">${tr('weekly.submit')}</button>
</form>`;
}

/** The proposal; only people who may report the problem get the pre-filled form's button. */
export function proposalNotice(proposal: EscalationProposal, mayReport = true, lang: Lang = 'da'): Raw {
  const tr = translator(lang);
  const parts = proposal.pathways.map(
    (p) => `${pathwayLabel(p, lang).toLowerCase()} ${daysText(proposal.days[p], lang)}`,
  );
  return html`<div class="alert alert-warning" role="status"><div class="alert-body">
  <p class="alert-heading">${tr('weekly.proposal.heading', { cancerType: cancerTypeLabel(proposal.cancerType, lang) })}</p>
  <p class="alert-text">${tr('weekly.proposal.text', { count: proposal.weeks.length, weeks: proposal.weeks.map((w) => weekLabel(w, lang)).join(', '), waits: parts.join(', ') })}</p>
  <p class="alert-text">${
    mayReport
      ? html`<a class="button button-primary" href="/indberet?${proposalQuery(proposal)}">${tr('weekly.proposal.report')}</a>`
      : tr('weekly.proposal.byMail')
  }</p>
</div></div>`;
}

export function weeklyReceipt(args: {
  department: Department & { hospitalName: string };
  week: string;
  reports: WeeklyReport[];
  history: WeeklyReport[];
  proposals: EscalationProposal[];
  opened: { id: string }[];
  /** Whether the viewer may report a capacity problem for the department. */
  mayReport?: boolean;
  lang?: Lang;
}): Raw {
  const { department, reports } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const count = args.history.length;
  return html`${WEEKLY_STYLE}
${notice('success', tr('weekly.receipt.saved', { week: weekLabel(args.week, lang) }), `${department.name}, ${department.hospitalName}.`)}
${args.opened.map((o) => notice('warning', tr('weekly.receipt.opened'), tr('weekly.receipt.seeProblem', { path: `/problemer/${o.id}` })))}
${args.opened.map((o) => html`<p><a href="/problemer/${o.id}">${tr('weekly.receipt.goToProblem')}</a></p>`)}
${args.proposals.map((p) => proposalNotice(p, args.mayReport ?? true, lang))}
<h1>${tr('weekly.receipt.heading', { week: weekLabel(args.week, lang) })}</h1>
<table class="table">
<thead><tr><th scope="col">${tr('weekly.col.cancerType')}</th><th scope="col">${tr('weekly.col.waits')}</th><th scope="col">${tr('weekly.col.spare')}</th><th scope="col">${tr('weekly.col.comment')}</th></tr></thead>
<tbody>${reports.map(
    (r) =>
      html`<tr><td><a href="/ventetider/${r.cancerType}">${cancerTypeLabel(r.cancerType, lang)}</a></td><td>${waitsText(r, lang)}</td><td>${r.spareCapacity}</td><td>${r.comment}</td></tr>`,
  )}</tbody></table>
<h2>${tr('weekly.receipt.history')}</h2>
<p>${count === 1 ? tr('weekly.receipt.count.one') : tr('weekly.receipt.count.many', { count })}</p>
<ul>${[...new Set(args.history.map((h) => h.submittedAt))].map(
    (at) =>
      html`<li>${tr('weekly.receipt.by', { time: formatDateTime(at, lang), name: args.history.find((h) => h.submittedAt === at)?.submittedBy ?? '' })}</li>`,
  )}</ul>
<p><a href="/ugerapport?afdeling=${department.id}">${tr('weekly.receipt.edit')}</a> · <a href="/ventetider">${tr('weekly.nationalLink')}</a></p>`;
}

function waitsText(r: WeeklyReport, lang: Lang): Raw {
  const parts = PATHWAYS.map((p) => [p, waitFor(r, p)] as const).filter(([, d]) => d !== undefined);
  return html`${parts.map(
    ([p, d], i) =>
      html`${i > 0 ? ', ' : ''}${pathwayLabel(p, lang).toLowerCase()} <span class="${(d ?? 0) > maxWaitFor(p) ? 'kk-over' : ''}">${d}</span>`,
  )}`;
}

// ---------------------------------------------------------------- charts

/** A small line chart of worst waits per week, with the maximum as a dashed line. */
export function trendChart(
  values: (number | undefined)[],
  options: { width?: number; height?: number; label: string },
): Raw {
  const width = options.width ?? 120;
  const height = options.height ?? 32;
  const top = Math.max(2 * MAX_WAIT_DAYS.behandling, ...values.filter((v): v is number => v !== undefined));
  const x = (i: number) => (values.length <= 1 ? width / 2 : 2 + (i * (width - 4)) / (values.length - 1));
  const y = (v: number) => height - 2 - (v / top) * (height - 4);
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === undefined) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
    pen = true;
  });
  const maxY = y(MAX_WAIT_DAYS.behandling).toFixed(1);
  const dots = values
    .map((v, i) => (v === undefined ? undefined : { cx: x(i).toFixed(1), cy: y(v).toFixed(1), over: v > 14 }))
    .filter((p): p is { cx: string; cy: string; over: boolean } => p !== undefined);
  return html`<svg role="img" aria-label="${options.label}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
<title>${options.label}</title>
<line x1="0" x2="${width}" y1="${maxY}" y2="${maxY}" stroke="#8a1f11" stroke-dasharray="3 2" stroke-width="1"/>
<path d="${d.trim()}" fill="none" stroke="#0b2a4a" stroke-width="1.5"/>
${dots.map((p) => html`<circle cx="${p.cx}" cy="${p.cy}" r="2" fill="${p.over ? '#8a1f11' : '#0b2a4a'}"/>`)}
</svg>`;
}

function trendLabel(weeks: string[], values: (number | undefined)[], lang: Lang): string {
  const tr = translator(lang);
  return tr('weekly.trend', {
    weeks: weeks
      .map(
        (w, i) =>
          `${weekLabel(w, lang)}: ${values[i] === undefined ? tr('weekly.trend.none') : daysText(values[i], lang)}`,
      )
      .join('; '),
  });
}

function statusBadge(status: ReportStatus, lang: Lang): Raw {
  if (status === 'reported') return html``;
  return html` <span class="kk-status-${status}">${t(lang, status === 'overdue' ? 'weekly.status.overdue' : 'weekly.status.pending')}</span>`;
}

export function legend(lang: Lang = 'da'): Raw {
  const levels: Pressure[] = ['ok', 'tight', 'over', 'severe', 'missing'];
  return html`<p class="kk-legend">${levels.map((p) => html`<span class="kk-p-${p}">${pressureLabel(p, lang)}</span>`)}</p>`;
}

// ---------------------------------------------------------------- national overview

/** The last weeks' referral counts (every region), shown below the waits. */
type RecentReferrals = { weeks: string[]; records: ReferralWeek[]; mayRecord?: boolean };

/** `mayReport`: the person may send a weekly report (else no link that leads to a refusal). */
export function nationalPage(
  overview: NationalOverview,
  lang: Lang = 'da',
  referrals?: RecentReferrals,
  mayReport = true,
): Raw {
  const tr = translator(lang);
  const regions = referenceData().regions;
  const withData = overview.rows.filter((r) => r.cells.some((c) => c.departments > 0));
  const table = html`<table class="table kk-grid" id="national">
<thead><tr><th scope="col">${tr('weekly.col.cancerType')}</th>${regions.map((r) => html`<th scope="col">${regionLabel(r.id, lang)}</th>`)}</tr></thead>
<tbody>${withData.map(
    (row) => html`<tr>
  <th scope="row"><a href="/ventetider/${row.cancerType}">${cancerTypeLabel(row.cancerType, lang)}</a></th>
  ${row.cells.map((cell) =>
    cell.departments === 0
      ? html`<td class="kk-p-missing"><small>${tr('weekly.national.noDepartments')}</small></td>`
      : html`<td class="kk-p-${cell.pressure}" data-region="${cell.region}" data-pressure="${cell.pressure}"><a href="/ventetider/${row.cancerType}#region-${cell.region}">
      <strong>${pressureLabel(cell.pressure, lang)}</strong>
      <small>${tr('weekly.national.over', { over: cell.over, departments: cell.departments })}</small>
      ${cell.overdue > 0 ? html`<small class="kk-over">${cell.overdue === 1 ? tr('weekly.national.overdue.one') : tr('weekly.national.overdue.many', { count: cell.overdue })}</small>` : ''}
      ${trendChart(cell.trend, { label: trendLabel(overview.weeks, cell.trend, lang) })}
    </a></td>`,
  )}
</tr>`,
  )}</tbody></table>`;
  return html`${WEEKLY_STYLE}
<h1>${tr('weekly.national.heading')}</h1>
<p class="font-lead">${tr('weekly.national.lead', { week: weekLabel(overview.week, lang), udredning: MAX_WAIT_DAYS.udredning, behandling: MAX_WAIT_DAYS.behandling, weeks: overview.weeks.length })}</p>
${legend(lang)}
<p>${mayReport ? html`<a href="/ugerapport">${tr('weekly.submit')}</a> · ` : ''}<a href="/find-kapacitet">${tr('finder.title')}</a></p>
${scrollTable(tr('weekly.national.tableLabel'), table, lang)}
${referrals ? referralNationalSection({ ...referrals, lang }) : ''}`;
}

// ---------------------------------------------------------------- per cancer type

function signed(n: number | undefined): string {
  if (n === undefined) return '';
  return n > 0 ? `+${n}` : n === 0 ? '±0' : `${n}`;
}

/** During a holiday period: the department's planned capacity for the week, beside its waits. */
function plannedText(plan: HolidayWeekPlan | undefined, departmentId: string, lang: Lang): Raw {
  if (!plan) return html``;
  const planned = plan.departments[departmentId];
  const text = !planned
    ? t(lang, 'holiday.weekly.none')
    : planned.closed
      ? t(lang, 'holiday.weekly.closed')
      : t(lang, 'holiday.weekly.share', { share: planned.share });
  return html`<small data-holiday-plan>${text}</small>`;
}

export function cancerPage(
  overview: CancerOverview,
  lang: Lang = 'da',
  plan?: HolidayWeekPlan,
  referrals?: RecentReferrals,
): Raw {
  const tr = translator(lang);
  const name = cancerTypeLabel(overview.cancerType, lang);
  const regions = referenceData().regions.filter((r) => overview.rows.some((row) => row.region === r.id));
  const columns: Pathway[] = PATHWAYS.filter((p) =>
    overview.rows.some((r) => (p === 'udredning' ? r.udredning : r.modalities.includes(p))),
  );
  return html`${WEEKLY_STYLE}
<h1>${tr('weekly.cancer.heading', { name })}</h1>
<p class="font-lead">${tr('weekly.cancer.lead', { week: weekLabel(overview.week, lang), udredning: MAX_WAIT_DAYS.udredning, behandling: MAX_WAIT_DAYS.behandling })}</p>
${legend(lang)}
<p><a href="/ventetider">${tr('weekly.nationalLink')}</a> · <a href="/find-kapacitet?cancerType=${overview.cancerType}">${tr('weekly.cancer.finderLink', { name: name.toLowerCase() })}</a></p>
${plan ? html`<p id="ferieplan">${t(lang, 'holiday.weekly.notice', { period: plan.name })} <a href="/ferieplaner/${plan.periodId}">${t(lang, 'holiday.weekly.link')}</a></p>` : ''}
${regions.map((region) => {
  const rows = overview.rows.filter((r) => r.region === region.id);
  const regionName = regionLabel(region.id, lang);
  const table = html`<table class="table kk-grid">
<thead><tr><th scope="col">${tr('weekly.col.department')}</th>${columns.map((p) => html`<th scope="col">${pathwayLabel(p, lang)}</th>`)}<th scope="col">${tr('weekly.col.spare')}</th><th scope="col">${tr('weekly.col.trend')}</th><th scope="col">${tr('weekly.col.comment')}</th></tr></thead>
<tbody>${rows.map((row) => {
    const latest = row.latest;
    const stale = latest && latest.week !== overview.week;
    return html`<tr class="kk-p-${row.pressure}" data-department="${row.departmentId}" data-status="${row.status}">
  <th scope="row">${row.departmentName}<small>${row.hospitalName}</small>${statusBadge(row.status, lang)}${stale && latest ? html`<small>${tr('weekly.figuresFrom', { week: weekLabel(latest.week, lang) })}</small>` : ''}${plannedText(plan, row.departmentId, lang)}</th>
  ${columns.map((p) => {
    const d = latest ? waitFor(latest, p) : undefined;
    if (d === undefined) return html`<td>–</td>`;
    const change = signed(changeFromLastWeek(latest, row.previous, p));
    return html`<td><span class="${d > maxWaitFor(p) ? 'kk-over' : ''}">${d}${d > maxWaitFor(p) ? html` <span class="sr-only">${tr('weekly.overMax')}</span>` : ''}</span>${change ? html` <small>(${change})</small>` : ''}</td>`;
  })}
  <td>${latest ? latest.spareCapacity : '–'}</td>
  <td>${trendChart(row.trend, { label: trendLabel(overview.weeks, row.trend, lang) })}</td>
  <td>${latest?.comment ?? ''}${latest && diagnosticsText(latest, lang)}</td>
</tr>`;
  })}</tbody></table>`;
  return html`<h2 id="region-${region.id}">${regionName}</h2>
${scrollTable(tr('weekly.cancer.tableLabel', { region: regionName }), table, lang)}`;
})}
${referrals ? referralCancerSection({ cancerType: overview.cancerType, ...referrals, lang }) : ''}`;
}

function diagnosticsText(r: WeeklyReport, lang: Lang): Raw {
  const parts = DIAGNOSTIC_MODALITIES.filter((d) => r.diagnosticDays?.[d] !== undefined).map(
    (d) => `${DIAGNOSTIC_MODALITY_LIST.label(d, lang)} ${r.diagnosticDays[d]} d`,
  );
  return parts.length > 0 ? html`<small>${parts.join(', ')}</small>` : html``;
}

// ---------------------------------------------------------------- finder

/** External providers with a valid agreement: shown only when no public department can start in time. */
function externalResult(external: ExternalHit[], pathway: Pathway, lang: Lang): Raw {
  const tr = translator(lang);
  if (external.length === 0)
    return html`<p id="finder-external-none">${tHtml(lang, 'finder.external.none', { register: html`<a href="/eksterne-udbydere">${tr('finder.external.register')}</a>` })}</p>`;
  return html`<h2 id="eksterne">${external.length === 1 ? tr('finder.external.heading.one') : tr('finder.external.heading.many', { count: external.length })}</h2>
<p>${tr('finder.external.text', { days: maxWaitFor(pathway) })}</p>
<table class="table" id="finder-external">
<thead><tr><th scope="col">${tr('finder.external.col.provider')}</th><th scope="col">${tr('finder.external.col.typical')}</th><th scope="col">${tr('finder.external.col.agreement')}</th><th scope="col">${tr('finder.external.col.contact')}</th><th scope="col"><span class="sr-only">${tr('finder.external.col.checklist')}</span></th></tr></thead>
<tbody>${external.map(
    (e) => html`<tr data-provider="${e.providerId}">
  <th scope="row"><strong class="badge">${tr('finder.external.badge')}</strong> ${e.name}<small style="display:block">${PROVIDER_KIND_LIST.label(e.kind, lang)}, ${e.country}</small></th>
  <td>${daysText(e.typicalDays, lang)}${e.withinMax ? '' : html`<small style="display:block">${tr('finder.external.overMax')}</small>`}</td>
  <td>${validityText(e, lang)}</td>
  <td>${e.contact.name}<br><a href="mailto:${e.contact.email}">${e.contact.email}</a><br>${e.contact.phone}</td>
  <td><a href="/eksterne-udbydere/${e.providerId}/tjekliste">${tr('finder.external.checklist')}</a></td>
</tr>`,
  )}</tbody></table>`;
}

export function finderPage(args: {
  query: { cancerType?: string; pathway?: string; region?: string };
  errors: Record<string, string>;
  result?: { week: string; hits: FinderHit[]; external: ExternalHit[] };
  /** Cancer types an external provider offers: selectable even where no public department treats them. */
  externalCancerTypes?: string[];
  lang?: Lang;
}): Raw {
  const { query, errors, result } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const data = referenceData();
  const treated = new Set([
    ...data.departments.flatMap((d) => d.cancerTypes),
    ...(args.externalCancerTypes ?? []),
  ]);
  return html`${WEEKLY_STYLE}
<h1>${tr('finder.title')}</h1>
<p class="font-lead">${tHtml(lang, 'finder.lead', { external: html`<a href="/eksterne-udbydere">${tr('finder.externalLink')}</a>` })}</p>
${errorSummary(errors, lang)}
<form method="get" action="/find-kapacitet" novalidate>
  <div class="form-group${errors.cancerType ? ' form-error' : ''}"><label class="form-label" for="cancerType">${tr('finder.cancerType')}</label>${fieldError(errors, 'cancerType', lang)}
  <select class="form-select" id="cancerType" name="cancerType"><option value="">${tr('finder.chooseCancerType')}</option>${data.cancerTypes
    .filter((c) => treated.has(c.id))
    .map(
      (c) =>
        html`<option value="${c.id}" ${query.cancerType === c.id ? html`selected` : ''}>${cancerTypeLabel(c.id, lang)}</option>`,
    )}</select></div>
  <div class="form-group${errors.pathway ? ' form-error' : ''}"><label class="form-label" for="pathway">${tr('finder.pathway')}</label>${fieldError(errors, 'pathway', lang)}
  <select class="form-select" id="pathway" name="pathway">${PATHWAYS.map((p) => html`<option value="${p}" ${query.pathway === p ? html`selected` : ''}>${pathwayLabel(p, lang)}</option>`)}</select></div>
  <div class="form-group${errors.region ? ' form-error' : ''}"><label class="form-label" for="region">${tr('finder.region')}</label>${fieldError(errors, 'region', lang)}
  <select class="form-select" id="region" name="region">${data.regions.map((r) => html`<option value="${r.id}" ${query.region === r.id ? html`selected` : ''}>${regionLabel(r.id, lang)}</option>`)}</select></div>
  <p><button class="button button-primary" type="submit">${tr('finder.submit')}</button></p>
</form>
${result ? finderResult(result, query.region as RegionId, query.pathway as Pathway, query.cancerType ?? '', lang) : ''}`;
}

function finderResult(
  result: { week: string; hits: FinderHit[]; external: ExternalHit[] },
  home: RegionId,
  pathway: Pathway,
  cancerType: string,
  lang: Lang,
): Raw {
  const tr = translator(lang);
  if (result.hits.length === 0) {
    return html`${notice('warning', tr('finder.none'), tr('finder.noneText'))}${externalResult(result.external, pathway, lang)}`;
  }
  const found = {
    pathway: pathwayLabel(pathway, lang).toLowerCase(),
    cancerType: cancerTypeLabel(cancerType, lang).toLowerCase(),
    days: maxWaitFor(pathway),
  };
  return html`<h2 id="resultat">${result.hits.length === 1 ? tr('finder.hits.one', found) : tr('finder.hits.many', { ...found, count: result.hits.length })}</h2>
<p>${tr('finder.sorted', { region: regionLabel(home, lang) })}</p>
<table class="table" id="finder-results">
<thead><tr><th scope="col">${tr('weekly.col.department')}</th><th scope="col">${tr('finder.col.region')}</th><th scope="col">${tr('finder.col.expected')}</th><th scope="col">${tr('weekly.col.spare')}</th><th scope="col">${tr('finder.col.contact')}</th></tr></thead>
<tbody>${result.hits.map(
    (h) => html`<tr data-department="${h.departmentId}">
  <th scope="row">${h.departmentName}<small style="display:block">${h.hospitalName}</small>${h.stale ? html`<small style="display:block">${tr('weekly.figuresFrom', { week: weekLabel(h.week, lang) })}</small>` : ''}${statusBadge(h.status, lang)}</th>
  <td>${regionLabel(h.region, lang)}${h.region === home ? ` ${tr('finder.ownRegion')}` : ''}</td>
  <td>${daysText(h.expectedDays, lang)}</td>
  <td>${patientsText(h.spareCapacity, lang)}</td>
  <td>${h.contact ? html`${h.contact.name}<br><small>${h.contact.title}</small><br><a href="mailto:${h.contact.email}">${h.contact.email}</a><br>${h.contact.phone}` : tr('finder.noContact')}</td>
</tr>`,
  )}</tbody></table>`;
}
