/** The phone list, the contact edit form, the import page and the verification link page. */
import { CONTACT_ROLE_LABELS, type ContactFilter, contactRegion, isOverdue } from '#domain/contact-lists.ts';
import { WAIT_PATHWAY_LIST } from '#domain/lists.ts';
import {
  CONTACT_ROLES,
  type Contact,
  cancerTypeName,
  MODALITY_LABELS,
  referenceData,
  regionName,
} from '#domain/reference.ts';
import { formatDate } from '#domain/time.ts';
import { html, type Raw } from '../html.ts';
import { errorSummary } from '../layout.ts';

export type ContactFormValues = Record<string, string | string[] | undefined>;

const MODALITY_OPTIONS = WAIT_PATHWAY_LIST.ids;

function option(value: string, label: string, selected: boolean): Raw {
  return selected
    ? html`<option value="${value}" selected>${label}</option>`
    : html`<option value="${value}">${label}</option>`;
}

function scopeText(c: Contact): string {
  const parts: string[] = [];
  parts.push(c.cancerTypes.length ? c.cancerTypes.map(cancerTypeName).join(', ') : 'Alle kræftformer');
  if (c.modalities.length) parts.push(c.modalities.map((m) => MODALITY_LABELS[m]).join(', '));
  return parts.join(' – ');
}

function placeText(c: Contact): string {
  const data = referenceData();
  const department = data.departments.find((d) => d.id === c.department);
  const hospital = data.hospitals.find((h) => h.id === (c.hospital ?? department?.hospital));
  const region = contactRegion(c);
  return [department?.name, hospital?.name, region ? regionName(region) : 'Landsdækkende']
    .filter(Boolean)
    .join(', ');
}

export function phoneListPage(args: {
  contacts: Contact[];
  filter: ContactFilter;
  today: string;
  months: number;
  mayEdit: (c: Contact) => boolean;
  mayManage: boolean;
  /** Related pages this viewer may open (quarterly status, audit trail). */
  links: { href: string; label: string }[];
}): Raw {
  const { contacts, filter, today, months } = args;
  const data = referenceData();
  const overdue = contacts.filter((c) => isOverdue(c, today, months)).length;
  return html`
<style>.kk-overdue td{background:#fff4e5}.kk-muted{color:#555;font-size:.9rem}.kk-filter .form-group{display:inline-block;margin-right:16px;vertical-align:bottom}</style>
<h1>Telefonliste</h1>
<p class="font-lead">Kontakter i eskalationsmodellen efter kræftform, behandlingstype og region: primærindgange, afdelinger, sundhedsdirektører og nationale netværk. Eskaleringen bruger altid listen, som den står her.</p>
<form method="get" action="/kontakter" class="kk-filter">
  <div class="form-group"><label class="form-label" for="kraeftform">Kræftform</label>
    <select class="form-select" id="kraeftform" name="kraeftform">${option('', 'Alle kræftformer', !filter.cancerType)}${data.cancerTypes.map((c) => option(c.id, c.name, filter.cancerType === c.id))}</select></div>
  <div class="form-group"><label class="form-label" for="behandling">Behandlingstype</label>
    <select class="form-select" id="behandling" name="behandling">${option('', 'Alle behandlingstyper', !filter.modality)}${MODALITY_OPTIONS.map((m) => option(m, MODALITY_LABELS[m], filter.modality === m))}</select></div>
  <div class="form-group"><label class="form-label" for="region">Region</label>
    <select class="form-select" id="region" name="region">${option('', 'Alle regioner', !filter.region)}${data.regions.map((r) => option(r.id, r.name, filter.region === r.id))}</select></div>
  <button class="button button-secondary" type="submit">Vis</button>
</form>
<p>
  <a href="/kontakter.csv">Hent hele listen som CSV</a>
  ${args.mayManage ? html` · <a href="/kontakter/import">Importér CSV</a> · <a href="/kontakter/ny">Opret kontakt</a>` : ''}
  ${args.links.map((l) => html` · <a href="${l.href}">${l.label}</a>`)}
</p>
<p>${contacts.length} kontakter. ${overdue > 0 ? html`<strong class="kk-overdue-count">${overdue} er ikke bekræftet i over ${months} måneder.</strong>` : 'Alle er bekræftet inden for perioden.'}</p>
<table class="table table--compact" id="telefonliste">
  <thead><tr><th scope="col">Rolle</th><th scope="col">Navn</th><th scope="col">Kontakt</th><th scope="col">Dækker</th><th scope="col">Sted</th><th scope="col">Vedligeholdes af</th><th scope="col">Sidst bekræftet</th><th scope="col"><span class="sr-only">Handlinger</span></th></tr></thead>
  <tbody>
  ${contacts.map((c) => {
    const late = isOverdue(c, today, months);
    return html`<tr data-contact="${c.id}"${late ? html` class="kk-overdue"` : ''}>
    <td>${c.role === 'primary' ? html`<strong>${CONTACT_ROLE_LABELS[c.role]}</strong>` : CONTACT_ROLE_LABELS[c.role]}</td>
    <td>${c.name}<br><span class="kk-muted">${c.title}</span></td>
    <td><a href="mailto:${c.email}">${c.email}</a><br><a href="tel:${c.phone.replaceAll(' ', '')}">${c.phone}</a></td>
    <td>${scopeText(c)}</td>
    <td>${placeText(c)}</td>
    <td>${c.maintainer}</td>
    <td>${formatDate(c.verifiedAt)}${late ? html`<br><strong>Skal bekræftes</strong>` : ''}</td>
    <td>${args.mayEdit(c) ? html`<a href="/kontakter/${c.id}/rediger">Ret<span class="sr-only"> ${c.name}</span></a>` : ''}</td>
  </tr>`;
  })}
  </tbody>
</table>`;
}

