/**
 * Pages of the holiday-period plans: the periods, a period's plan (cancer type × region × week
 * coloured by planned capacity, weeks at risk with proposals, who has planned, actual waits
 * during the period, the evaluation after it), a department's plan form and the period form.
 */
import {
  type HolidayEvaluation,
  type HolidayPeriod,
  PERIOD_TEXT_MAX,
  type PeriodPhase,
  PLAN_COMMENT_MAX,
  type PlanCell,
  weekDates,
  workingDates,
} from '#domain/holiday.ts';
import { WAIT_PATHWAY_LIST } from '#domain/lists.ts';
import { cancerTypeLabel, type RegionId, regionLabel } from '#domain/reference.ts';
import { formatDate, formatDateTime, isPublicHoliday } from '#domain/time.ts';
import type { Pathway, ReportStatus } from '#domain/weekly.ts';
import { WEEK_KEY_LENGTH } from '#domain/weekly.ts';
import type { HolidayPlanView } from '../../services/holiday.ts';
import { fieldError, limited } from '../fields.ts';
import { holidayWeekLabel, periodName } from '../holiday-emails.ts';
import { html, type Raw } from '../html.ts';
import { type Lang, translator } from '../i18n/index.ts';
import { errorSummary, notice, scrollTable } from '../layout.ts';
import { WEEKLY_STYLE } from './weekly-pages.ts';

export type FormValues = Record<string, string | string[] | undefined>;

const HOLIDAY_STYLE = html`<style>
.kk-plan td{text-align:center;min-width:6.5rem}.kk-plan td small{display:block}
.kk-plan th[scope=rowgroup]{background:#f4f4f4}
.kk-plan-form td,.kk-plan-form th{vertical-align:top}.kk-plan-form .form-input{max-width:6rem}
.kk-plan-form .form-group{margin:0}
@media print{header,footer,nav,.kk-noprint{display:none!important}.kk-plan tr{break-inside:avoid}}
</style>`;

function weekShort(week: string, lang: Lang): string {
  return holidayWeekLabel(week, lang);
}

function statusText(status: ReportStatus, lang: Lang): string {
  const tr = translator(lang);
  return status === 'reported'
    ? tr('holiday.status.reported')
    : status === 'overdue'
      ? tr('holiday.status.overdue')
      : tr('holiday.status.pending');
}

function phaseText(phase: PeriodPhase, lang: Lang): string {
  const tr = translator(lang);
  return phase === 'planning'
    ? tr('holiday.phase.planning')
    : phase === 'running'
      ? tr('holiday.phase.running')
      : tr('holiday.phase.ended');
}

export interface PeriodSummary {
  period: HolidayPeriod;
  phase: PeriodPhase;
  planned: number;
  expected: number;
  risks: number;
}

