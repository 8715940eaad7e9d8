/** /stamdata: the secretariat's pages for hospitals, departments and cancer types (texts in i18n/). */
import { TREATMENT_MODALITY_LIST } from '#domain/lists.ts';
import { ID_MAX } from '#domain/problem.ts';
import {
  allReferenceData,
  type Department,
  type Hospital,
  referenceData,
  regionName,
} from '#domain/reference.ts';
import { REFERENCE_NAME_MAX, type ReferenceEntry, type ReferenceKind } from '#domain/reference-edit.ts';
import { formatDate } from '#domain/time.ts';
import { html, type Raw } from '../html.ts';
import { type Lang, type MessageKey, type Translate, translator } from '../i18n/index.ts';
import { errorSummary } from '../layout.ts';
import { type ContactFormValues, checkboxes, selectField, textField } from './contacts.ts';

/** The kind's segment in the page addresses (Danish). */
export const KIND_SLUGS: Record<ReferenceKind, string> = {
  hospital: 'hospital',
  department: 'afdeling',
  'cancer-type': 'kraeftform',
};

/** The kind's name in the catalogue: one entry, and the list. */
const KIND_KEYS = {
  hospital: { one: 'reference.kind.hospital', many: 'reference.kind.hospitals' },
  department: { one: 'reference.kind.department', many: 'reference.kind.departments' },
  'cancer-type': { one: 'reference.kind.cancerType', many: 'reference.kind.cancerTypes' },
} as const satisfies Record<ReferenceKind, { one: MessageKey; many: MessageKey }>;

function status(e: ReferenceEntry, tr: Translate, lang: Lang): Raw {
  return e.retiredAt
    ? html`<span class="kk-badge">${tr('reference.retiredOn', { date: formatDate(e.retiredAt, lang) })}</span>`
    : html`${tr('reference.active')}`;
}

function names(e: ReferenceEntry, tr: Translate, lang: Lang): Raw {
  const former = (e.formerNames ?? []).map((f) =>
    tr('reference.formerUntil', { name: f.name, date: formatDate(f.until, lang) }),
  );
  return html`${e.name}${e.nameEn && e.nameEn !== e.name ? html`<br><small lang="en">${e.nameEn}</small>` : ''}${former.length > 0 ? html`<br><small>${tr('reference.formerNames', { names: former.join('; ') })}</small>` : ''}`;
}

function actions(kind: ReferenceKind, e: ReferenceEntry, csrf: string, tr: Translate): Raw {
  const base = `/stamdata/${KIND_SLUGS[kind]}/${e.id}`;
  return html`<a href="${base}">${tr('reference.editLink')}</a>${
    e.retiredAt
      ? ''
      : html` <form method="post" action="${base}/udgaa" style="display:inline"><input type="hidden" name="csrf" value="${csrf}"><button class="button button-unstyled kk-link" type="submit">${tr('reference.retire')}</button></form>`
  }`;
}

function section(
  kind: ReferenceKind,
  rows: ReferenceEntry[],
  extra: { head: string; cell: (e: ReferenceEntry) => Raw } | undefined,
  csrf: string,
  lang: Lang,
): Raw {
  const tr = translator(lang);
  const plural = tr(KIND_KEYS[kind].many);
  return html`<h2 id="${KIND_SLUGS[kind]}">${plural}</h2>
<p><a class="button button-secondary" href="/stamdata/${KIND_SLUGS[kind]}/ny">${tr('reference.add', { kind: tr(KIND_KEYS[kind].one) })}</a></p>
<div class="kk-scroll" tabindex="0" role="region" aria-label="${plural}"><table class="table table--compact">
<thead><tr><th scope="col">${tr('reference.col.id')}</th><th scope="col">${tr('reference.col.name')}</th>${extra ? html`<th scope="col">${extra.head}</th>` : ''}<th scope="col">${tr('reference.col.status')}</th><th scope="col"><span class="sr-only">${tr('reference.col.actions')}</span></th></tr></thead>
<tbody>${rows.map((e) => html`<tr data-id="${e.id}"${e.retiredAt ? html` class="kk-retired"` : ''}><td><code>${e.id}</code></td><td>${names(e, tr, lang)}</td>${extra ? html`<td>${extra.cell(e)}</td>` : ''}<td>${status(e, tr, lang)}</td><td>${actions(kind, e, csrf, tr)}</td></tr>`)}</tbody>
</table></div>`;
}

