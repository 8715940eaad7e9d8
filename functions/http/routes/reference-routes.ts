/** Reference data: the public list of valid ids, and the secretariat's /stamdata pages. */
import { currentTime } from '#adapters/deps.ts';
import { allReferenceData, referenceCatalogue } from '#domain/reference.ts';
import { LIST_OF, type ReferenceEntry, type ReferenceKind } from '#domain/reference-edit.ts';
import { entrySchemas } from '#domain/schemas/reference-edit.ts';
import { localDate } from '#domain/time.ts';
import { translator } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { notice } from '#web/layout.ts';
import { localizeErrors, reportLanguage } from '#web/validation.ts';
import {
  KIND_SLUGS,
  referenceFormPage,
  referenceImportPage,
  referenceListPage,
} from '#web/views/reference-pages.ts';
import { asPerson } from '../../services/actors.ts';
import {
  exportReferenceCsv,
  importReferenceCsv,
  mayMaintainReference,
  retireReferenceEntry,
  saveReferenceEntry,
} from '../../services/reference-data.ts';
import { asString, fromForm, parseForm, toForm } from '../forms.ts';
import { checkCsrf, requireActor } from '../identity.ts';
import { page } from '../page-context.ts';
import { csvResponse, jsonResponse, redirect } from '../respond.ts';
import { HttpError, type Request, type RouteHandlers } from '../types.ts';

/** Public and read-only: integrators discover the valid ids here (in the OpenAPI too). */
async function catalogue() {
  return jsonResponse(referenceCatalogue(), 200, { headers: { 'cache-control': 'public, max-age=60' } });
}

function maintainer(req: Request) {
  const actor = requireActor(req);
  if (!mayMaintainReference(actor.role)) throw new HttpError(403, phrase('error.reference.manageOnly'));
  return actor;
}

function kindOf(req: Request): ReferenceKind {
  const kind = (Object.keys(KIND_SLUGS) as ReferenceKind[]).find((k) => KIND_SLUGS[k] === req.params.kind);
  if (!kind) throw new HttpError(404, phrase('error.request.pageNotFound'));
  return kind;
}

function findEntry(kind: ReferenceKind, id: string): ReferenceEntry {
  const entry = (allReferenceData()[LIST_OF[kind]] as ReferenceEntry[]).find((e) => e.id === id);
  if (!entry) throw new HttpError(404, phrase('error.reference.entryNotFound'));
  return entry;
}

async function list(req: Request) {
  maintainer(req);
  const saved = req.query.get('gemt');
  const tr = translator(req.lang);
  const flash = saved ? notice('success', tr('reference.saved', { name: saved })) : undefined;
  return page(req, tr('reference.title'), referenceListPage({ csrf: req.csrf ?? '', flash, lang: req.lang }));
}

async function showForm(req: Request) {
  maintainer(req);
  const kind = kindOf(req);
  const isNew = req.params.id === undefined;
  const values = isNew ? {} : toForm(entrySchemas[kind], findEntry(kind, req.params.id ?? ''));
  return page(
    req,
    translator(req.lang)('reference.title'),
    referenceFormPage({ kind, isNew, values, errors: {}, csrf: req.csrf ?? '', lang: req.lang }),
  );
}

async function submitForm(req: Request) {
  const actor = maintainer(req);
  const kind = kindOf(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const isNew = req.params.id === undefined;
  const input = fromForm(entrySchemas[kind], form);
  const result = await saveReferenceEntry(kind, input, asPerson(actor), isNew, req.params.id);
  if (!result.ok)
    return page(
      req,
      translator(req.lang)('reference.title'),
      referenceFormPage({
        kind,
        isNew,
        values: form,
        errors: localizeErrors(result.errors, req.lang),
        csrf: req.csrf ?? '',
        lang: req.lang,
      }),
      400,
    );
  return redirect(`/stamdata?gemt=${encodeURIComponent(result.entry.name)}#${KIND_SLUGS[kind]}`);
}

async function retire(req: Request) {
  const actor = maintainer(req);
  const kind = kindOf(req);
  checkCsrf(req, parseForm(req.body).csrf);
  const refused = await retireReferenceEntry(kind, req.params.id ?? '', asPerson(actor));
  if (refused) {
    const tr = translator(req.lang);
    const flash = notice('error', tr('reference.cannotRetire'), refused);
    return page(
      req,
      tr('reference.title'),
      referenceListPage({ csrf: req.csrf ?? '', flash, lang: req.lang }),
      409,
    );
  }
  return redirect(`/stamdata#${KIND_SLUGS[kind]}`);
}

async function exportCsv(req: Request) {
  maintainer(req);
  return csvResponse(`stamdata-${localDate(currentTime())}.csv`, await exportReferenceCsv());
}

async function showImport(req: Request) {
  maintainer(req);
  return page(
    req,
    translator(req.lang)('reference.import.title'),
    referenceImportPage({ csrf: req.csrf ?? '', text: '', lang: req.lang }),
  );
}

async function submitImport(req: Request) {
  const actor = maintainer(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const text = asString(form.csv) ?? '';
  const result = await importReferenceCsv(text, asPerson(actor), reportLanguage(req.lang));
  return page(
    req,
    translator(req.lang)('reference.import.title'),
    referenceImportPage({
      csrf: req.csrf ?? '',
      text: result.errors.length > 0 ? text : '',
      result,
      lang: req.lang,
    }),
    result.errors.length > 0 ? 422 : 200,
  );
}

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const referenceHandlers = {
  catalogue,
  list,
  exportCsv,
  showImport,
  submitImport,
  showForm,
  submitForm,
  retire,
} satisfies RouteHandlers;
