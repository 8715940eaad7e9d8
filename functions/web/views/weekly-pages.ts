/**
 * Pages of the weekly exchange: the report form and receipt, the overview per cancer type, the
 * national overview (cancer types × regions, coloured by pressure, with inline SVG trend charts
 * — no build step, no JavaScript) and the capacity finder.
 */

import { type ExternalHit, PROVIDER_KIND_LIST, validityText } from '#domain/external-providers.ts';
import {
  cancerTypeName,
  type Department,
  DIAGNOSTIC_MODALITIES,
  MODALITY_LABELS,
  type RegionId,
  referenceData,
  regionName,
} from '#domain/reference.ts';
import { formatDateTime } from '#domain/time.ts';
import {
  COMMENT_MAX,
  changeFromLastWeek,
  DIAGNOSTIC_LABELS,
  daysText,
  type EscalationProposal,
  type FinderHit,
  MAX_WAIT_DAYS,
  maxWaitFor,
  PATHWAY_LABELS,
  PATHWAYS,
  type Pathway,
  PRESSURE_LABELS,
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
import { t } from '../i18n/index.ts';
import { errorSummary, notice } from '../layout.ts';

export type FormValues = Record<string, string | string[] | undefined>;

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
}): Raw {
  const { name, label, values, errors } = args;
  const value = typeof values[name] === 'string' ? (values[name] as string) : '';
  return html`<div class="form-group${errors[name] ? ' form-error' : ''}">
    <label class="form-label" for="${name}">${label}</label>
    ${args.hint ? html`<span class="form-hint">${args.hint}</span>` : ''}
    ${fieldError(errors, name)}
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
  /** The time of the stored report the fields show (the week's last submission); none for an empty form. */
  prefilledFrom?: string;
  /** Now, to mark a deadline that has passed. */
  now?: Date;
}): Raw {
  const { department, values, errors } = args;
  const v = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');
  const passed = args.now !== undefined && args.now.getTime() > args.deadline.getTime();
  return html`${WEEKLY_STYLE}
<h1>Ugerapport: ventetider og ledig kapacitet</h1>
<p class="font-lead">${department.name}, ${department.hospitalName} – ${weekLabel(args.week)}. Frist: ${formatDateTime(args.deadline)}${passed ? html` <strong class="kk-status-overdue" id="frist-overskredet">${t('da', 'weekly.deadlinePassed')}</strong>` : ''}.</p>
${args.prefilledFrom ? notice('info', t('da', 'weekly.prefilled', { week: weekLabel(args.week), at: formatDateTime(args.prefilledFrom) }), t('da', 'weekly.prefilledText')) : ''}
<p>Angiv forventet antal kalenderdage fra henvisning til start af udredning og til start af hver behandling, som afdelingen tilbyder. Maksimum er ${MAX_WAIT_DAYS.udredning} dage til udredning og ${MAX_WAIT_DAYS.behandling} dage til behandling. Indberetter I igen i samme uge, erstatter de nye tal de gamle (de gamle gemmes i historikken).</p>
${
  args.departments.length > 1
    ? html`<form method="get" action="/ugerapport" class="mb-6"><label class="form-label" for="afdeling">Afdeling</label>
<select class="form-select" id="afdeling" name="afdeling">${args.departments.map((d) => html`<option value="${d.id}" ${d.id === department.id ? html`selected` : ''}>${d.name}, ${d.hospitalName}</option>`)}</select>
<button class="button button-secondary" type="submit">Skift afdeling</button></form>`
    : ''
}
${errorSummary(errors)}
<form method="post" action="/ugerapport" novalidate class="kk-weekly">
  <input type="hidden" name="csrf" value="${args.csrf}">
  <input type="hidden" name="departmentId" value="${department.id}">
  ${department.cancerTypes.map(
    (ct) => html`<fieldset id="${ct}">
    <legend class="h3">${cancerTypeName(ct)}</legend>
    ${
      department.udredning
        ? numberField({ name: `${ct}.udredningDays`, label: 'Dage til start af udredning', values, errors })
        : ''
    }
    ${department.modalities.map((m) =>
      numberField({
        name: `${ct}.treatmentDays.${m}`,
        label: `Dage til start af behandling: ${MODALITY_LABELS[m].toLowerCase()}`,
        values,
        errors,
      }),
    )}
    <details${DIAGNOSTIC_MODALITIES.some((d) => v(`${ct}.diagnosticDays.${d}`) !== '' || errors[`${ct}.diagnosticDays.${d}`]) ? html` open` : ''}>
      <summary>Diagnostiske undersøgelser (valgfrit)</summary>
      ${DIAGNOSTIC_MODALITIES.map((d) =>
        numberField({
          name: `${ct}.diagnosticDays.${d}`,
          label: `Dage til ${midSentence(DIAGNOSTIC_LABELS[d])}`,
          values,
          errors,
        }),
      )}
    </details>
    ${numberField({
      name: `${ct}.spareCapacity`,
      label: 'Ledig kapacitet de næste to uger (patienter fra andre hospitaler)',
      hint: 'Skriv 0, hvis I ikke kan tage patienter fra andre.',
      values,
      errors,
    })}
    <div class="form-group${errors[`${ct}.comment`] ? ' form-error' : ''}">
      <label class="form-label" for="${ct}.comment">Kort kommentar (valgfri)</label>
      <span class="form-hint">Ingen CPR-numre eller andre patientoplysninger.</span>
      ${fieldError(errors, `${ct}.comment`)}
      ${(() => {
        const comment = limited(`${ct}.comment`, COMMENT_MAX, v(`${ct}.comment`));
        return html`<textarea class="form-input" id="${ct}.comment" name="${ct}.comment" rows="2" style="max-width:40rem" ${comment.attrs}>${v(`${ct}.comment`)}</textarea>${comment.counter}`;
      })()}
    </div>
  </fieldset>`,
  )}
  <button class="button button-primary" type="submit">Indberet ugens tal</button>
</form>`;
}

/** The proposal; only people who may report the problem get the pre-filled form's button. */
export function proposalNotice(proposal: EscalationProposal, mayReport = true): Raw {
  const parts = proposal.pathways.map(
    (p) => `${PATHWAY_LABELS[p].toLowerCase()} ${daysText(proposal.days[p])}`,
  );
  return html`<div class="alert alert-warning" role="status"><div class="alert-body">
  <p class="alert-heading">Forslag: indberet et kapacitetsproblem for ${cancerTypeName(proposal.cancerType)}</p>
  <p class="alert-text">Ventetiden har været over maksimum i ${proposal.weeks.length} uger i træk (${proposal.weeks.map(weekLabel).join(', ')}): ${parts.join(', ')}.</p>
  <p class="alert-text">${
    mayReport
      ? html`<a class="button button-primary" href="/indberet?${proposalQuery(proposal)}">Indberet kapacitetsproblem (udfyldt)</a>`
      : 'Afdelingen har fået forslaget på e-mail og kan indberette problemet derfra.'
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
}): Raw {
  const { department, reports } = args;
  return html`${WEEKLY_STYLE}
${notice('success', `Tak – ugerapporten for ${weekLabel(args.week)} er gemt.`, `${department.name}, ${department.hospitalName}.`)}
${args.opened.map((o) => notice('warning', 'Et kapacitetsproblem er oprettet automatisk ud fra ugerapporten.', `Se sagen: /problemer/${o.id}`))}
${args.opened.map((o) => html`<p><a href="/problemer/${o.id}">Gå til sagen</a></p>`)}
${args.proposals.map((p) => proposalNotice(p, args.mayReport ?? true))}
<h1>Ugerapport ${weekLabel(args.week)}</h1>
<table class="table">
<thead><tr><th scope="col">Kræftform</th><th scope="col">Ventetider (dage)</th><th scope="col">Ledig kapacitet</th><th scope="col">Kommentar</th></tr></thead>
<tbody>${reports.map(
    (r) =>
      html`<tr><td><a href="/ventetider/${r.cancerType}">${cancerTypeName(r.cancerType)}</a></td><td>${waitsText(r)}</td><td>${r.spareCapacity}</td><td>${r.comment}</td></tr>`,
  )}</tbody></table>
<h2>Indberetninger i ugen</h2>
<p>${args.history.length} indberetning${args.history.length === 1 ? '' : 'er'} (den seneste gælder):</p>
<ul>${[...new Set(args.history.map((h) => h.submittedAt))].map(
    (at) =>
      html`<li>${formatDateTime(at)} af ${args.history.find((h) => h.submittedAt === at)?.submittedBy}</li>`,
  )}</ul>
<p><a href="/ugerapport?afdeling=${department.id}">Ret ugens tal</a> · <a href="/ventetider">National oversigt</a></p>`;
}

