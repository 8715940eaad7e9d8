/** /stamdata: the secretariat's pages for hospitals, departments and cancer types. */
import { TREATMENT_MODALITY_LIST } from '#domain/lists.ts';
import {
  allReferenceData,
  type Department,
  type Hospital,
  referenceData,
  regionName,
} from '#domain/reference.ts';
import { KIND_LABELS, type ReferenceEntry, type ReferenceKind } from '#domain/reference-edit.ts';
import { formatDate } from '#domain/time.ts';
import { html, type Raw } from '../html.ts';
import { errorSummary } from '../layout.ts';
import { type ContactFormValues, checkboxes, selectField, textField } from './contacts.ts';

/** The kind's segment in the page addresses (Danish). */
export const KIND_SLUGS: Record<ReferenceKind, string> = {
  hospital: 'hospital',
  department: 'afdeling',
  'cancer-type': 'kraeftform',
};

function status(e: ReferenceEntry): Raw {
  return e.retiredAt ? html`<span class="kk-badge">Udgået ${formatDate(e.retiredAt)}</span>` : html`Aktiv`;
}

function names(e: ReferenceEntry): Raw {
  const former = (e.formerNames ?? []).map((f) => `${f.name} (til ${formatDate(f.until)})`);
  return html`${e.name}${e.nameEn && e.nameEn !== e.name ? html`<br><small lang="en">${e.nameEn}</small>` : ''}${former.length > 0 ? html`<br><small>Tidligere: ${former.join('; ')}</small>` : ''}`;
}

function actions(kind: ReferenceKind, e: ReferenceEntry, csrf: string): Raw {
  const base = `/stamdata/${KIND_SLUGS[kind]}/${e.id}`;
  return html`<a href="${base}">Ret</a>${
    e.retiredAt
      ? ''
      : html` <form method="post" action="${base}/udgaa" style="display:inline"><input type="hidden" name="csrf" value="${csrf}"><button class="button button-unstyled kk-link" type="submit">Lad udgå</button></form>`
  }`;
}

function section(
  kind: ReferenceKind,
  rows: ReferenceEntry[],
  extra: (e: ReferenceEntry) => Raw,
  extraHead: string,
  csrf: string,
): Raw {
  const label = KIND_LABELS[kind];
  return html`<h2 id="${KIND_SLUGS[kind]}">${label.plural}</h2>
<p><a class="button button-secondary" href="/stamdata/${KIND_SLUGS[kind]}/ny">Tilføj ${label.singular.toLowerCase()}</a></p>
<div class="kk-scroll" tabindex="0" role="region" aria-label="${label.plural}"><table class="table table--compact">
<thead><tr><th scope="col">Id</th><th scope="col">Navn</th><th scope="col">${extraHead}</th><th scope="col">Status</th><th scope="col"><span class="sr-only">Handlinger</span></th></tr></thead>
<tbody>${rows.map((e) => html`<tr data-id="${e.id}"${e.retiredAt ? html` class="kk-retired"` : ''}><td><code>${e.id}</code></td><td>${names(e)}</td><td>${extra(e)}</td><td>${status(e)}</td><td>${actions(kind, e, csrf)}</td></tr>`)}</tbody>
</table></div>`;
}

export function referenceListPage(args: { csrf: string; flash?: Raw }): Raw {
  const data = allReferenceData();
  const hospitalName = (id: string) => data.hospitals.find((h) => h.id === id)?.name ?? id;
  return html`<h1>Stamdata</h1>
${args.flash ?? ''}
<p class="font-lead">Hospitaler, afdelinger og kræftformer, som formularerne, kontaktlisterne og API’et bruger. En post slettes aldrig: en post, der udgår, forsvinder fra formularerne, men sager og ugerapporter, der nævner den, viser stadig navnet. Et nyt navn gemmer det gamle. Alle ændringer står i <a href="/admin/revisionsspor?type=reference-data">revisionssporet</a>.</p>
<p><a href="/stamdata.csv">Hent som CSV</a> · <a href="/stamdata/import">Importér CSV</a> · <a href="/api/reference-data">Offentlig liste over gyldige id’er (JSON)</a></p>
${section('hospital', data.hospitals, (e) => html`${regionName((e as Hospital).region)}`, 'Region', args.csrf)}
${section(
  'department',
  data.departments,
  (e) => {
    const d = e as Department;
    return html`${hospitalName(d.hospital)}<br><small>${d.cancerTypes.join(', ')} · ${d.modalities.map((m) => TREATMENT_MODALITY_LIST.label(m)).join(', ')}${d.udredning ? ' · udredning' : ''}</small>`;
  },
  'Hospital, kræftformer og behandling',
  args.csrf,
)}
${section('cancer-type', data.cancerTypes, () => html``, '', args.csrf)}`;
}