export function holidayListPage(args: {
  periods: PeriodSummary[];
  lang: Lang;
  mayManage: boolean;
  csrf: string;
  riskShare: number;
  deadlineWeeks: number;
  year: number;
  created?: number;
}): Raw {
  const { lang } = args;
  const tr = translator(lang);
  return html`${WEEKLY_STYLE}
<h1>${tr('holiday.title')}</h1>
<p class="font-lead">${tr('holiday.lead', { riskShare: args.riskShare })}</p>
${args.created !== undefined ? notice('success', tr('holiday.defaults.done', { count: args.created })) : ''}
${
  args.periods.length === 0
    ? html`<p>${tr('holiday.periods.none')}</p>`
    : scrollTable(
        tr('holiday.title'),
        html`<table class="table" id="ferieperioder">
<thead><tr><th scope="col">${tr('holiday.col.period')}</th><th scope="col">${tr('holiday.col.weeks')}</th><th scope="col">${tr('holiday.col.deadline')}</th><th scope="col">${tr('holiday.col.phase')}</th><th scope="col">${tr('holiday.col.plans')}</th><th scope="col">${tr('holiday.col.risks')}</th></tr></thead>
<tbody>${args.periods.map(
          (s) => html`<tr data-period="${s.period.id}">
  <th scope="row"><a href="/ferieplaner/${s.period.id}">${periodName(s.period, lang)}</a>${args.mayManage ? html`<small style="display:block"><a href="/ferieplaner/${s.period.id}/rediger">${tr('holiday.editLink')}<span class="sr-only"> ${periodName(s.period, lang)}</span></a></small>` : ''}</th>
  <td>${weekShort(s.period.firstWeek, lang)} – ${weekShort(s.period.lastWeek, lang)}</td>
  <td>${formatDate(s.period.deadline, lang)}</td>
  <td>${phaseText(s.phase, lang)}</td>
  <td>${s.planned} / ${s.expected}</td>
  <td>${s.risks > 0 ? html`<strong class="kk-over">${s.risks}</strong>` : '0'}</td>
</tr>`,
        )}</tbody></table>`,
        lang,
      )
}
${
  args.mayManage
    ? html`<h2>${tr('holiday.defaults.heading')}</h2>
<p>${tr('holiday.defaults.text', { weeks: args.deadlineWeeks })}</p>
<form method="post" action="/ferieplaner/standardperioder" class="kk-noprint">
  <input type="hidden" name="csrf" value="${args.csrf}">
  <div class="form-group"><label class="form-label" for="year">${tr('holiday.defaults.year')}</label>
  <input class="form-input" style="max-width:8rem" type="number" id="year" name="year" value="${args.year}"></div>
  <button class="button button-secondary" type="submit">${tr('holiday.defaults.submit')}</button>
</form>`
    : ''
}`;
}

function cellClass(cell: PlanCell): string {
  if (cell.risk) return 'kk-p-severe';
  if (cell.share === undefined) return 'kk-p-missing';
  return cell.share >= 100 ? 'kk-p-ok' : 'kk-p-tight';
}

function cellContent(cell: PlanCell, actual: number | undefined, lang: Lang): Raw {
  const tr = translator(lang);
  return html`${cell.share === undefined ? '–' : `${cell.share} %`}
<small>${tr('holiday.cell.planned', { planned: cell.planned, departments: cell.departments })}</small>
${cell.closed > 0 ? html`<small>${tr('holiday.cell.closed', { closed: cell.closed })}</small>` : ''}
${actual !== undefined ? html`<small data-actual>${tr('holiday.cell.actual', { days: actual })}</small>` : ''}`;
}

function evaluationTable(evaluation: HolidayEvaluation, lang: Lang): Raw {
  const tr = translator(lang);
  return html`<p>${tr('holiday.eval.plans', { received: evaluation.plansReceived, expected: evaluation.plansExpected })}</p>
<table class="table" id="evaluering">
<thead><tr><th scope="col">${tr('holiday.eval.week')}</th><th scope="col">${tr('holiday.eval.planned')}</th><th scope="col">${tr('holiday.eval.atRisk')}</th><th scope="col">${tr('holiday.eval.reports')}</th><th scope="col">${tr('holiday.eval.spare')}</th><th scope="col">${tr('holiday.eval.median')}</th><th scope="col">${tr('holiday.eval.over')}</th></tr></thead>
<tbody>${evaluation.weeks.map(
    (
      w,
    ) => html`<tr><th scope="row">${w.baseline ? tr('holiday.eval.baseline', { week: weekShort(w.week, lang) }) : weekShort(w.week, lang)}</th>
<td>${w.plannedShare === undefined ? '–' : `${w.plannedShare} %`}</td><td>${w.baseline ? '–' : w.cellsAtRisk}</td><td>${w.reports}</td><td>${w.spareCapacity}</td><td>${w.medianWorstDays ?? '–'}</td><td>${w.overMaximum}</td></tr>`,
  )}</tbody></table>`;
}

export function holidayEvaluationSection(evaluations: HolidayEvaluation[], lang: Lang): Raw {
  const tr = translator(lang);
  if (evaluations.length === 0) return html``;
  return html`<h2>${tr('holiday.eval.quarterHeading')}</h2>
${evaluations.map((e) => html`<h3><a href="/ferieplaner/${e.periodId}">${periodName(e, lang)}</a></h3>${evaluationTable(e, lang)}`)}`;
}