export function referenceListPage(args: { csrf: string; flash?: Raw; lang?: Lang }): Raw {
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const data = allReferenceData();
  const hospitalName = (id: string) => data.hospitals.find((h) => h.id === id)?.name ?? id;
  const department = (e: ReferenceEntry) => {
    const d = e as Department;
    const treatments = d.modalities.map((m) => TREATMENT_MODALITY_LIST.label(m, lang)).join(', ');
    return html`${hospitalName(d.hospital)}<br><small>${d.cancerTypes.join(', ')} · ${treatments}${d.udredning ? ` · ${tr('reference.udredning')}` : ''}</small>`;
  };
  const region = (e: ReferenceEntry) => html`${regionName((e as Hospital).region)}`;
  return html`<h1>${tr('reference.title')}</h1>
${args.flash ?? ''}
<p class="font-lead">${tr('reference.lead')} <a href="/admin/revisionsspor?type=reference-data">${tr('reference.auditLink')}</a>.</p>
<p><a href="/stamdata.csv">${tr('reference.exportCsv')}</a> · <a href="/stamdata/import">${tr('reference.importCsv')}</a> · <a href="/api/reference-data">${tr('reference.publicList')}</a></p>
${section('hospital', data.hospitals, { head: tr('reference.col.region'), cell: region }, args.csrf, lang)}
${section('department', data.departments, { head: tr('reference.col.department'), cell: department }, args.csrf, lang)}
${section('cancer-type', data.cancerTypes, undefined, args.csrf, lang)}`;
}

export function referenceFormPage(args: {
  kind: ReferenceKind;
  isNew: boolean;
  values: ContactFormValues;
  errors: Record<string, string>;
  csrf: string;
  lang?: Lang;
}): Raw {
  const { kind, values, errors } = args;
  const lang = args.lang ?? 'da';
  const tr = translator(lang);
  const label = tr(KIND_KEYS[kind].one);
  const data = referenceData();
  const action = args.isNew
    ? `/stamdata/${KIND_SLUGS[kind]}/ny`
    : `/stamdata/${KIND_SLUGS[kind]}/${String(values.id ?? '')}`;
  const departmentFields = html`${selectField(
    values,
    errors,
    'hospital',
    tr('reference.kind.hospital'),
    data.hospitals.map((h) => ({ value: h.id, label: h.name })),
    false,
  )}
  ${checkboxes(
    values,
    errors,
    'cancerTypes',
    tr('reference.kind.cancerTypes'),
    data.cancerTypes.map((c) => ({ value: c.id, label: lang === 'da' ? c.name : c.nameEn })),
    '',
  )}
  ${checkboxes(
    values,
    errors,
    'modalities',
    tr('reference.field.treatments'),
    TREATMENT_MODALITY_LIST.items.map((m) => ({ value: m.id, label: m.label[lang] })),
    '',
  )}
  <div class="form-group"><input class="form-checkbox" type="checkbox" id="udredning" name="udredning" value="ja"${values.udredning === 'ja' ? html` checked` : ''}><label for="udredning">${tr('reference.field.udredning')}</label></div>`;
  return html`<h1>${args.isNew ? tr('reference.add', { kind: label }) : tr('reference.edit', { kind: label })}</h1>
${errorSummary(errors, lang)}
<form method="post" action="${action}" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  ${textField(values, errors, 'id', tr('reference.col.id'), { readonly: !args.isNew, hint: tr('reference.field.idHint'), max: ID_MAX, lang })}
  ${textField(values, errors, 'name', tr('reference.col.name'), { hint: args.isNew ? undefined : tr('reference.field.nameHint'), max: REFERENCE_NAME_MAX, lang })}
  ${textField(values, errors, 'nameEn', kind === 'cancer-type' ? tr('reference.field.nameEn') : tr('reference.field.nameEnOptional'), { max: REFERENCE_NAME_MAX, lang })}
  ${
    kind === 'hospital'
      ? selectField(
          values,
          errors,
          'region',
          tr('reference.col.region'),
          data.regions.map((r) => ({ value: r.id, label: lang === 'da' ? r.name : r.nameEn })),
          false,
        )
      : ''
  }
  ${kind === 'department' ? departmentFields : ''}
  <button class="button button-primary" type="submit">${tr('reference.save')}</button>
  <a class="button button-secondary" href="/stamdata">${tr('reference.cancel')}</a>
</form>`;
}

export function referenceImportPage(args: {
  csrf: string;
  text: string;
  result?: { errors: string[]; created: number; updated: number; retired: number; unchanged: number };
  lang?: Lang;
}): Raw {
  const r = args.result;
  const tr = translator(args.lang ?? 'da');
  return html`<h1>${tr('reference.import.title')}</h1>
<p>${tr('reference.import.help')} <a href="/stamdata.csv">${tr('reference.exportCsv')}</a></p>
${r && r.errors.length > 0 ? html`<div class="alert alert-error" role="alert" id="afviste"><div class="alert-body"><p class="alert-heading">${tr('reference.import.refused', { count: r.errors.length })}</p><ul class="alert-text">${r.errors.map((e) => html`<li>${e}</li>`)}</ul></div></div>` : ''}
${r && r.errors.length === 0 ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-heading">${tr('reference.import.done')}</p><p class="alert-text">${tr('reference.import.counts', r)}</p></div></div>` : ''}
<form method="post" action="/stamdata/import" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  <div class="form-group"><label class="form-label" for="csv">CSV</label>
  <textarea class="form-input" id="csv" name="csv" rows="14">${args.text}</textarea></div>
  <button class="button button-primary" type="submit">${tr('reference.import.submit')}</button>
</form>`;
}
