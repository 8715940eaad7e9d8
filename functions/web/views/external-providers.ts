/**
 * The register of external providers (list, edit form, CSV import), the referral checklist a
 * coordinator prints for a case, and the secretariat's checklist template form.
 */
import {
  agreementValid,
  CHECKLIST_HEADINGS,
  type ChecklistTemplate,
  type ExternalProvider,
  PROVIDER_CSV_COLUMNS,
  PROVIDER_KIND_LIST,
  PROVIDER_TEXT_MAX,
  type ProviderKind,
  validityText,
} from '#domain/external-providers.ts';
import { PATHWAY_TYPE_LIST, TREATMENT_MODALITY_LIST } from '#domain/lists.ts';
import { cancerTypeName, referenceData } from '#domain/reference.ts';
import { fieldError, limited } from '../fields.ts';
import { html, type Raw } from '../html.ts';
import { errorSummary, notice } from '../layout.ts';

export type ProviderFormValues = Record<string, string | string[] | undefined>;

const PRINT_STYLE = html`<style>@media print{header,footer,nav,.kk-noprint{display:none!important}.kk-check li{break-inside:avoid}}.kk-check{list-style:none;padding-left:0}.kk-check li{margin:.4rem 0}.kk-check li::before{content:"☐ ";font-size:1.2em}.kk-expired td,.kk-expired th{color:#666}</style>`;

function offerText(p: ExternalProvider): string {
  const parts = [p.cancerTypes.map(cancerTypeName).join(', ')];
  if (p.pathwayTypes.includes('udredning')) parts.push('udredning');
  if (p.modalities.length)
    parts.push(p.modalities.map((m) => TREATMENT_MODALITY_LIST.label(m).toLowerCase()).join(', '));
  return parts.join(' – ');
}

export function providerListPage(args: {
  providers: ExternalProvider[];
  today: string;
  mayManage: boolean;
  saved?: string;
}): Raw {
  const { providers, today } = args;
  return html`${PRINT_STYLE}
<h1>Eksterne udbydere</h1>
<p class="font-lead">Private hospitaler og klinikker under udvidet frit sygehusvalg og udenlandske hospitaler med aftale. Kapacitetsfinderen viser dem efter de offentlige afdelinger, når ingen offentlig afdeling kan starte inden for den maksimale ventetid. Registret vedligeholdes af Specialenheden.</p>
${args.saved ? notice('success', 'Udbyderen er gemt.') : ''}
<p class="kk-noprint">
  <a href="/eksterne-udbydere.csv">Hent registret som CSV</a>
  ${args.mayManage ? html` · <a href="/eksterne-udbydere/ny">Opret udbyder</a> · <a href="/eksterne-udbydere/import">Importér CSV</a>` : ''}
  · Tjeklister: ${PROVIDER_KIND_LIST.items.map((k, i) => html`${i > 0 ? ', ' : ''}<a href="/eksterne-udbydere/tjeklister/${k.id}">${k.label.da}</a>`)}
</p>
${
  providers.length === 0
    ? html`<p>Registret er tomt.</p>`
    : html`<table class="table table--compact" id="eksterne-udbydere">
<thead><tr><th scope="col">Udbyder</th><th scope="col">Tilbyder</th><th scope="col">Typisk tid til start</th><th scope="col">Aftale</th><th scope="col">Kontakt</th><th scope="col">Bemærkninger</th><th scope="col"><span class="sr-only">Handlinger</span></th></tr></thead>
<tbody>${providers.map((p) => {
        const valid = agreementValid(p, today);
        return html`<tr data-provider="${p.id}"${valid ? '' : html` class="kk-expired"`}>
  <th scope="row">${p.name}<small style="display:block">${PROVIDER_KIND_LIST.label(p.kind)}, ${p.country}</small></th>
  <td>${offerText(p)}</td>
  <td>${p.typicalDays} dage</td>
  <td>${validityText(p)}${valid ? '' : html`<strong style="display:block">Ikke gyldig i dag</strong>`}</td>
  <td>${p.contactName}<br><a href="mailto:${p.contactEmail}">${p.contactEmail}</a><br>${p.contactPhone}</td>
  <td>${p.notes ?? ''}</td>
  <td><a href="/eksterne-udbydere/${p.id}/tjekliste">Tjekliste</a>${args.mayManage ? html`<br><a href="/eksterne-udbydere/${p.id}/rediger">Ret<span class="sr-only"> ${p.name}</span></a><br><a href="/admin/revisionsspor?type=external-provider&amp;id=${p.id}">Historik<span class="sr-only"> for ${p.name}</span></a>` : ''}</td>
</tr>`;
      })}</tbody></table>`
}`;
}