export function referenceFormPage(args: {
  kind: ReferenceKind;
  isNew: boolean;
  values: ContactFormValues;
  errors: Record<string, string>;
  csrf: string;
}): Raw {
  const { kind, values, errors } = args;
  const label = KIND_LABELS[kind].singular.toLowerCase();
  const data = referenceData();
  const action = args.isNew
    ? `/stamdata/${KIND_SLUGS[kind]}/ny`
    : `/stamdata/${KIND_SLUGS[kind]}/${String(values.id ?? '')}`;
  return html`<h1>${args.isNew ? `Tilføj ${label}` : `Ret ${label}`}</h1>
${errorSummary(errors)}
<form method="post" action="${action}" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  ${textField(values, errors, 'id', 'Id', { readonly: !args.isNew, hint: 'Små bogstaver, tal og bindestreger. Kan ikke ændres senere.' })}
  ${textField(values, errors, 'name', 'Navn', { hint: args.isNew ? undefined : 'Et nyt navn gemmer det gamle i historikken.' })}
  ${textField(values, errors, 'nameEn', kind === 'cancer-type' ? 'Navn på engelsk' : 'Navn på engelsk (valgfrit)')}
  ${
    kind === 'hospital'
      ? selectField(
          values,
          errors,
          'region',
          'Region',
          data.regions.map((r) => ({ value: r.id, label: r.name })),
          false,
        )
      : ''
  }
  ${
    kind === 'department'
      ? html`${selectField(
          values,
          errors,
          'hospital',
          'Hospital',
          data.hospitals.map((h) => ({ value: h.id, label: h.name })),
          false,
        )}
  ${checkboxes(
    values,
    errors,
    'cancerTypes',
    'Kræftformer',
    data.cancerTypes.map((c) => ({ value: c.id, label: c.name })),
    '',
  )}
  ${checkboxes(
    values,
    errors,
    'modalities',
    'Behandlingsformer',
    TREATMENT_MODALITY_LIST.items.map((m) => ({ value: m.id, label: m.label.da })),
    '',
  )}
  <div class="form-group"><input class="form-checkbox" type="checkbox" id="udredning" name="udredning" value="ja"${values.udredning === 'ja' ? html` checked` : ''}><label for="udredning">Afdelingen udreder (udredning) for sine kræftformer</label></div>`
      : ''
  }
  <button class="button button-primary" type="submit">Gem</button>
  <a class="button button-secondary" href="/stamdata">Annullér</a>
</form>`;
}

export function referenceImportPage(args: {
  csrf: string;
  text: string;
  result?: { errors: string[]; created: number; updated: number; retired: number; unchanged: number };
}): Raw {
  const r = args.result;
  return html`<h1>Importér stamdata (CSV)</h1>
<p>Samme kolonner som i <a href="/stamdata.csv">eksporten</a>: kind (hospital, department, cancer-type), id, name, nameEn, region, hospital, cancerTypes, modalities, udredning (ja/nej), retiredAt (en dato lader posten udgå; tom genindsætter den). Lister adskilles med |. Poster, der ikke står i filen, røres ikke. Alle rækker kontrolleres først: er én forkert, importeres intet.</p>
${r && r.errors.length > 0 ? html`<div class="alert alert-error" role="alert" id="afviste"><div class="alert-body"><p class="alert-heading">Intet er importeret: ${r.errors.length} fejl i filen</p><ul class="alert-text">${r.errors.map((e) => html`<li>${e}</li>`)}</ul></div></div>` : ''}
${r && r.errors.length === 0 ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-heading">Stamdata importeret</p><p class="alert-text">${r.created} nye, ${r.updated} rettet, ${r.retired} udgået, ${r.unchanged} uændret.</p></div></div>` : ''}
<form method="post" action="/stamdata/import" enctype="application/x-www-form-urlencoded" novalidate>
  <input type="hidden" name="csrf" value="${args.csrf}">
  <div class="form-group"><label class="form-label" for="csv">CSV</label>
  <textarea class="form-input" id="csv" name="csv" rows="14">${args.text}</textarea></div>
  <button class="button button-primary" type="submit">Importér</button>
</form>`;
}
