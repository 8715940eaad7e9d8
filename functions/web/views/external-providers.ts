/**
 * The register of external providers (list, edit form, CSV import), the referral checklist a
 * coordinator prints for a case, and the secretariat's checklist template form.
 */
import {
  agreementValid,
  CHECKLIST_HEADINGS,
  CHECKLIST_SECTION_MAX,
  type ChecklistTemplate,
  type ExternalProvider,
  PROVIDER_CSV_COLUMNS,
  PROVIDER_KIND_LIST,
  PROVIDER_TEXT_MAX,
  type ProviderKind,
  validityText,
} from '#domain/external-providers.ts';
import { PATHWAY_TYPE_LIST, TREATMENT_MODALITY_LIST } from '#domain/lists.ts';
import { EMAIL_MAX, ID_MAX } from '#domain/problem.ts';
import { cancerTypeLabel, referenceData } from '#domain/reference.ts';
import { fieldError, limited } from '../fields.ts';
import { html, type Raw } from '../html.ts';
import { type Lang, type MessageKey, t, tHtml, translator } from '../i18n/index.ts';
import { errorSummary, notice } from '../layout.ts';

export type ProviderFormValues = Record<string, string | string[] | undefined>;

const PRINT_STYLE = html`<style>@media print{header,footer,nav,.kk-noprint{display:none!important}.kk-check li{break-inside:avoid}}.kk-check{list-style:none;padding-left:0}.kk-check li{margin:.4rem 0}.kk-check li::before{content:"☐ ";font-size:1.2em}.kk-expired td,.kk-expired th{color:#666}</style>`;

function offerText(p: ExternalProvider, lang: Lang): string {
  const parts = [p.cancerTypes.map((c) => cancerTypeLabel(c, lang)).join(', ')];
  if (p.pathwayTypes.includes('udredning')) parts.push('udredning');
  if (p.modalities.length)
    parts.push(p.modalities.map((m) => TREATMENT_MODALITY_LIST.label(m, lang).toLowerCase()).join(', '));
  return parts.join(' – ');
}

export function providerListPage(args: {
  providers: ExternalProvider[];
  today: string;
  mayManage: boolean;
  saved?: string;
  lang?: Lang;
}): Raw {
  const { providers, today } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  return html`${PRINT_STYLE}
<h1>${tr('external.title')}</h1>
<p class="font-lead">${tr('external.lead')}</p>
${args.saved ? notice('success', tr('external.saved')) : ''}
<p class="kk-noprint">
  <a href="/eksterne-udbydere.csv">${tr('external.csv')}</a>
  ${args.mayManage ? html` · <a href="/eksterne-udbydere/ny">${tr('external.new')}</a> · <a href="/eksterne-udbydere/import">${tr('external.import')}</a>` : ''}
  · ${tr('external.checklists')} ${PROVIDER_KIND_LIST.items.map((k, i) => html`${i > 0 ? ', ' : ''}<a href="/eksterne-udbydere/tjeklister/${k.id}">${k.label[lang]}</a>`)}
</p>
${
  providers.length === 0
    ? html`<p>${tr('external.empty')}</p>`
    : html`<table class="table table--compact" id="eksterne-udbydere">
<thead><tr><th scope="col">${tr('external.col.provider')}</th><th scope="col">${tr('external.col.offers')}</th><th scope="col">${tr('external.col.typical')}</th><th scope="col">${tr('external.col.agreement')}</th><th scope="col">${tr('external.col.contact')}</th><th scope="col">${tr('external.col.notes')}</th><th scope="col"><span class="sr-only">${tr('external.col.actions')}</span></th></tr></thead>
<tbody>${providers.map((p) => {
        const valid = agreementValid(p, today);
        return html`<tr data-provider="${p.id}"${valid ? '' : html` class="kk-expired"`}>
  <th scope="row">${p.name}<small style="display:block">${PROVIDER_KIND_LIST.label(p.kind, lang)}, ${p.country}</small></th>
  <td>${offerText(p, lang)}</td>
  <td>${tr('external.days', { days: p.typicalDays })}</td>
  <td>${validityText(p, lang)}${valid ? '' : html`<strong style="display:block">${tr('external.notValid')}</strong>`}</td>
  <td>${p.contactName}<br><a href="mailto:${p.contactEmail}">${p.contactEmail}</a><br>${p.contactPhone}</td>
  <td>${p.notes ?? ''}</td>
  <td><a href="/eksterne-udbydere/${p.id}/tjekliste">${tr('external.checklist')}</a>${args.mayManage ? html`<br><a href="/eksterne-udbydere/${p.id}/rediger">${tr('external.edit')}<span class="sr-only"> ${p.name}</span></a><br><a href="/admin/revisionsspor?type=external-provider&amp;id=${p.id}">${tr('external.history')}<span class="sr-only"> ${tr('external.historyFor', { name: p.name })}</span></a>` : ''}</td>
</tr>`;
      })}</tbody></table>`
}`;
}

/** The checklist's fixed headings in the page's language (the items are the secretariat's own text). */
const SECTION_KEYS = [
  'externalChecklist.consent',
  'externalChecklist.record',
  'externalChecklist.transport',
  'externalChecklist.payment',
  'externalChecklist.followUp',
] as const satisfies readonly MessageKey[];

