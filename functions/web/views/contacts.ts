/** The phone list, the contact edit form, the import page and the verification link page. */
import {
  CONTACT_TEXT_MAX,
  type ContactFilter,
  contactRegion,
  isOverdue,
  PHONE_LENGTH,
} from '#domain/contact-lists.ts';
import { CONTACT_ROLE_LIST, WAIT_PATHWAY_LIST } from '#domain/lists.ts';
import { EMAIL_MAX, ID_MAX } from '#domain/problem.ts';
import {
  CONTACT_ROLES,
  type Contact,
  cancerTypeLabel,
  referenceData,
  regionLabel,
} from '#domain/reference.ts';
import { formatDate } from '#domain/time.ts';
import type { ImportReport } from '../../services/contact-edits.ts';
import { fieldError, limited } from '../fields.ts';
import { html, type Raw } from '../html.ts';
import { type Lang, translator } from '../i18n/index.ts';
import { errorSummary, notice } from '../layout.ts';

export type ContactFormValues = Record<string, string | string[] | undefined>;

const MODALITY_OPTIONS = WAIT_PATHWAY_LIST.ids;

function option(value: string, label: string, selected: boolean): Raw {
  return selected
    ? html`<option value="${value}" selected>${label}</option>`
    : html`<option value="${value}">${label}</option>`;
}

function scopeText(c: Contact, lang: Lang): string {
  const parts: string[] = [];
  parts.push(
    c.cancerTypes.length
      ? c.cancerTypes.map((id) => cancerTypeLabel(id, lang)).join(', ')
      : translator(lang)('contacts.filter.allCancerTypes'),
  );
  if (c.modalities.length) parts.push(c.modalities.map((m) => WAIT_PATHWAY_LIST.label(m, lang)).join(', '));
  return parts.join(' – ');
}