function waitsText(r: WeeklyReport): Raw {
  const parts = PATHWAYS.map((p) => [p, waitFor(r, p)] as const).filter(([, d]) => d !== undefined);
  return html`${parts.map(
    ([p, d], i) =>
      html`${i > 0 ? ', ' : ''}${PATHWAY_LABELS[p].toLowerCase()} <span class="${(d ?? 0) > maxWaitFor(p) ? 'kk-over' : ''}">${d}</span>`,
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

function trendLabel(weeks: string[], values: (number | undefined)[]): string {
  return `Største ventetid pr. uge: ${weeks.map((w, i) => `${weekLabel(w)}: ${values[i] === undefined ? 'ingen tal' : daysText(values[i])}`).join('; ')}`;
}

function statusBadge(status: ReportStatus): Raw {
  if (status === 'reported') return html``;
  return html` <span class="kk-status-${status}">${status === 'overdue' ? 'Ugerapport forsinket' : 'Afventer ugerapport'}</span>`;
}

export function legend(): Raw {
  const levels: Pressure[] = ['ok', 'tight', 'over', 'severe', 'missing'];
  return html`<p class="kk-legend">${levels.map((p) => html`<span class="kk-p-${p}">${PRESSURE_LABELS[p]}</span>`)}</p>`;
}

// ---------------------------------------------------------------- national overview

export function nationalPage(overview: NationalOverview): Raw {
  const regions = referenceData().regions;
  const withData = overview.rows.filter((r) => r.cells.some((c) => c.departments > 0));
  return html`${WEEKLY_STYLE}
<h1>Ventetider – national oversigt</h1>
<p class="font-lead">${weekLabel(overview.week)}. Hver celle viser den mest pressede afdeling i regionen for kræftformen, hvor mange afdelinger der er over maksimum (${MAX_WAIT_DAYS.udredning} dage til udredning, ${MAX_WAIT_DAYS.behandling} til behandling), forsinkede ugerapporter og udviklingen de seneste ${overview.weeks.length} uger (stiplet linje: maksimum).</p>
${legend()}
<p><a href="/ugerapport">Indberet ugens tal</a> · <a href="/find-kapacitet">Find kapacitet</a></p>
<p class="kk-scroll-cue">Rul vandret for at se alle kolonner.</p><div class="kk-scroll" role="region" aria-label="Ventetider på landsplan" tabindex="0"><table class="table kk-grid" id="national">
<thead><tr><th scope="col">Kræftform</th>${regions.map((r) => html`<th scope="col">${r.name}</th>`)}</tr></thead>
<tbody>${withData.map(
    (row) => html`<tr>
  <th scope="row"><a href="/ventetider/${row.cancerType}">${row.name}</a></th>
  ${row.cells.map((cell) =>
    cell.departments === 0
      ? html`<td class="kk-p-missing"><small>Ingen afdelinger</small></td>`
      : html`<td class="kk-p-${cell.pressure}" data-region="${cell.region}" data-pressure="${cell.pressure}"><a href="/ventetider/${row.cancerType}#region-${cell.region}">
      <strong>${PRESSURE_LABELS[cell.pressure]}</strong>
      <small>${cell.over} af ${cell.departments} afd. over maksimum</small>
      ${cell.overdue > 0 ? html`<small class="kk-over">${cell.overdue} ugerapport${cell.overdue === 1 ? '' : 'er'} forsinket</small>` : ''}
      ${trendChart(cell.trend, { label: trendLabel(overview.weeks, cell.trend) })}
    </a></td>`,
  )}
</tr>`,
  )}</tbody></table></div>`;
}

// ---------------------------------------------------------------- per cancer type

function signed(n: number | undefined): string {
  if (n === undefined) return '';
  return n > 0 ? `+${n}` : n === 0 ? '±0' : `${n}`;
}

/** During a holiday period: the department's planned capacity for the week, beside its waits. */
function plannedText(plan: HolidayWeekPlan | undefined, departmentId: string): Raw {
  if (!plan) return html``;
  const planned = plan.departments[departmentId];
  const text = !planned
    ? t('da', 'holiday.weekly.none')
    : planned.closed
      ? t('da', 'holiday.weekly.closed')
      : t('da', 'holiday.weekly.share', { share: planned.share });
  return html`<small data-holiday-plan>${text}</small>`;
}

export function cancerPage(overview: CancerOverview, plan?: HolidayWeekPlan): Raw {
  const name = cancerTypeName(overview.cancerType);
  const regions = referenceData().regions.filter((r) => overview.rows.some((row) => row.region === r.id));
  const columns: Pathway[] = PATHWAYS.filter((p) =>
    overview.rows.some((r) => (p === 'udredning' ? r.udredning : r.modalities.includes(p))),
  );
  return html`${WEEKLY_STYLE}
<h1>Ventetider: ${name}</h1>
<p class="font-lead">${weekLabel(overview.week)}. Forventede dage til start; maksimum ${MAX_WAIT_DAYS.udredning} dage til udredning og ${MAX_WAIT_DAYS.behandling} dage til behandling. Tal i parentes: ændring fra ugen før.</p>
${legend()}
<p><a href="/ventetider">National oversigt</a> · <a href="/find-kapacitet?cancerType=${overview.cancerType}">Find kapacitet for ${name.toLowerCase()}</a></p>
${plan ? html`<p id="ferieplan">${t('da', 'holiday.weekly.notice', { period: plan.name })} <a href="/ferieplaner/${plan.periodId}">${t('da', 'holiday.weekly.link')}</a></p>` : ''}
${regions.map((region) => {
  const rows = overview.rows.filter((r) => r.region === region.id);
  return html`<h2 id="region-${region.id}">${region.name}</h2>
<p class="kk-scroll-cue">Rul vandret for at se alle kolonner.</p><div class="kk-scroll" role="region" aria-label="Ventetider pr. afdeling" tabindex="0"><table class="table kk-grid">
<thead><tr><th scope="col">Afdeling</th>${columns.map((p) => html`<th scope="col">${PATHWAY_LABELS[p]}</th>`)}<th scope="col">Ledig kapacitet</th><th scope="col">Udvikling</th><th scope="col">Kommentar</th></tr></thead>
<tbody>${rows.map((row) => {
    const latest = row.latest;
    const stale = latest && latest.week !== overview.week;
    return html`<tr class="kk-p-${row.pressure}" data-department="${row.departmentId}" data-status="${row.status}">
  <th scope="row">${row.departmentName}<small>${row.hospitalName}</small>${statusBadge(row.status)}${stale && latest ? html`<small>Tal fra ${weekLabel(latest.week)}</small>` : ''}${plannedText(plan, row.departmentId)}</th>
  ${columns.map((p) => {
    const d = latest ? waitFor(latest, p) : undefined;
    if (d === undefined) return html`<td>–</td>`;
    const change = signed(changeFromLastWeek(latest, row.previous, p));
    return html`<td><span class="${d > maxWaitFor(p) ? 'kk-over' : ''}">${d}${d > maxWaitFor(p) ? html` <span class="sr-only">(over maksimum)</span>` : ''}</span>${change ? html` <small>(${change})</small>` : ''}</td>`;
  })}
  <td>${latest ? latest.spareCapacity : '–'}</td>
  <td>${trendChart(row.trend, { label: trendLabel(overview.weeks, row.trend) })}</td>
  <td>${latest?.comment ?? ''}${latest && diagnosticsText(latest)}</td>
</tr>`;
  })}</tbody></table></div>`;
})}`;
}

function diagnosticsText(r: WeeklyReport): Raw {
  const parts = DIAGNOSTIC_MODALITIES.filter((d) => r.diagnosticDays?.[d] !== undefined).map(
    (d) => `${DIAGNOSTIC_LABELS[d]} ${r.diagnosticDays[d]} d`,
  );
  return parts.length > 0 ? html`<small>${parts.join(', ')}</small>` : html``;
}

// ---------------------------------------------------------------- finder

/** External providers with a valid agreement: shown only when no public department can start in time. */
function externalResult(external: ExternalHit[], pathway: Pathway): Raw {
  if (external.length === 0)
    return html`<p id="finder-external-none">Ingen eksterne udbydere med gyldig aftale tilbyder dette forløb. Se <a href="/eksterne-udbydere">registret over eksterne udbydere</a>.</p>`;
  return html`<h2 id="eksterne">Ekstern kapacitet: ${external.length} udbyder${external.length === 1 ? '' : 'e'} med gyldig aftale</h2>
<p>Private udbydere under udvidet frit sygehusvalg og udenlandske hospitaler med aftale. De vises, fordi ingen offentlig afdeling kan starte inden for ${maxWaitFor(pathway)} dage. Sorteret efter typisk tid til start; danske før udenlandske ved lige vilkår.</p>
<table class="table" id="finder-external">
<thead><tr><th scope="col">Ekstern udbyder</th><th scope="col">Typisk tid til start</th><th scope="col">Aftale</th><th scope="col">Kontakt</th><th scope="col"><span class="sr-only">Tjekliste</span></th></tr></thead>
<tbody>${external.map(
    (e) => html`<tr data-provider="${e.providerId}">
  <th scope="row"><strong class="badge">Ekstern</strong> ${e.name}<small style="display:block">${PROVIDER_KIND_LIST.label(e.kind)}, ${e.country}</small></th>
  <td>${daysText(e.typicalDays)}${e.withinMax ? '' : html`<small style="display:block">over maksimum</small>`}</td>
  <td>${validityText(e)}</td>
  <td>${e.contact.name}<br><a href="mailto:${e.contact.email}">${e.contact.email}</a><br>${e.contact.phone}</td>
  <td><a href="/eksterne-udbydere/${e.providerId}/tjekliste">Henvisningstjekliste</a></td>
</tr>`,
  )}</tbody></table>`;
}

export function finderPage(args: {
  query: { cancerType?: string; pathway?: string; region?: string };
  errors: Record<string, string>;
  result?: { week: string; hits: FinderHit[]; external: ExternalHit[] };
  /** Cancer types an external provider offers: selectable even where no public department treats them. */
  externalCancerTypes?: string[];
}): Raw {
  const { query, errors, result } = args;
  const data = referenceData();
  const treated = new Set([
    ...data.departments.flatMap((d) => d.cancerTypes),
    ...(args.externalCancerTypes ?? []),
  ]);
  return html`${WEEKLY_STYLE}
<h1>Find kapacitet</h1>
<p class="font-lead">Hvor kan patienten starte inden for den maksimale ventetid? Svaret bygger på afdelingernes ugerapporter (denne uges, ellers sidste uges) og viser kun afdelinger med ledig kapacitet. Kan ingen offentlig afdeling starte i tide, vises <a href="/eksterne-udbydere">eksterne udbydere</a> med gyldig aftale bagefter.</p>
${errorSummary(errors)}
<form method="get" action="/find-kapacitet" novalidate>
  <div class="form-group${errors.cancerType ? ' form-error' : ''}"><label class="form-label" for="cancerType">Kræftform</label>${fieldError(errors, 'cancerType')}
  <select class="form-select" id="cancerType" name="cancerType"><option value="">Vælg kræftform</option>${data.cancerTypes
    .filter((c) => treated.has(c.id))
    .map(
      (c) =>
        html`<option value="${c.id}" ${query.cancerType === c.id ? html`selected` : ''}>${c.name}</option>`,
    )}</select></div>
  <div class="form-group${errors.pathway ? ' form-error' : ''}"><label class="form-label" for="pathway">Forløb</label>${fieldError(errors, 'pathway')}
  <select class="form-select" id="pathway" name="pathway">${PATHWAYS.map((p) => html`<option value="${p}" ${query.pathway === p ? html`selected` : ''}>${PATHWAY_LABELS[p]}</option>`)}</select></div>
  <div class="form-group${errors.region ? ' form-error' : ''}"><label class="form-label" for="region">Patientens bopælsregion</label>${fieldError(errors, 'region')}
  <select class="form-select" id="region" name="region">${data.regions.map((r) => html`<option value="${r.id}" ${query.region === r.id ? html`selected` : ''}>${r.name}</option>`)}</select></div>
  <p><button class="button button-primary" type="submit">Find afdelinger</button></p>
</form>
${result ? finderResult(result, query.region as RegionId, query.pathway as Pathway, query.cancerType ?? '') : ''}`;
}

function finderResult(
  result: { week: string; hits: FinderHit[]; external: ExternalHit[] },
  home: RegionId,
  pathway: Pathway,
  cancerType: string,
): Raw {
  if (result.hits.length === 0) {
    return html`${notice(
      'warning',
      'Ingen afdeling har meldt, at den kan starte inden for maksimum med ledig kapacitet.',
      'Overvej at indberette et kapacitetsproblem, så eskalationstrappen sættes i gang.',
    )}${externalResult(result.external, pathway)}`;
  }
  return html`<h2 id="resultat">${result.hits.length} afdeling${result.hits.length === 1 ? '' : 'er'} kan starte ${PATHWAY_LABELS[pathway].toLowerCase()} af ${cancerTypeName(cancerType).toLowerCase()} inden for ${maxWaitFor(pathway)} dage</h2>
<p>Sorteret efter forventet ventetid, derefter ledig kapacitet; ved lige vilkår kommer patientens egen region (${regionName(home)}) først.</p>
<table class="table" id="finder-results">
<thead><tr><th scope="col">Afdeling</th><th scope="col">Region</th><th scope="col">Forventet ventetid</th><th scope="col">Ledig kapacitet</th><th scope="col">Kontakt (regionens primærindgang, ellers afdelingen)</th></tr></thead>
<tbody>${result.hits.map(
    (h) => html`<tr data-department="${h.departmentId}">
  <th scope="row">${h.departmentName}<small style="display:block">${h.hospitalName}</small>${h.stale ? html`<small style="display:block">Tal fra ${weekLabel(h.week)}</small>` : ''}${statusBadge(h.status)}</th>
  <td>${regionName(h.region)}${h.region === home ? ' (egen region)' : ''}</td>
  <td>${daysText(h.expectedDays)}</td>
  <td>${patientsText(h.spareCapacity)}</td>
  <td>${h.contact ? html`${h.contact.name}<br><small>${h.contact.title}</small><br><a href="mailto:${h.contact.email}">${h.contact.email}</a><br>${h.contact.phone}` : 'Ingen kontakt registreret'}</td>
</tr>`,
  )}</tbody></table>`;
}
