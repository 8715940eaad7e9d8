/** The capacity-problem report form, re-rendered with the person's values and field errors. */

import { PATHWAY_TYPE_LIST, SCOPE_LIST, TREATMENT_MODALITY_LIST } from '#domain/lists.ts';
import { DESCRIPTION_MAX } from '#domain/problem.ts';
import { cancerTypeLabel, type Department, referenceData } from '#domain/reference.ts';
import { fieldError, limited } from '../fields.ts';
import { html, type Raw } from '../html.ts';
import { type Lang, translator } from '../i18n/index.ts';
import { errorSummary } from '../layout.ts';

export type FormValues = Record<string, string | string[] | undefined>;

function has(values: FormValues, key: string, option: string): boolean {
  const v = values[key];
  return Array.isArray(v) ? v.includes(option) : v === option;
}

function group(errors: Record<string, string>, field: string, content: Raw): Raw {
  return html`<div class="form-group${errors[field] ? ' form-error' : ''}">${content}</div>`;
}

export function problemForm(args: {
  departments: (Department & { hospitalName: string })[];
  values: FormValues;
  errors: Record<string, string>;
  submissionKey: string;
  csrf: string;
  lang?: Lang;
}): Raw {
  const { departments, values, submissionKey, csrf } = args;
  const errors = args.errors;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const errorOf = (field: string) => fieldError(errors, field, lang);
  const cancerTypes = referenceData().cancerTypes;
  const describedBy = (field: string) => (errors[field] ? `${field}-fejl` : undefined);
  const v = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');
  const description = limited(
    'description',
    DESCRIPTION_MAX,
    v('description'),
    lang,
    errors.description ? ['description-fejl'] : [],
  );
  return html`
<h1>${tr('report.title')}</h1>
<p class="font-lead">${tr('report.lead')}</p>
${errorSummary(errors, lang)}
<form method="post" action="/indberet" novalidate>
  <input type="hidden" name="csrf" value="${csrf}">
  <input type="hidden" name="submissionKey" value="${submissionKey}">
  ${group(
    errors,
    'departmentId',
    html`<label class="form-label" for="departmentId">${tr('report.department')}</label>
    ${errorOf('departmentId')}
    <select class="form-select" id="departmentId" name="departmentId" aria-describedby="${describedBy('departmentId')}">
      ${departments.map((d) => html`<option value="${d.id}" ${has(values, 'departmentId', d.id) ? html`selected` : ''}>${d.name}, ${d.hospitalName}</option>`)}
    </select>`,
  )}
  ${group(
    errors,
    'cancerType',
    html`<label class="form-label" for="cancerType">${tr('report.cancerType')}</label>
    ${errorOf('cancerType')}
    <select class="form-select" id="cancerType" name="cancerType" aria-describedby="${describedBy('cancerType')}">
      <option value="">${tr('report.chooseCancerType')}</option>
      ${cancerTypes.map((c) => html`<option value="${c.id}" ${has(values, 'cancerType', c.id) ? html`selected` : ''}>${cancerTypeLabel(c.id, lang)}</option>`)}
    </select>`,
  )}
  ${group(
    errors,
    'pathwayTypes',
    html`<fieldset aria-describedby="${describedBy('pathwayTypes')}" id="pathwayTypes"><legend class="form-label">${tr('report.pathwayTypes')}</legend>
    ${errorOf('pathwayTypes')}
    <ul class="nobullet-list">
      ${PATHWAY_TYPE_LIST.items.map((p) => html`<li><input id="pw-${p.id}" type="checkbox" name="pathwayTypes[]" value="${p.id}" class="form-checkbox" ${has(values, 'pathwayTypes', p.id) ? html`checked` : ''}><label for="pw-${p.id}">${p.label[lang]}</label></li>`)}
    </ul></fieldset>`,
  )}
  ${group(
    errors,
    'modalities',
    html`<fieldset aria-describedby="${describedBy('modalities')}" id="modalities"><legend class="form-label">${tr('report.modalities')}</legend>
    ${errorOf('modalities')}
    <ul class="nobullet-list">
      ${TREATMENT_MODALITY_LIST.items.map((m) => html`<li><input id="mod-${m.id}" type="checkbox" name="modalities[]" value="${m.id}" class="form-checkbox" ${has(values, 'modalities', m.id) ? html`checked` : ''}><label for="mod-${m.id}">${m.label[lang]}</label></li>`)}
    </ul></fieldset>`,
  )}
  ${group(
    errors,
    'patientsAtRisk',
    html`<label class="form-label" for="patientsAtRisk">${tr('report.patients')}</label>
    ${errorOf('patientsAtRisk')}
    <input class="form-input input-width-xs" type="number" inputmode="numeric" min="1" id="patientsAtRisk" name="patientsAtRisk" value="${v('patientsAtRisk')}" aria-describedby="${describedBy('patientsAtRisk')}">`,
  )}
  ${group(
    errors,
    'from',
    html`<label class="form-label" for="from">${tr('report.from')}</label>
    ${errorOf('from')}
    <input class="form-input input-width-s" type="date" id="from" name="from" value="${v('from')}" aria-describedby="${describedBy('from')}">`,
  )}
  ${group(
    errors,
    'until',
    html`<label class="form-label" for="until">${tr('report.until')}</label>
    <span class="form-hint">${tr('report.untilHint')}</span>
    ${errorOf('until')}
    <input class="form-input input-width-s" type="date" id="until" name="until" value="${v('until')}" aria-describedby="${describedBy('until')}">`,
  )}
  ${group(
    errors,
    'longLasting',
    html`<fieldset><legend class="form-label">${tr('report.duration')}</legend><ul class="nobullet-list"><li><input id="longLasting" type="checkbox" name="longLasting" value="ja" class="form-checkbox" ${has(values, 'longLasting', 'ja') ? html`checked` : ''}><label for="longLasting">${tr('report.longLasting')}</label></li></ul></fieldset>`,
  )}
  ${group(
    errors,
    'scope',
    html`<fieldset id="scope" aria-describedby="${describedBy('scope')}"><legend class="form-label">${tr('report.scope')}</legend>
    ${errorOf('scope')}
    <ul class="nobullet-list">
      ${SCOPE_LIST.items.map((s) => html`<li><input id="scope-${s.id}" type="radio" name="scope" value="${s.id}" class="form-radio" ${has(values, 'scope', s.id) ? html`checked` : ''}><label for="scope-${s.id}">${s.label[lang]}</label></li>`)}
    </ul></fieldset>`,
  )}
  ${group(
    errors,
    'description',
    html`<label class="form-label" for="description">${tr('report.description')}</label>
    <span class="form-hint">${tr('report.descriptionHint')}</span>
    ${errorOf('description')}
    <textarea class="form-input" id="description" name="description" rows="4" ${description.attrs}>${v('description')}</textarea>
    ${description.counter}`,
  )}
  <button class="button button-primary" type="submit">${tr('report.submit')}</button>
</form>`;
}