function placeText(c: Contact, lang: Lang): string {
  const data = referenceData();
  const department = data.departments.find((d) => d.id === c.department);
  const hospital = data.hospitals.find((h) => h.id === (c.hospital ?? department?.hospital));
  const region = contactRegion(c);
  return [
    department?.name,
    hospital?.name,
    region ? regionLabel(region, lang) : translator(lang)('contacts.nationwide'),
  ]
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
  /** The contact just saved (after "Gem kontakt"), confirmed at the top of the list. */
  saved?: Contact;
  lang?: Lang;
}): Raw {
  const { contacts, filter, today, months } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const data = referenceData();
  const overdue = contacts.filter((c) => isOverdue(c, today, months)).length;
  const col = {
    role: tr('contacts.col.role'),
    name: tr('contacts.col.name'),
    contact: tr('contacts.col.contact'),
    covers: tr('contacts.col.covers'),
    place: tr('contacts.col.place'),
    maintainer: tr('contacts.col.maintainer'),
    verified: tr('contacts.col.verified'),
  };
  return html`
<style>.kk-overdue td{background:#fff4e5}.kk-saved td{background:#eef7ee}.kk-filter .form-group{display:inline-block;margin-right:16px;vertical-align:bottom}</style>
<h1>${tr('contacts.title')}</h1>
${args.saved ? notice('success', tr('contacts.saved.heading'), tr('contacts.saved.text', { name: args.saved.name })) : ''}
<p class="font-lead">${tr('contacts.lead')}</p>
<form method="get" action="/kontakter" class="kk-filter">
  <div class="form-group"><label class="form-label" for="kraeftform">${tr('contacts.filter.cancerType')}</label>
    <select class="form-select" id="kraeftform" name="kraeftform">${option('', tr('contacts.filter.allCancerTypes'), !filter.cancerType)}${data.cancerTypes.map((c) => option(c.id, lang === 'en' ? c.nameEn : c.name, filter.cancerType === c.id))}</select></div>
  <div class="form-group"><label class="form-label" for="behandling">${tr('contacts.filter.modality')}</label>
    <select class="form-select" id="behandling" name="behandling">${option('', tr('contacts.filter.allModalities'), !filter.modality)}${MODALITY_OPTIONS.map((m) => option(m, WAIT_PATHWAY_LIST.label(m, lang), filter.modality === m))}</select></div>
  <div class="form-group"><label class="form-label" for="region">${tr('contacts.filter.region')}</label>
    <select class="form-select" id="region" name="region">${option('', tr('contacts.filter.allRegions'), !filter.region)}${data.regions.map((r) => option(r.id, lang === 'en' ? r.nameEn : r.name, filter.region === r.id))}</select></div>
  <button class="button button-secondary" type="submit">${tr('contacts.filter.show')}</button>
</form>
<p>
  <a href="/kontakter.csv">${tr('contacts.csv')}</a>
  ${args.mayManage ? html` · <a href="/kontakter/import">${tr('contacts.importLink')}</a> · <a href="/kontakter/ny">${tr('contacts.new')}</a>` : ''}
  ${args.links.map((l) => html` · <a href="${l.href}">${l.label}</a>`)}
</p>
<p>${tr('contacts.count', { count: contacts.length })} ${overdue > 0 ? html`<strong class="kk-overdue-count">${tr('contacts.overdue', { count: overdue, months })}</strong>` : tr('contacts.allVerified')}</p>
<table class="table table--compact kk-stack" id="telefonliste">
  <thead><tr><th scope="col">${col.role}</th><th scope="col">${col.name}</th><th scope="col">${col.contact}</th><th scope="col">${col.covers}</th><th scope="col">${col.place}</th><th scope="col">${col.verified}</th><th scope="col"><span class="sr-only">${tr('contacts.col.actions')}</span></th></tr></thead>
  <tbody>
  ${contacts.map((c) => {
    const late = isOverdue(c, today, months);
    const role = CONTACT_ROLE_LIST.label(c.role, lang);
    const classes = [late ? 'kk-overdue' : '', args.saved?.id === c.id ? 'kk-saved' : '']
      .filter(Boolean)
      .join(' ');
    return html`<tr data-contact="${c.id}"${classes ? html` class="${classes}"` : ''}>
    <td data-label="${col.role}">${c.role === 'primary' ? html`<strong>${role}</strong>` : role}</td>
    <td data-label="${col.name}">${c.name}<br><span class="kk-muted">${c.title}</span></td>
    <td data-label="${col.contact}"><a href="mailto:${c.email}">${c.email}</a><br><a href="tel:${c.phone.replaceAll(' ', '')}">${c.phone}</a></td>
    <td data-label="${col.covers}">${scopeText(c, lang)}</td>
    <td data-label="${col.place}">${placeText(c, lang)}</td>
    <td data-label="${col.verified}">${formatDate(c.verifiedAt, lang)}${late ? html`<br><strong>${tr('contacts.mustVerify')}</strong>` : ''}<br><span class="kk-muted">${col.maintainer}: ${c.maintainer}</span></td>
    <td>${args.mayEdit(c) ? html`<a href="/kontakter/${c.id}/rediger">${tr('contacts.edit')}<span class="sr-only"> ${c.name}</span></a>` : ''}</td>
  </tr>`;
  })}
  </tbody>
</table>`;
}

export function textField(
  values: ContactFormValues,
  errors: Record<string, string>,
  field: string,
  label: string,
  opts: { type?: string; readonly?: boolean; hint?: string; max?: number; lang?: Lang } = {},
): Raw {
  const value = typeof values[field] === 'string' ? (values[field] as string) : '';
  const lang = opts.lang ?? 'da';
  const limit = opts.max ? limited(field, opts.max, value, lang) : undefined;
  return html`<div class="form-group${errors[field] ? ' form-error' : ''}">
  <label class="form-label" for="${field}">${label}</label>
  ${opts.hint ? html`<span class="form-hint">${opts.hint}</span>` : ''}
  ${fieldError(errors, field, lang)}
  <input class="form-input" id="${field}" name="${field}" type="${opts.type ?? 'text'}" value="${value}"${opts.readonly ? html` readonly` : ''}${limit ? html` ${limit.attrs}` : ''}>
  ${limit?.counter ?? ''}
</div>`;
}