function sectionHeading(heading: string, index: number, lang: Lang): string {
  const key = SECTION_KEYS[index];
  return key && heading === CHECKLIST_HEADINGS[index] ? t(lang, key) : heading;
}

function textField(
  values: ProviderFormValues,
  errors: Record<string, string>,
  name: string,
  label: string,
  options: { type?: string; hint?: string; readonly?: boolean; lang?: Lang; max?: number } = {},
): Raw {
  const raw = values[name];
  const value = Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '');
  const limit = options.max ? limited(name, options.max, value, options.lang) : undefined;
  return html`<div class="form-group${errors[name] ? ' form-error' : ''}"><label class="form-label" for="${name}">${label}</label>${options.hint ? html`<span class="form-hint">${options.hint}</span>` : ''}${fieldError(errors, name, options.lang)}
  <input class="form-input" id="${name}" name="${name}" type="${options.type ?? 'text'}" value="${value}"${options.readonly ? html` readonly` : ''}${limit ? html` ${limit.attrs}` : ''}>${limit?.counter ?? ''}</div>`;
}

function checkboxes(
  values: ProviderFormValues,
  errors: Record<string, string>,
  name: string,
  legend: string,
  items: readonly { id: string; label: string }[],
  lang: Lang = 'da',
): Raw {
  const raw = values[name];
  const chosen = new Set(Array.isArray(raw) ? raw : raw ? [raw] : []);
  return html`<fieldset class="form-group${errors[name] ? ' form-error' : ''}" id="${name}"><legend class="form-label">${legend}</legend>${fieldError(errors, name, lang)}
  <ul class="nobullet-list">${items.map(
    (item) =>
      html`<li><div class="form-check"><input class="form-checkbox" type="checkbox" id="${name}-${item.id}" name="${name}[]" value="${item.id}"${chosen.has(item.id) ? html` checked` : ''}><label for="${name}-${item.id}">${item.label}</label></div></li>`,
  )}</ul></fieldset>`;
}

export function providerFormPage(args: {
  values: ProviderFormValues;
  errors: Record<string, string>;
  csrf: string;
  action: string;
  isNew: boolean;
  lang?: Lang;
}): Raw {
  const { values, errors } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const kind = values.kind;
  const notesText = Array.isArray(values.notes) ? '' : (values.notes ?? '');
  const notes = limited('notes', PROVIDER_TEXT_MAX.notes, notesText, lang);
  return html`<h1>${args.isNew ? tr('external.form.new') : tr('external.form.edit')}</h1>
<p>${tr('external.form.noPatientData')}</p>
${errorSummary(errors, lang)}
<form method="post" action="${args.action}" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  ${textField(values, errors, 'id', tr('external.field.id'), { lang, hint: tr('external.field.idHint'), readonly: !args.isNew, max: ID_MAX })}
  <fieldset class="form-group${errors.kind ? ' form-error' : ''}" id="kind"><legend class="form-label">${tr('external.field.kind')}</legend>${fieldError(errors, 'kind', lang)}
  ${PROVIDER_KIND_LIST.items.map(
    (k) =>
      html`<div class="form-check"><input class="form-radio" type="radio" id="kind-${k.id}" name="kind" value="${k.id}"${kind === k.id ? html` checked` : ''}><label for="kind-${k.id}">${k.label[lang]}</label></div>`,
  )}</fieldset>
  ${textField(values, errors, 'name', tr('external.field.name'), { lang, max: PROVIDER_TEXT_MAX.name })}
  ${textField(values, errors, 'country', tr('external.field.country'), { lang, max: PROVIDER_TEXT_MAX.country })}
  ${checkboxes(
    values,
    errors,
    'cancerTypes',
    tr('external.field.cancerTypes'),
    referenceData().cancerTypes.map((c) => ({ id: c.id, label: cancerTypeLabel(c.id, lang) })),
    lang,
  )}
  ${checkboxes(
    values,
    errors,
    'pathwayTypes',
    tr('external.field.pathwayTypes'),
    PATHWAY_TYPE_LIST.items.map((i) => ({ id: i.id, label: i.label[lang] })),
    lang,
  )}
  ${checkboxes(
    values,
    errors,
    'modalities',
    tr('external.field.modalities'),
    TREATMENT_MODALITY_LIST.items.map((i) => ({ id: i.id, label: i.label[lang] })),
    lang,
  )}
  ${textField(values, errors, 'contactName', tr('external.field.contactName'), { lang, max: PROVIDER_TEXT_MAX.contactName })}
  ${textField(values, errors, 'contactEmail', tr('external.field.contactEmail'), { lang, type: 'email', max: EMAIL_MAX })}
  ${textField(values, errors, 'contactPhone', tr('external.field.contactPhone'), { lang, hint: tr('external.field.contactPhoneHint'), max: PROVIDER_TEXT_MAX.phone })}
  ${textField(values, errors, 'validFrom', tr('external.field.validFrom'), { lang, type: 'date' })}
  ${textField(values, errors, 'validTo', tr('external.field.validTo'), { lang, type: 'date', hint: tr('external.field.validToHint') })}
  ${textField(values, errors, 'typicalDays', tr('external.field.typicalDays'), { lang, type: 'number' })}
  <div class="form-group${errors.notes ? ' form-error' : ''}"><label class="form-label" for="notes">${tr('external.field.notes')}</label>${fieldError(errors, 'notes', lang)}
  <textarea class="form-input" id="notes" name="notes" rows="4" ${notes.attrs}>${notesText}</textarea>${notes.counter}</div>
  <button class="button button-primary" type="submit">${tr('external.save')}</button> <a href="/eksterne-udbydere">${tr('external.cancel')}</a>
</form>`;
}

