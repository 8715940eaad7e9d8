/**
 * Pages of the yearly capacity check: the checks and the register of highly specialised
 * functions, a function's form (secretariat), a department's answer, and the summary for
 * sundhedsdirektørkredsen (prints cleanly).
 */
import {
  type CapacityCheck,
  CONSTRAINT_LIST,
  FUNCTION_TEXT_MAX,
  NOTES_MAX,
  type SpecialisedFunction,
  totalOf,
  trendPercent,
} from '#domain/capacity-check.ts';
import { cancerTypeLabel, findDepartment, referenceData, regionLabel } from '#domain/reference.ts';
import { formatDate, formatDateTime } from '#domain/time.ts';
import type { CheckView } from '../../services/capacity-check.ts';
import { functionName } from '../capacity-check-emails.ts';
import { fieldError, limited } from '../fields.ts';
import { html, type Raw } from '../html.ts';
import { type Lang, translator } from '../i18n/index.ts';
import { errorSummary, notice, scrollTable } from '../layout.ts';

export type FormValues = Record<string, string | string[] | undefined>;

const PRINT = html`<style>
@media print{header,footer,nav,.kk-noprint{display:none!important}.kk-main{padding:0}tr{break-inside:avoid}h2{break-after:avoid}a[href]{color:inherit;text-decoration:none}}
.kk-gap,.kk-gap>*{background:#f2b1ad !important}.kk-check td{text-align:right}.kk-check td.kk-text{text-align:left}
</style>`;

function departmentText(id: string): string {
  const d = findDepartment(id);
  return d ? `${d.name}, ${d.hospitalName}` : id;
}

export function checkListPage(args: {
  checks: CapacityCheck[];
  functions: SpecialisedFunction[];
  lang: Lang;
  mayManage: boolean;
  csrf: string;
  nextYear: number;
  openedNotice?: number;
}): Raw {
  const { lang } = args;
  const tr = translator(lang);
  return html`<h1>${tr('check.title')}</h1>
<p class="font-lead">${tr('check.lead')}</p>
${args.openedNotice !== undefined ? notice('success', tr('check.opened', { year: args.openedNotice })) : ''}
${
  args.checks.length === 0
    ? html`<p>${tr('check.none')}</p>`
    : html`<table class="table" id="kapacitetstjek"><thead><tr><th scope="col">${tr('check.col.year')}</th><th scope="col">${tr('check.col.opened')}</th><th scope="col">${tr('check.col.deadline')}</th><th scope="col">${tr('check.col.asked')}</th></tr></thead>
<tbody>${args.checks.map((c) => html`<tr data-year="${c.year}"><th scope="row"><a href="/kapacitetstjek/${c.year}">${tr('check.heading', { year: c.year })}</a></th><td>${formatDate(c.openedAt, lang)}</td><td>${formatDate(c.deadline, lang)}</td><td>${c.asked.length}</td></tr>`)}</tbody></table>`
}
<h2>${tr('check.register.heading')}</h2>
<p>${tr('check.register.lead')}</p>
<table class="table" id="funktioner"><thead><tr><th scope="col">${tr('check.register.function')}</th><th scope="col">${tr('check.register.departments')}</th></tr></thead>
<tbody>${args.functions.map(
    (
      f,
    ) => html`<tr data-function="${f.id}"><th scope="row">${functionName(f, lang)}${f.cancerType ? html`<small style="display:block">${cancerTypeLabel(f.cancerType, lang)}</small>` : ''}${args.mayManage ? html`<small style="display:block"><a href="/kapacitetstjek/funktioner/${f.id}">${tr('check.register.edit')}<span class="sr-only"> ${functionName(f, lang)}</span></a></small>` : ''}</th>
<td><ul>${f.departments.map((d) => html`<li>${departmentText(d)}</li>`)}</ul></td></tr>`,
  )}</tbody></table>
${
  args.mayManage
    ? html`<p class="kk-noprint"><a href="/kapacitetstjek/funktioner/ny">${tr('check.register.add')}</a></p>
<form method="post" action="/kapacitetstjek/aabn" class="kk-noprint"><input type="hidden" name="csrf" value="${args.csrf}">
<p>${tr('check.open.text', { year: args.nextYear })}</p>
<button class="button button-secondary" type="submit">${tr('check.open.submit', { year: args.nextYear })}</button></form>`
    : ''
}`;
}

function trendText(now: number, before: number | undefined, lang: Lang): string {
  const tr = translator(lang);
  const change = trendPercent(now, before);
  if (change === undefined) return '–';
  return tr('check.trend', { before: before ?? 0, change: change > 0 ? `+${change}` : String(change) });
}