function fieldError(errors: Record<string, string>, field: string): Raw {
  return errors[field]
    ? html`<span class="form-error-message" id="${field}-fejl"><span class="sr-only">Fejl: </span>${errors[field]}</span>`
    : html``;
}

export function textField(
  values: ContactFormValues,
  errors: Record<string, string>,
  field: string,
  label: string,
  opts: { type?: string; readonly?: boolean; hint?: string } = {},
): Raw {
  const value = typeof values[field] === 'string' ? (values[field] as string) : '';
  return html`<div class="form-group${errors[field] ? ' form-error' : ''}">
  <label class="form-label" for="${field}">${label}</label>
  ${opts.hint ? html`<span class="form-hint">${opts.hint}</span>` : ''}
  ${fieldError(errors, field)}
  <input class="form-input" id="${field}" name="${field}" type="${opts.type ?? 'text'}" value="${value}"${opts.readonly ? html` readonly` : ''}>
</div>`;
}

export function selectField(
  values: ContactFormValues,
  errors: Record<string, string>,
  field: string,
  label: string,
  options: { value: string; label: string }[],
  disabled: boolean,
): Raw {
  const value = typeof values[field] === 'string' ? (values[field] as string) : '';
  return html`<div class="form-group${errors[field] ? ' form-error' : ''}">
  <label class="form-label" for="${field}">${label}</label>
  ${fieldError(errors, field)}
  ${
    disabled
      ? html`<input type="hidden" name="${field}" value="${value}"><select class="form-select" id="${field}" disabled>${options.map((o) => option(o.value, o.label, o.value === value))}</select>`
      : html`<select class="form-select" id="${field}" name="${field}">${options.map((o) => option(o.value, o.label, o.value === value))}</select>`
  }
</div>`;
}

export function checkboxes(
  values: ContactFormValues,
  errors: Record<string, string>,
  field: string,
  legend: string,
  options: { value: string; label: string }[],
  hint = 'Ingen valgt betyder alle.',
): Raw {
  const raw = values[field];
  const chosen = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return html`<fieldset class="form-group${errors[field] ? ' form-error' : ''}"><legend class="form-label">${legend}</legend>
  ${hint ? html`<span class="form-hint">${hint}</span>` : ''}
  ${fieldError(errors, field)}
  <ul class="nobullet-list">${options.map(
    (o) =>
      html`<li><input class="form-checkbox" type="checkbox" id="${field}-${o.value}" name="${field}[]" value="${o.value}"${chosen.includes(o.value) ? html` checked` : ''}><label for="${field}-${o.value}">${o.label}</label></li>`,
  )}</ul></fieldset>`;
}