export function holidayPlanPage(view: HolidayPlanView, lang: Lang, mayPlan: boolean): Raw {
  const tr = translator(lang);
  const { period } = view;
  const byRegion = (region: RegionId) => regionLabel(region, lang);
  const cancerTypes = [...new Set(view.rows.map((r) => r.cancerType))];
  const reported = view.statuses.filter((s) => s.status === 'reported').length;
  return html`${WEEKLY_STYLE}${HOLIDAY_STYLE}
<h1>${tr('holiday.view.heading', { period: periodName(period, lang) })}</h1>
<p class="font-lead">${tr('holiday.view.lead', {
    weeks: `${weekShort(period.firstWeek, lang)} – ${weekShort(period.lastWeek, lang)}`,
    deadline: formatDate(period.deadline, lang),
    phase: phaseText(view.phase, lang),
  })}</p>
${mayPlan && view.phase !== 'ended' ? html`<p class="kk-noprint"><a class="button button-primary" href="/ferieplaner/${period.id}/plan">${tr('holiday.view.plan')}</a></p>` : ''}
<p>${tr('holiday.view.legend', { riskShare: view.riskShare })}</p>
<p class="kk-legend"><span class="kk-p-ok">${tr('holiday.legend.normal')}</span><span class="kk-p-tight">${tr('holiday.legend.reduced')}</span><span class="kk-p-severe">${tr('holiday.legend.risk', { riskShare: view.riskShare })}</span><span class="kk-p-missing">${tr('holiday.legend.missing')}</span></p>
${view.phase !== 'planning' ? html`<p>${tr('holiday.view.actualNote')}</p>` : ''}
${scrollTable(
  tr('holiday.view.gridLabel'),
  html`<table class="table table--compact kk-grid kk-plan" id="ferieplan">
<thead><tr><th scope="col">${tr('holiday.col.cancerRegion')}</th>${view.weeks.map((w) => html`<th scope="col">${weekShort(w, lang)}</th>`)}</tr></thead>
${cancerTypes.map(
  (
    ct,
  ) => html`<tbody data-cancer-type="${ct}"><tr><th scope="rowgroup" colspan="${view.weeks.length + 1}">${cancerTypeLabel(ct, lang)}</th></tr>
${view.rows
  .filter((r) => r.cancerType === ct)
  .map(
    (row) =>
      html`<tr data-region="${row.region}"><th scope="row">${byRegion(row.region)}</th>${row.cells.map(
        (cell) =>
          html`<td class="${cellClass(cell)}" data-week="${cell.week}"${cell.risk ? html` data-risk="${cell.risk}"` : ''}>${cellContent(cell, view.actual[`${ct}#${row.region}#${cell.week}`], lang)}</td>`,
      )}</tr>`,
  )}</tbody>`,
)}
</table>`,
  lang,
)}
<h2 id="risiko">${tr('holiday.risks.heading')}</h2>
${
  view.risks.length === 0
    ? html`<p>${tr('holiday.risks.none')}</p>`
    : html`<p>${tr('holiday.risk.alert', { weeks: view.alertWeeks })}</p>
<ul class="kk-risks">${view.risks.map(
        (
          r,
        ) => html`<li data-risk-week="${r.cancerType}#${r.region}#${r.week}"><strong>${cancerTypeLabel(r.cancerType, lang)}, ${byRegion(r.region)}, ${weekShort(r.week, lang)}</strong>: ${
          r.reason === 'closed' ? tr('holiday.risk.closed') : tr('holiday.risk.low', { share: r.share ?? 0 })
        }
${
  r.proposals.length === 0
    ? html`<p>${tr('holiday.proposals.none')}</p>`
    : html`<ol>${r.proposals
        .slice(0, 5)
        .map(
          (p) =>
            html`<li data-proposal="${p.departmentId}">${p.departmentName}, ${p.hospitalName} (${byRegion(p.region)}): ${p.share} %${
              p.expectedDays !== undefined
                ? html` – ${tr('holiday.proposal.wait', { days: p.expectedDays, spare: p.spareCapacity ?? 0 })}`
                : ''
            }</li>`,
        )}</ol>`
}</li>`,
      )}</ul>`
}
<h2>${tr('holiday.eval.heading')}</h2>
${view.evaluation ? evaluationTable(view.evaluation, lang) : html`<p>${tr('holiday.eval.none')}</p>`}
<h2>${tr('holiday.status.heading')}</h2>
<p>${tr('holiday.status.count', { reported, total: view.statuses.length })}</p>
${scrollTable(
  tr('holiday.status.heading'),
  html`<table class="table table--compact" id="planstatus"><thead><tr><th scope="col">${tr('holiday.form.department')}</th><th scope="col">${tr('holiday.col.region')}</th><th scope="col">${tr('holiday.col.status')}</th></tr></thead>
<tbody>${view.statuses.map(
    (s) =>
      html`<tr data-department="${s.departmentId}"><th scope="row">${s.name}, ${s.hospitalName}</th><td>${byRegion(s.region)}</td><td>${
        s.status === 'reported'
          ? `${statusText(s.status, lang)} ${s.submittedAt ? formatDateTime(s.submittedAt, lang) : ''}`
          : html`<span class="kk-status-${s.status}">${statusText(s.status, lang)}</span>`
      }</td></tr>`,
  )}</tbody></table>`,
  lang,
)}`;
}