export function selectField(
  values: ContactFormValues,
  errors: Record<string, string>,
  field: string,
  label: string,
  options: { value: string; label: string }[],
  disabled: boolean,
  lang: Lang = 'da',
): Raw {
  const value = typeof values[field] === 'string' ? (values[field] as string) : '';
  return html`<div class="form-group${errors[field] ? ' form-error' : ''}">
  <label class="form-label" for="${field}">${label}</label>
  ${fieldError(errors, field, lang)}
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
  lang: Lang = 'da',
): Raw {
  const raw = values[field];
  const chosen = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return html`<fieldset class="form-group${errors[field] ? ' form-error' : ''}"><legend class="form-label">${legend}</legend>
  ${hint ? html`<span class="form-hint">${hint}</span>` : ''}
  ${fieldError(errors, field, lang)}
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
  lang?: Lang;
}): Raw {
  const { values, errors, limited } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const data = referenceData();
  const blank = { value: '', label: tr('contacts.field.none') };
  return html`
<h1>${args.isNew ? tr('contacts.new') : tr('contacts.form.edit')}</h1>
${args.verifiedAt ? html`<p>${tr('contacts.form.verified', { date: formatDate(args.verifiedAt, lang) })}</p>` : ''}
${errorSummary(errors, lang)}
<form method="post" action="${args.action}" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  ${textField(values, errors, 'id', tr('contacts.field.id'), { readonly: !args.isNew, hint: tr('contacts.field.idHint'), max: ID_MAX, lang })}
  ${selectField(
    values,
    errors,
    'role',
    tr('contacts.col.role'),
    CONTACT_ROLES.map((r) => ({ value: r, label: CONTACT_ROLE_LIST.label(r, lang) })),
    limited,
    lang,
  )}
  ${textField(values, errors, 'name', tr('contacts.col.name'), { max: CONTACT_TEXT_MAX, lang })}
  ${textField(values, errors, 'title', tr('contacts.field.title'), { max: CONTACT_TEXT_MAX, lang })}
  ${textField(values, errors, 'email', tr('contacts.field.email'), { type: 'email', max: EMAIL_MAX, lang })}
  ${textField(values, errors, 'phone', tr('contacts.field.phone'), { type: 'tel', hint: tr('contacts.field.phoneHint'), max: PHONE_LENGTH, lang })}
  ${selectField(
    values,
    errors,
    'language',
    tr('contacts.field.language'),
    [
      { value: 'da', label: tr('contacts.field.language.da') },
      { value: 'en', label: tr('contacts.field.language.en') },
    ],
    false,
    lang,
  )}
  ${selectField(values, errors, 'region', tr('contacts.filter.region'), [blank, ...data.regions.map((r) => ({ value: r.id, label: lang === 'en' ? r.nameEn : r.name }))], false, lang)}
  ${selectField(values, errors, 'hospital', tr('contacts.field.hospital'), [blank, ...data.hospitals.map((h) => ({ value: h.id, label: h.name }))], false, lang)}
  ${selectField(values, errors, 'department', tr('contacts.field.department'), [blank, ...data.departments.map((d) => ({ value: d.id, label: d.name }))], limited, lang)}
  ${checkboxes(
    values,
    errors,
    'cancerTypes',
    tr('contacts.field.cancerTypes'),
    data.cancerTypes.map((c) => ({ value: c.id, label: lang === 'en' ? c.nameEn : c.name })),
    tr('contacts.field.noneMeansAll'),
    lang,
  )}
  ${checkboxes(
    values,
    errors,
    'modalities',
    tr('contacts.field.modalities'),
    MODALITY_OPTIONS.map((m) => ({ value: m, label: WAIT_PATHWAY_LIST.label(m, lang) })),
    tr('contacts.field.noneMeansAll'),
    lang,
  )}
  ${textField(values, errors, 'maintainer', tr('contacts.field.maintainer'), { type: 'email', max: EMAIL_MAX, lang })}
  <button class="button button-primary" type="submit">${tr('contacts.form.save')}</button>
  <a class="button button-secondary" href="/kontakter">${tr('contacts.form.cancel')}</a>
</form>`;
}