export function checkSummaryPage(args: {
  view: CheckView;
  lang: Lang;
  mayManage: boolean;
  mayAnswer: (departmentId: string) => boolean;
  csrf: string;
  sent?: number;
}): Raw {
  const { view, lang } = args;
  const tr = translator(lang);
  const year = view.check.year;
  const answered = view.statuses.filter((s) => s.answered).length;
  return html`${PRINT}
<h1>${tr('check.heading', { year })}</h1>
<p class="font-lead">${tr('check.summary.lead', { year, deadline: formatDate(view.check.deadline, lang), answered, asked: view.statuses.length })}</p>
${args.sent !== undefined ? notice('success', tr('check.summary.sentNow', { count: args.sent })) : ''}
${view.check.summarySentAt ? html`<p>${tr('check.summary.sentAt', { at: formatDateTime(view.check.summarySentAt, lang) })}</p>` : ''}
<p class="kk-noprint"><a href="/kapacitetstjek/${year}.csv">${tr('check.summary.csv')}</a> · <a href="/kapacitetstjek">${tr('check.title')}</a></p>
${view.functions
  .filter((f) => view.rows.some((r) => r.functionId === f.id))
  .map(
    (f) => html`<h2>${functionName(f, lang)}</h2>
${scrollTable(
  functionName(f, lang),
  html`<table class="table table--compact kk-check" data-function="${f.id}">
<thead><tr><th scope="col">${tr('check.col.region')}</th>${[1, 2, 3, 4].map((q) => html`<th scope="col">${tr('check.col.quarter', { q })}</th>`)}<th scope="col">${tr('check.col.total')}</th><th scope="col">${tr('check.col.trend', { last: year - 1 })}</th><th scope="col">${tr('check.col.constraints')}</th><th scope="col">${tr('check.col.answered')}</th></tr></thead>
<tbody>${view.rows
    .filter((r) => r.functionId === f.id)
    .map(
      (
        r,
      ) => html`<tr data-region="${r.region}"${r.gapQuarters.length > 0 ? html` data-gap="${r.gapQuarters.join(',')}"` : ''}><th scope="row">${regionLabel(r.region, lang)}${r.gapQuarters.length > 0 ? html`<strong class="kk-over" style="display:block">${tr('check.gap')}</strong>` : ''}</th>
${[0, 1, 2, 3].map((q) => html`<td class="${r.gapQuarters.includes(q + 1) ? 'kk-gap' : ''}">${r.demand[q]} / ${r.capacity[q]}</td>`)}
<td>${totalOf(r.demand)} / ${totalOf(r.capacity)}</td>
<td class="kk-text">${tr('check.trend.demand')}: ${trendText(totalOf(r.demand), r.lastYear?.demand, lang)}<br>${tr('check.trend.capacity')}: ${trendText(totalOf(r.capacity), r.lastYear?.capacity, lang)}</td>
<td class="kk-text">${r.constraints.map((c) => CONSTRAINT_LIST.label(c, lang)).join(', ') || '–'}</td>
<td>${r.answered} / ${r.asked}</td></tr>`,
    )}</tbody></table>`,
  lang,
)}`,
  )}
<p>${tr('check.summary.legend')}</p>
<h2>${tr('check.status.heading')}</h2>
<table class="table table--compact" id="svarstatus"><thead><tr><th scope="col">${tr('check.register.function')}</th><th scope="col">${tr('check.status.department')}</th><th scope="col">${tr('check.status.status')}</th></tr></thead>
<tbody>${view.statuses.map((s) => {
    const fn = view.functions.find((f) => f.id === s.functionId);
    const label = s.answered
      ? tr('check.status.answered')
      : s.overdue
        ? tr('check.status.overdue')
        : tr('check.status.pending');
    return html`<tr data-pair="${s.functionId}#${s.departmentId}"><td>${fn ? functionName(fn, lang) : s.functionId}</td><td>${departmentText(s.departmentId)}</td><td>${
      s.answered ? label : html`<span class="kk-status-${s.overdue ? 'overdue' : 'pending'}">${label}</span>`
    }${args.mayAnswer(s.departmentId) ? html` <a class="kk-noprint" href="/kapacitetstjek/${year}/svar?afdeling=${s.departmentId}&amp;funktion=${s.functionId}">${tr('check.status.answer')}</a>` : ''}</td></tr>`;
  })}</tbody></table>
${
  args.mayManage
    ? html`<form method="post" action="/kapacitetstjek/${year}/send" class="kk-noprint"><input type="hidden" name="csrf" value="${args.csrf}"><button class="button button-secondary" type="submit">${tr('check.summary.send')}</button></form>`
    : ''
}`;
}

