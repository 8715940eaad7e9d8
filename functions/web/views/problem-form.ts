/** The capacity-problem report form, re-rendered with the person's values and field errors. */

import { PATHWAY_TYPE_LIST, SCOPE_LIST, TREATMENT_MODALITY_LIST } from '#domain/lists.ts';
import { DESCRIPTION_MAX } from '#domain/problem.ts';
import { type Department, referenceData } from '#domain/reference.ts';
import { fieldError, limited } from '../fields.ts';

import { html, type Raw } from '../html.ts';
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
}): Raw {
  const { departments, values, errors, submissionKey, csrf } = args;
  const cancerTypes = referenceData().cancerTypes;
  const describedBy = (field: string) => (errors[field] ? `${field}-fejl` : undefined);
  const v = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');
  const description = limited(
    'description',
    DESCRIPTION_MAX,
    v('description'),
    'da',
    errors.description ? ['description-fejl'] : [],
  );
  return html`
<h1>Indberet kapacitetsproblem</h1>
<p class="font-lead">Brug formularen, når jeres afdeling har eller forudser et kapacitetsproblem, så patienter risikerer at overskride den maksimale ventetid. Skriv aldrig CPR-numre eller andre patientoplysninger.</p>
${errorSummary(errors)}
<form method="post" action="/indberet" novalidate>
  <input type="hidden" name="csrf" value="${csrf}">
  <input type="hidden" name="submissionKey" value="${submissionKey}">
  ${group(
    errors,
    'departmentId',
    html`<label class="form-label" for="departmentId">Afdeling</label>
    ${fieldError(errors, 'departmentId')}
    <select class="form-select" id="departmentId" name="departmentId" aria-describedby="${describedBy('departmentId')}">
      ${departments.map((d) => html`<option value="${d.id}" ${has(values, 'departmentId', d.id) ? html`selected` : ''}>${d.name}, ${d.hospitalName}</option>`)}
    </select>`,
  )}
  ${group(
    errors,
    'cancerType',
    html`<label class="form-label" for="cancerType">Kræftform</label>
    ${fieldError(errors, 'cancerType')}
    <select class="form-select" id="cancerType" name="cancerType" aria-describedby="${describedBy('cancerType')}">
      <option value="">Vælg kræftform</option>
      ${cancerTypes.map((c) => html`<option value="${c.id}" ${has(values, 'cancerType', c.id) ? html`selected` : ''}>${c.name}</option>`)}
    </select>`,
  )}
  ${group(
    errors,
    'pathwayTypes',
    html`<fieldset aria-describedby="${describedBy('pathwayTypes')}" id="pathwayTypes"><legend class="form-label">Berørte forløb</legend>
    ${fieldError(errors, 'pathwayTypes')}
    <ul class="nobullet-list">
      ${PATHWAY_TYPE_LIST.items.map((p) => html`<li><input id="pw-${p.id}" type="checkbox" name="pathwayTypes[]" value="${p.id}" class="form-checkbox" ${has(values, 'pathwayTypes', p.id) ? html`checked` : ''}><label for="pw-${p.id}">${p.label.da}</label></li>`)}
    </ul></fieldset>`,
  )}
  ${group(
    errors,
    'modalities',
    html`<fieldset aria-describedby="${describedBy('modalities')}" id="modalities"><legend class="form-label">Behandlingsform (hvis behandling er berørt)</legend>
    ${fieldError(errors, 'modalities')}
    <ul class="nobullet-list">
      ${TREATMENT_MODALITY_LIST.items.map((m) => html`<li><input id="mod-${m.id}" type="checkbox" name="modalities[]" value="${m.id}" class="form-checkbox" ${has(values, 'modalities', m.id) ? html`checked` : ''}><label for="mod-${m.id}">${m.label.da}</label></li>`)}
    </ul></fieldset>`,
  )}
  ${group(
    errors,
    'patientsAtRisk',
    html`<label class="form-label" for="patientsAtRisk">Antal patienter i risiko for at overskride den maksimale ventetid</label>
    ${fieldError(errors, 'patientsAtRisk')}
    <input class="form-input input-width-xs" type="number" inputmode="numeric" min="1" id="patientsAtRisk" name="patientsAtRisk" value="${v('patientsAtRisk')}" aria-describedby="${describedBy('patientsAtRisk')}">`,
  )}
  ${group(
    errors,
    'from',
    html`<label class="form-label" for="from">Problemet gælder fra</label>
    ${fieldError(errors, 'from')}
    <input class="form-input input-width-s" type="date" id="from" name="from" value="${v('from')}" aria-describedby="${describedBy('from')}">`,
  )}
  ${group(
    errors,
    'until',
    html`<label class="form-label" for="until">Forventes at vare til (valgfri)</label>
    <span class="form-hint">Den dag, I forventer, at problemet er løst. Lad feltet stå tomt, hvis I ikke ved det.</span>
    ${fieldError(errors, 'until')}
    <input class="form-input input-width-s" type="date" id="until" name="until" value="${v('until')}" aria-describedby="${describedBy('until')}">`,
  )}
  ${group(
    errors,
    'longLasting',
    html`<fieldset><legend class="form-label">Varighed</legend><ul class="nobullet-list"><li><input id="longLasting" type="checkbox" name="longLasting" value="ja" class="form-checkbox" ${has(values, 'longLasting', 'ja') ? html`checked` : ''}><label for="longLasting">Problemet forventes at være længerevarende</label></li></ul></fieldset>`,
  )}
  ${group(
    errors,
    'scope',
    html`<fieldset id="scope" aria-describedby="${describedBy('scope')}"><legend class="form-label">Hvem er berørt?</legend>
    ${fieldError(errors, 'scope')}
    <ul class="nobullet-list">
      ${SCOPE_LIST.items.map((s) => html`<li><input id="scope-${s.id}" type="radio" name="scope" value="${s.id}" class="form-radio" ${has(values, 'scope', s.id) ? html`checked` : ''}><label for="scope-${s.id}">${s.label.da}</label></li>`)}
    </ul></fieldset>`,
  )}
  ${group(
    errors,
    'description',
    html`<label class="form-label" for="description">Kort beskrivelse (valgfri)</label>
    <span class="form-hint">Fx årsag og hvad I allerede har forsøgt. Ingen patientoplysninger.</span>
    ${fieldError(errors, 'description')}
    <textarea class="form-input" id="description" name="description" rows="4" ${description.attrs}>${v('description')}</textarea>
    ${description.counter}`,
  )}
  <button class="button button-primary" type="submit">Indberet</button>
</form>`;
}