function textField(
  values: ProviderFormValues,
  errors: Record<string, string>,
  name: string,
  label: string,
  options: { type?: string; hint?: string; readonly?: boolean; max?: number } = {},
): Raw {
  const raw = values[name];
  const value = Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '');
  const limit = options.max ? limited(name, options.max, value) : undefined;
  return html`<div class="form-group${errors[name] ? ' form-error' : ''}"><label class="form-label" for="${name}">${label}</label>${options.hint ? html`<span class="form-hint">${options.hint}</span>` : ''}${fieldError(errors, name)}
  <input class="form-input" id="${name}" name="${name}" type="${options.type ?? 'text'}" value="${value}"${options.readonly ? html` readonly` : ''}${limit ? html` ${limit.attrs}` : ''}>${limit?.counter ?? ''}</div>`;
}

function checkboxes(
  values: ProviderFormValues,
  errors: Record<string, string>,
  name: string,
  legend: string,
  items: readonly { id: string; label: string }[],
): Raw {
  const raw = values[name];
  const chosen = new Set(Array.isArray(raw) ? raw : raw ? [raw] : []);
  return html`<fieldset class="form-group${errors[name] ? ' form-error' : ''}" id="${name}"><legend class="form-label">${legend}</legend>${fieldError(errors, name)}
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
}): Raw {
  const { values, errors } = args;
  const kind = values.kind;
  const notesText = Array.isArray(values.notes) ? '' : (values.notes ?? '');
  const notes = limited('notes', PROVIDER_TEXT_MAX.notes, notesText);
  return html`<h1>${args.isNew ? 'Opret ekstern udbyder' : 'Ret ekstern udbyder'}</h1>
<p>Skriv ingen patientoplysninger. Tekst, der ligner et CPR-nummer, afvises.</p>
${errorSummary(errors)}
<form method="post" action="${args.action}" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  ${textField(values, errors, 'id', 'Id', { hint: 'Små bogstaver, tal og bindestreger, fx aleris-aarhus.', readonly: !args.isNew })}
  <fieldset class="form-group${errors.kind ? ' form-error' : ''}" id="kind"><legend class="form-label">Type</legend>${fieldError(errors, 'kind')}
  ${PROVIDER_KIND_LIST.items.map(
    (k) =>
      html`<div class="form-check"><input class="form-radio" type="radio" id="kind-${k.id}" name="kind" value="${k.id}"${kind === k.id ? html` checked` : ''}><label for="kind-${k.id}">${k.label.da}</label></div>`,
  )}</fieldset>
  ${textField(values, errors, 'name', 'Navn', { max: PROVIDER_TEXT_MAX.name })}
  ${textField(values, errors, 'country', 'Land', { max: PROVIDER_TEXT_MAX.country })}
  ${checkboxes(
    values,
    errors,
    'cancerTypes',
    'Kræftformer',
    referenceData().cancerTypes.map((c) => ({ id: c.id, label: c.name })),
  )}
  ${checkboxes(
    values,
    errors,
    'pathwayTypes',
    'Forløbstyper',
    PATHWAY_TYPE_LIST.items.map((i) => ({ id: i.id, label: i.label.da })),
  )}
  ${checkboxes(
    values,
    errors,
    'modalities',
    'Behandlingsformer (ved behandling)',
    TREATMENT_MODALITY_LIST.items.map((i) => ({ id: i.id, label: i.label.da })),
  )}
  ${textField(values, errors, 'contactName', 'Kontaktperson eller funktion', { max: PROVIDER_TEXT_MAX.contactName })}
  ${textField(values, errors, 'contactEmail', 'Kontaktens e-mail', { type: 'email' })}
  ${textField(values, errors, 'contactPhone', 'Kontaktens telefon', { hint: 'Med landekode, fx +45 12 34 56 78 eller +49 30 1234 5678.' })}
  ${textField(values, errors, 'validFrom', 'Aftalen gælder fra', { type: 'date' })}
  ${textField(values, errors, 'validTo', 'Aftalen gælder til', { type: 'date', hint: 'Tom: løbende aftale.' })}
  ${textField(values, errors, 'typicalDays', 'Typisk antal dage til start', { type: 'number' })}
  <div class="form-group${errors.notes ? ' form-error' : ''}"><label class="form-label" for="notes">Bemærkninger</label>${fieldError(errors, 'notes')}
  <textarea class="form-input" id="notes" name="notes" rows="4" ${notes.attrs}>${notesText}</textarea>${notes.counter}</div>
  <button class="button button-primary" type="submit">Gem</button> <a href="/eksterne-udbydere">Annullér</a>
</form>`;
}

export function providerImportPage(args: {
  csrf: string;
  text: string;
  report?: { imported: number; created: number; updated: number; errors: string[] };
}): Raw {
  const r = args.report;
  return html`<h1>Importér eksterne udbydere (CSV)</h1>
<p>Første linje er kolonnenavnene, som i <a href="/eksterne-udbydere.csv">eksporten</a>: ${PROVIDER_CSV_COLUMNS.join(', ')}. Semikolon eller komma som skilletegn; flere værdier adskilles med |. Alle rækker kontrolleres først: er én række forkert, importeres intet.</p>
${r && r.errors.length > 0 ? html`<div class="alert alert-error" role="alert" id="afviste"><div class="alert-body"><p class="alert-heading">Intet er importeret: ${r.errors.length} fejl i filen</p><ul class="alert-text">${r.errors.map((e) => html`<li>${e}</li>`)}</ul></div></div>` : ''}
${r && r.errors.length === 0 ? notice('success', `${r.imported} udbydere importeret`, `${r.created} nye, ${r.updated} opdateret.`) : ''}
<form method="post" action="/eksterne-udbydere/import" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  <div class="form-group"><label class="form-label" for="csv">CSV-indhold</label>
  <textarea class="form-input" id="csv" name="csv" rows="14" style="max-width:100%;font-family:monospace">${args.text}</textarea></div>
  <button class="button button-primary" type="submit">Importér</button>
</form>`;
}

/** The printable checklist for one provider: boxes to tick by hand, no fields for patient data. */
export function checklistPage(args: {
  provider: ExternalProvider;
  template: ChecklistTemplate;
  today: string;
}): Raw {
  const { provider: p, template } = args;
  const valid = agreementValid(p, args.today);
  return html`${PRINT_STYLE}
<h1>Henvisningstjekliste: ${p.name}</h1>
<p>${PROVIDER_KIND_LIST.label(p.kind)}, ${p.country} · ${validityText(p)} · typisk ${p.typicalDays} dage til start<br>
Kontakt: ${p.contactName}, ${p.contactEmail}, ${p.contactPhone}</p>
${valid ? '' : notice('warning', 'Aftalen med udbyderen er ikke gyldig i dag.', 'Henvis ikke, før aftalen er fornyet.')}
<p>Udskriv listen og sæt kryds i hånden. Skriv ikke patientens navn eller CPR-nummer i systemet; listen hører til patientens journal.</p>
${template.sections.map((s) => html`<h2>${s.heading}</h2><ul class="kk-check">${s.items.map((item) => html`<li>${item}</li>`)}</ul>`)}
<p class="kk-noprint">Udskriv med browserens udskriftsfunktion (Ctrl+P); menuer og links kommer ikke med. <a href="/eksterne-udbydere">Tilbage til registret</a></p>`;
}

export function checklistTemplatePage(args: {
  kind: ProviderKind;
  template: ChecklistTemplate;
  values?: string[];
  errors: Record<string, string>;
  csrf: string;
  mayManage: boolean;
  saved?: boolean;
}): Raw {
  const { template, errors } = args;
  const heading = html`<h1>Tjekliste: ${PROVIDER_KIND_LIST.label(args.kind)}</h1>`;
  if (!args.mayManage)
    return html`${heading}${template.sections.map((s) => html`<h2>${s.heading}</h2><ul>${s.items.map((i) => html`<li>${i}</li>`)}</ul>`)}`;
  return html`${heading}
<p>Skabelonen bruges for alle udbydere af denne type. Ét punkt pr. linje. Skriv ingen patientoplysninger.</p>
${args.saved ? notice('success', 'Tjeklisten er gemt.') : ''}
${errorSummary(errors)}
<form method="post" action="/eksterne-udbydere/tjeklister/${args.kind}" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  ${CHECKLIST_HEADINGS.map((h, i) => {
    const name = `section${i}`;
    const value = args.values?.[i] ?? template.sections[i]?.items.join('\n') ?? '';
    return html`<div class="form-group${errors[name] ? ' form-error' : ''}"><label class="form-label" for="${name}">${h}</label>${fieldError(errors, name)}
  <textarea class="form-input" id="${name}" name="${name}" rows="5" style="max-width:100%">${value}</textarea></div>`;
  })}
  <button class="button button-primary" type="submit">Gem tjeklisten</button> <a href="/eksterne-udbydere">Tilbage</a>
</form>`;
}