export function checkAnswerForm(args: {
  year: number;
  deadline: string;
  fn: SpecialisedFunction;
  departmentId: string;
  values: FormValues;
  errors: Record<string, string>;
  csrf: string;
  lang: Lang;
  saved?: boolean;
}): Raw {
  const { lang, values, errors } = args;
  const tr = translator(lang);
  const v = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');
  const chosen = new Set(
    Array.isArray(values.constraints) ? values.constraints : values.constraints ? [values.constraints] : [],
  );
  const notes = limited('notes', NOTES_MAX, v('notes'), lang);
  const number = (name: string, label: string) =>
    html`<td><div class="form-group${errors[name] ? ' form-error' : ''}"><label class="sr-only" for="${name}">${label}</label>${fieldError(errors, name, lang)}<input class="form-input" style="max-width:7rem" type="number" inputmode="numeric" min="0" id="${name}" name="${name}" value="${v(name)}"></div></td>`;
  return html`${args.saved ? notice('success', tr('check.answer.saved')) : ''}
<h1>${tr('check.answer.heading', { year: args.year })}</h1>
<p class="font-lead">${functionName(args.fn, lang)} – ${departmentText(args.departmentId)}</p>
<p>${tr('check.answer.lead', { year: args.year, deadline: formatDate(args.deadline, lang) })}</p>
${errorSummary(errors, lang)}
<form method="post" action="/kapacitetstjek/${args.year}/svar" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  <input type="hidden" name="departmentId" value="${args.departmentId}">
  <input type="hidden" name="functionId" value="${args.fn.id}">
  <table class="table" id="svar"><thead><tr><th scope="col"><span class="sr-only">${tr('check.answer.what')}</span></th>${[1, 2, 3, 4].map((q) => html`<th scope="col">${tr('check.col.quarter', { q })}</th>`)}</tr></thead>
  <tbody>
  <tr><th scope="row">${tr('check.answer.demand')}</th>${[1, 2, 3, 4].map((q) => number(`demand.${q}`, `${tr('check.answer.demand')} ${tr('check.col.quarter', { q })}`))}</tr>
  <tr><th scope="row">${tr('check.answer.capacity')}</th>${[1, 2, 3, 4].map((q) => number(`capacity.${q}`, `${tr('check.answer.capacity')} ${tr('check.col.quarter', { q })}`))}</tr>
  </tbody></table>
  <fieldset class="form-group"><legend class="form-label">${tr('check.answer.constraints')}</legend>
  ${CONSTRAINT_LIST.items.map((c) => html`<div class="form-check"><input class="form-checkbox" type="checkbox" id="constraint-${c.id}" name="constraints[]" value="${c.id}"${chosen.has(c.id) ? html` checked` : ''}><label for="constraint-${c.id}">${c.label[lang]}</label></div>`)}
  </fieldset>
  <div class="form-group${errors.notes ? ' form-error' : ''}"><label class="form-label" for="notes">${tr('check.answer.notes')}</label><span class="form-hint">${tr('holiday.form.noPatientData')}</span>${fieldError(errors, 'notes', lang)}
  <textarea class="form-input" id="notes" name="notes" rows="3" style="max-width:40rem" ${notes.attrs}>${v('notes')}</textarea>${notes.counter}</div>
  <button class="button button-primary" type="submit">${tr('check.answer.submit')}</button>
  <a href="/kapacitetstjek/${args.year}">${tr('check.answer.back')}</a>
</form>`;
}

export function functionForm(args: {
  id?: string;
  values: FormValues;
  errors: Record<string, string>;
  csrf: string;
  lang: Lang;
}): Raw {
  const { lang, values, errors } = args;
  const tr = translator(lang);
  const v = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');
  const chosen = new Set(
    Array.isArray(values.departments) ? values.departments : values.departments ? [values.departments] : [],
  );
  const text = (name: string, label: string, max: number, readonly = false) => {
    const limit = limited(name, max, v(name), lang);
    return html`<div class="form-group${errors[name] ? ' form-error' : ''}"><label class="form-label" for="${name}">${label}</label>${fieldError(errors, name, lang)}<input class="form-input" id="${name}" name="${name}" value="${v(name)}"${readonly ? html` readonly` : html` ${limit.attrs}`}>${readonly ? '' : limit.counter}</div>`;
  };
  return html`<h1>${args.id ? tr('check.register.editHeading') : tr('check.register.add')}</h1>
${errorSummary(errors, lang)}
<form method="post" action="/kapacitetstjek/funktioner/${args.id ?? 'ny'}" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  ${text('id', tr('check.register.id'), FUNCTION_TEXT_MAX.id, args.id !== undefined)}
  ${text('name', tr('check.register.name'), FUNCTION_TEXT_MAX.name)}
  ${text('nameEn', tr('check.register.nameEn'), FUNCTION_TEXT_MAX.name)}
  <div class="form-group${errors.cancerType ? ' form-error' : ''}"><label class="form-label" for="cancerType">${tr('check.register.cancerType')}</label>${fieldError(errors, 'cancerType', lang)}
  <select class="form-select" id="cancerType" name="cancerType"><option value="">–</option>${referenceData().cancerTypes.map((c) => html`<option value="${c.id}"${v('cancerType') === c.id ? html` selected` : ''}>${cancerTypeLabel(c.id, lang)}</option>`)}</select></div>
  <fieldset class="form-group${errors.departments ? ' form-error' : ''}" id="departments"><legend class="form-label">${tr('check.register.departments')}</legend>${fieldError(errors, 'departments', lang)}
  ${referenceData().departments.map((d) => html`<div class="form-check"><input class="form-checkbox" type="checkbox" id="department-${d.id}" name="departments[]" value="${d.id}"${chosen.has(d.id) ? html` checked` : ''}><label for="department-${d.id}">${departmentText(d.id)}</label></div>`)}
  </fieldset>
  <button class="button button-primary" type="submit">${tr('check.register.save')}</button>
  <a href="/kapacitetstjek">${tr('check.answer.back')}</a>
</form>`;
}