export function contactFormPage(args: {
  values: ContactFormValues;
  errors: Record<string, string>;
  csrf: string;
  action: string;
  isNew: boolean;
  /** Department users may not change role or department. */
  limited: boolean;
  verifiedAt?: string;
}): Raw {
  const { values, errors, limited } = args;
  const data = referenceData();
  const blank = { value: '', label: '(ingen)' };
  return html`
<h1>${args.isNew ? 'Opret kontakt' : 'Ret kontakt'}</h1>
${args.verifiedAt ? html`<p>Sidst bekræftet ${formatDate(args.verifiedAt)}. Når du gemmer, regnes kontakten som bekræftet i dag.</p>` : ''}
${errorSummary(errors)}
<form method="post" action="${args.action}" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  ${textField(values, errors, 'id', 'Id', { readonly: !args.isNew, hint: 'Små bogstaver, tal og bindestreger, fx suh-brystkirurgi-koordinator.' })}
  ${selectField(
    values,
    errors,
    'role',
    'Rolle',
    CONTACT_ROLES.map((r) => ({ value: r, label: CONTACT_ROLE_LABELS[r] })),
    limited,
  )}
  ${textField(values, errors, 'name', 'Navn')}
  ${textField(values, errors, 'title', 'Titel eller funktion')}
  ${textField(values, errors, 'email', 'E-mail (gerne funktionspostkasse)', { type: 'email' })}
  ${textField(values, errors, 'phone', 'Telefon', { type: 'tel', hint: 'Som +45 12 34 56 78.' })}
  ${selectField(values, errors, 'region', 'Region', [blank, ...data.regions.map((r) => ({ value: r.id, label: r.name }))], false)}
  ${selectField(values, errors, 'hospital', 'Hospital', [blank, ...data.hospitals.map((h) => ({ value: h.id, label: h.name }))], false)}
  ${selectField(values, errors, 'department', 'Afdeling', [blank, ...data.departments.map((d) => ({ value: d.id, label: d.name }))], limited)}
  ${checkboxes(
    values,
    errors,
    'cancerTypes',
    'Kræftformer',
    data.cancerTypes.map((c) => ({ value: c.id, label: c.name })),
  )}
  ${checkboxes(
    values,
    errors,
    'modalities',
    'Behandlingstyper',
    MODALITY_OPTIONS.map((m) => ({ value: m, label: MODALITY_LABELS[m] })),
  )}
  ${textField(values, errors, 'maintainer', 'Vedligeholdes af (e-mail)', { type: 'email' })}
  <button class="button button-primary" type="submit">Gem kontakt</button>
  <a class="button button-secondary" href="/kontakter">Annullér</a>
</form>`;
}

export function importPage(args: {
  csrf: string;
  text: string;
  report?: { imported: number; created: number; updated: number; errors: string[]; warnings: string[] };
}): Raw {
  const r = args.report;
  return html`
<h1>Importér kontakter (CSV)</h1>
<p>Første linje er kolonnenavnene, som i <a href="/kontakter.csv">eksporten</a>: id, role, name, title, email, phone, region, hospital, department, cancerTypes, modalities, maintainer, verifiedAt. Semikolon eller komma som skilletegn; flere kræftformer eller behandlingstyper adskilles med |. Alle rækker kontrolleres først: er én række forkert, importeres intet.</p>
${
  r && r.errors.length > 0
    ? html`<div class="alert alert-error" role="alert" id="afviste"><div class="alert-body"><p class="alert-heading">Intet er importeret: ${r.errors.length} ${r.errors.length === 1 ? 'fejl' : 'fejl'} i filen</p><ul class="alert-text">${r.errors.map((e) => html`<li>${e}</li>`)}</ul></div></div>`
    : ''
}
${
  r && r.errors.length === 0
    ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-heading">${r.imported} kontakter importeret</p><p class="alert-text">${r.created} nye, ${r.updated} opdateret.</p></div></div>`
    : ''
}
${r && r.warnings.length > 0 ? html`<div class="alert alert-warning"><div class="alert-body"><p class="alert-heading">Bemærk</p><ul class="alert-text">${r.warnings.map((w) => html`<li>${w}</li>`)}</ul></div></div>` : ''}
<form method="post" action="/kontakter/import" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  <div class="form-group"><label class="form-label" for="csv">CSV-indhold</label>
  <span class="form-hint">Indsæt filens indhold (åbn den i en teksteditor, eller kopiér fra regnearket).</span>
  <textarea class="form-input" id="csv" name="csv" rows="14" style="max-width:100%;font-family:monospace">${args.text}</textarea></div>
  <button class="button button-primary" type="submit">Importér</button>
</form>`;
}

export function verifyPage(args: {
  contacts: Contact[];
  csrf?: string;
  action: string;
  done?: boolean;
}): Raw {
  if (args.done) {
    return html`<h1>Tak – kontaktoplysningerne er bekræftet</h1>
<ul>${args.contacts.map((c) => html`<li>${c.name}, ${c.title}</li>`)}</ul>
<p><a href="/kontakter">Gå til telefonlisten</a></p>`;
  }
  return html`<h1>Bekræft kontaktoplysninger</h1>
<p>Er oplysningerne herunder stadig rigtige? Ret dem ellers på <a href="/kontakter">telefonlisten</a> (kræver log ind).</p>
<table class="table"><thead><tr><th scope="col">Navn</th><th scope="col">E-mail</th><th scope="col">Telefon</th><th scope="col">Sidst bekræftet</th></tr></thead>
<tbody>${args.contacts.map((c) => html`<tr><td>${c.name}<br>${c.title}</td><td>${c.email}</td><td>${c.phone}</td><td>${formatDate(c.verifiedAt)}</td></tr>`)}</tbody></table>
<form method="post" action="${args.action}"><button class="button button-primary" type="submit">Ja, oplysningerne er rigtige</button></form>`;
}