export function importPage(args: { csrf: string; text: string; report?: ImportReport; lang?: Lang }): Raw {
  const r = args.report;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  return html`
<h1>${tr('contacts.import.title')}</h1>
<p>${tr('contacts.import.columns')} (<a href="/kontakter.csv">${tr('contacts.import.exportLink')}</a>).</p>
<p>${tr('contacts.import.rules')}</p>
${
  r && r.errors.length > 0
    ? html`<div class="alert alert-error" role="alert" id="afviste"><div class="alert-body"><p class="alert-heading">${tr('contacts.import.refused', { count: r.errors.length })}</p><ul class="alert-text">${r.errors.map((e) => html`<li>${e}</li>`)}</ul></div></div>`
    : ''
}
${
  r && r.errors.length === 0
    ? notice(
        'success',
        tr('contacts.import.done', { count: r.imported }),
        tr('contacts.import.counts', { created: r.created, updated: r.updated, unchanged: r.unchanged }),
      )
    : ''
}
${r && r.warnings.length > 0 ? html`<div class="alert alert-warning"><div class="alert-body"><p class="alert-heading">${tr('contacts.import.warnings')}</p><ul class="alert-text">${r.warnings.map((w) => html`<li>${w}</li>`)}</ul></div></div>` : ''}
<form method="post" action="/kontakter/import" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  <div class="form-group"><label class="form-label" for="fil">${tr('contacts.import.file')}</label>
  <span class="form-hint" id="fil-hint">${tr('contacts.import.fileHint')}</span>
  <input class="form-file" id="fil" name="fil" type="file" accept=".csv,text/csv,text/plain" aria-describedby="fil-hint"></div>
  <div class="form-group"><label class="form-label" for="csv">${tr('contacts.import.text')}</label>
  <span class="form-hint" id="csv-hint">${tr('contacts.import.textHint')}</span>
  <textarea class="form-input" id="csv" name="csv" rows="14" style="max-width:100%;font-family:monospace" aria-describedby="csv-hint">${args.text}</textarea></div>
  <button class="button button-primary" type="submit">${tr('contacts.import.submit')}</button>
</form>`;
}

export function verifyPage(args: {
  contacts: Contact[];
  csrf?: string;
  action: string;
  done?: boolean;
  lang?: Lang;
}): Raw {
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  if (args.done) {
    return html`<h1>${tr('contacts.verify.doneTitle')}</h1>
<ul>${args.contacts.map((c) => html`<li>${c.name}, ${c.title}</li>`)}</ul>
<p><a href="/kontakter">${tr('contacts.verify.toList')}</a></p>`;
  }
  return html`<h1>${tr('contacts.verify.title')}</h1>
<p>${tr('contacts.verify.question')} <a href="/kontakter">${tr('contacts.verify.fix')}</a></p>
<table class="table kk-stack"><thead><tr><th scope="col">${tr('contacts.col.name')}</th><th scope="col">${tr('contacts.verify.email')}</th><th scope="col">${tr('contacts.field.phone')}</th><th scope="col">${tr('contacts.col.verified')}</th></tr></thead>
<tbody>${args.contacts.map((c) => html`<tr><td data-label="${tr('contacts.col.name')}">${c.name}<br>${c.title}</td><td data-label="${tr('contacts.verify.email')}">${c.email}</td><td data-label="${tr('contacts.field.phone')}">${c.phone}</td><td data-label="${tr('contacts.col.verified')}">${formatDate(c.verifiedAt, lang)}</td></tr>`)}</tbody></table>
<form method="post" action="${args.action}"><button class="button button-primary" type="submit">${tr('contacts.verify.confirm')}</button></form>`;
}