export interface PlanFormDepartment {
  id: string;
  name: string;
  hospitalName: string;
  pathways: Pathway[];
}

/** The plan form of one department: a row per week, a column per pathway, closed days as check boxes. */
export function holidayPlanForm(args: {
  period: HolidayPeriod;
  weeks: string[];
  department: PlanFormDepartment;
  departments: PlanFormDepartment[];
  values: FormValues;
  errors: Record<string, string>;
  csrf: string;
  lang: Lang;
  saved?: boolean;
}): Raw {
  const { lang, department, values, errors, period } = args;
  const tr = translator(lang);
  const v = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');
  const closed = (week: string) => {
    const raw = values[`${week}.closedDays`];
    return new Set(Array.isArray(raw) ? raw : raw ? [raw] : []);
  };
  const comment = limited('comment', PLAN_COMMENT_MAX, v('comment'), lang);
  return html`${HOLIDAY_STYLE}
${args.saved ? notice('success', tr('holiday.form.saved')) : ''}
<h1>${tr('holiday.form.heading', { department: `${department.name}, ${department.hospitalName}` })}</h1>
<p class="font-lead">${periodName(period, lang)} – ${tr('holiday.form.deadline', { deadline: formatDate(period.deadline, lang) })}</p>
<p>${tr('holiday.form.lead')}</p>
${
  args.departments.length > 1
    ? html`<form method="get" action="/ferieplaner/${period.id}/plan" class="mb-6"><label class="form-label" for="afdeling">${tr('holiday.form.department')}</label>
<select class="form-select" id="afdeling" name="afdeling">${args.departments.map((d) => html`<option value="${d.id}" ${d.id === department.id ? html`selected` : ''}>${d.name}, ${d.hospitalName}</option>`)}</select>
<button class="button button-secondary" type="submit">${tr('holiday.form.switch')}</button></form>`
    : ''
}
${errorSummary(errors, lang)}
<form method="post" action="/ferieplaner/${period.id}/plan" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  <input type="hidden" name="departmentId" value="${department.id}">
  ${scrollTable(
    tr('holiday.form.tableLabel'),
    html`<table class="table kk-plan-form" id="planform">
  <thead><tr><th scope="col">${tr('holiday.eval.week')}</th>${department.pathways.map((p) => html`<th scope="col">${tr('holiday.form.capacity', { pathway: WAIT_PATHWAY_LIST.label(p, lang) })}</th>`)}<th scope="col">${tr('holiday.form.closed')}</th></tr></thead>
  <tbody>${args.weeks.map((week) => {
    const working = new Set(workingDates(week));
    const chosen = closed(week);
    return html`<tr data-week="${week}"><th scope="row">${weekShort(week, lang)}</th>
    ${department.pathways.map((p) => {
      const name = `${week}.${p}`;
      return html`<td><div class="form-group${errors[name] ? ' form-error' : ''}"><label class="sr-only" for="${name}">${weekShort(week, lang)}: ${tr('holiday.form.capacity', { pathway: WAIT_PATHWAY_LIST.label(p, lang) })}</label>${fieldError(errors, name, lang)}
      <input class="form-input" type="number" inputmode="numeric" min="0" max="150" id="${name}" name="${name}" value="${v(name)}"></div></td>`;
    })}
    <td><fieldset class="${errors[`${week}.closedDays`] ? 'form-error' : ''}"><legend class="sr-only">${tr('holiday.form.closed')} ${weekShort(week, lang)}</legend>${fieldError(errors, `${week}.closedDays`, lang)}
    ${weekDates(week)
      .filter((d) => working.has(d) || isPublicHoliday(d))
      .map((d) =>
        isPublicHoliday(d)
          ? html`<small style="display:block">${formatDate(d, lang)}: ${tr('holiday.form.publicHoliday')}</small>`
          : html`<div class="form-check"><input class="form-checkbox" type="checkbox" id="${week}-${d}" name="${week}.closedDays[]" value="${d}"${chosen.has(d) ? html` checked` : ''}><label for="${week}-${d}">${formatDate(d, lang)}</label></div>`,
      )}</fieldset></td></tr>`;
  })}</tbody></table>`,
    lang,
  )}
  <div class="form-group${errors.comment ? ' form-error' : ''}">
    <label class="form-label" for="comment">${tr('holiday.form.comment')}</label>
    <span class="form-hint">${tr('holiday.form.noPatientData')}</span>
    ${fieldError(errors, 'comment', lang)}
    <textarea class="form-input" id="comment" name="comment" rows="2" style="max-width:40rem" ${comment.attrs}>${v('comment')}</textarea>${comment.counter}
  </div>
  <button class="button button-primary" type="submit">${tr('holiday.form.submit')}</button>
  <a href="/ferieplaner/${period.id}">${tr('holiday.form.back')}</a>
</form>`;
}