export function providerImportPage(args: {
  csrf: string;
  text: string;
  report?: { imported: number; created: number; updated: number; errors: string[] };
  lang?: Lang;
}): Raw {
  const r = args.report;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  return html`<h1>${tr('external.import.title')}</h1>
<p>${tHtml(lang, 'external.import.help', { export: html`<a href="/eksterne-udbydere.csv">${tr('external.import.export')}</a>`, columns: PROVIDER_CSV_COLUMNS.join(', ') })}</p>
${r && r.errors.length > 0 ? html`<div class="alert alert-error" role="alert" id="afviste"><div class="alert-body"><p class="alert-heading">${tr('external.import.refused', { count: r.errors.length })}</p><ul class="alert-text">${r.errors.map((e) => html`<li>${e}</li>`)}</ul></div></div>` : ''}
${r && r.errors.length === 0 ? notice('success', tr('external.import.done', { count: r.imported }), tr('external.import.counts', { created: r.created, updated: r.updated })) : ''}
<form method="post" action="/eksterne-udbydere/import" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  <div class="form-group"><label class="form-label" for="csv">${tr('external.import.text')}</label>
  <textarea class="form-input" id="csv" name="csv" rows="14" style="max-width:100%;font-family:monospace">${args.text}</textarea></div>
  <button class="button button-primary" type="submit">${tr('external.import.submit')}</button>
</form>`;
}

/** The printable checklist for one provider: boxes to tick by hand, no fields for patient data. */
export function checklistPage(args: {
  provider: ExternalProvider;
  template: ChecklistTemplate;
  today: string;
  lang?: Lang;
}): Raw {
  const { provider: p, template } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const valid = agreementValid(p, args.today);
  return html`${PRINT_STYLE}
<h1>${tr('external.checklist.title', { name: p.name })}</h1>
<p>${tr('external.checklist.facts', { kind: PROVIDER_KIND_LIST.label(p.kind, lang), country: p.country, validity: validityText(p, lang), days: p.typicalDays })}<br>
${tr('external.checklist.contact', { name: p.contactName, email: p.contactEmail, phone: p.contactPhone })}</p>
${valid ? '' : notice('warning', tr('external.checklist.notValid'), tr('external.checklist.notValidText'))}
<p>${tr('external.checklist.howTo')}</p>
${template.sections.map((s, i) => html`<h2>${sectionHeading(s.heading, i, lang)}</h2><ul class="kk-check">${s.items.map((item) => html`<li>${item}</li>`)}</ul>`)}
<p class="kk-noprint">${tr('external.checklist.print')} <a href="/eksterne-udbydere">${tr('external.checklist.back')}</a></p>`;
}

export function checklistTemplatePage(args: {
  kind: ProviderKind;
  template: ChecklistTemplate;
  values?: string[];
  errors: Record<string, string>;
  csrf: string;
  mayManage: boolean;
  saved?: boolean;
  lang?: Lang;
}): Raw {
  const { template, errors } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const heading = html`<h1>${tr('external.template.heading', { kind: PROVIDER_KIND_LIST.label(args.kind, lang) })}</h1>`;
  if (!args.mayManage)
    return html`${heading}${template.sections.map((s, i) => html`<h2>${sectionHeading(s.heading, i, lang)}</h2><ul>${s.items.map((item) => html`<li>${item}</li>`)}</ul>`)}`;
  return html`${heading}
<p>${tr('external.template.help')}</p>
${args.saved ? notice('success', tr('external.template.saved')) : ''}
${errorSummary(errors, lang)}
<form method="post" action="/eksterne-udbydere/tjeklister/${args.kind}" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  ${CHECKLIST_HEADINGS.map((h, i) => {
    const label = sectionHeading(h, i, lang);
    const name = `section${i}`;
    const value = args.values?.[i] ?? template.sections[i]?.items.join('\n') ?? '';
    const limit = limited(name, CHECKLIST_SECTION_MAX, value, lang);
    return html`<div class="form-group${errors[name] ? ' form-error' : ''}"><label class="form-label" for="${name}">${label}</label>${fieldError(errors, name, lang)}
  <textarea class="form-input" id="${name}" name="${name}" rows="5" style="max-width:100%" ${limit.attrs}>${value}</textarea>${limit.counter}</div>`;
  })}
  <button class="button button-primary" type="submit">${tr('external.template.save')}</button> <a href="/eksterne-udbydere">${tr('external.template.back')}</a>
</form>`;
}