/** The secretariat's period form: names, first and last ISO week, deadline. */
export function holidayPeriodForm(args: {
  id: string;
  values: FormValues;
  errors: Record<string, string>;
  csrf: string;
  lang: Lang;
}): Raw {
  const { lang, values, errors } = args;
  const tr = translator(lang);
  const field = (name: string, label: string, hint?: string, type = 'text', max?: number) => {
    const value = typeof values[name] === 'string' ? values[name] : '';
    const limit = max ? limited(name, max, value, lang) : undefined;
    return html`<div class="form-group${errors[name] ? ' form-error' : ''}"><label class="form-label" for="${name}">${label}</label>${hint ? html`<span class="form-hint">${hint}</span>` : ''}${fieldError(errors, name, lang)}
<input class="form-input" id="${name}" name="${name}" type="${type}" value="${value}"${limit ? html` ${limit.attrs}` : ''}>${limit?.counter ?? ''}</div>`;
  };
  return html`<h1>${tr('holiday.period.heading')}</h1>
<p>${args.id}</p>
${errorSummary(errors, lang)}
<form method="post" action="/ferieplaner/${args.id}/rediger" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  ${field('name', tr('holiday.period.name'), undefined, 'text', PERIOD_TEXT_MAX.name)}
  ${field('nameEn', tr('holiday.period.nameEn'), undefined, 'text', PERIOD_TEXT_MAX.name)}
  ${field('firstWeek', tr('holiday.period.firstWeek'), tr('holiday.period.weekHint'), 'text', WEEK_KEY_LENGTH)}
  ${field('lastWeek', tr('holiday.period.lastWeek'), tr('holiday.period.weekHint'), 'text', WEEK_KEY_LENGTH)}
  ${field('deadline', tr('holiday.period.deadline'), undefined, 'date')}
  <button class="button button-primary" type="submit">${tr('holiday.period.save')}</button>
  <a href="/ferieplaner">${tr('holiday.form.back')}</a>
</form>`;
}
