/**
 * The register of external providers: list (page and `GET /api/external-providers`), the
 * secretariat's edit form and CSV import (page and `POST /api/external-providers/import` with a
 * text/csv body), CSV export, the printable referral checklist and its templates.
 */
import { currentTime } from '#adapters/deps.ts';
import { getExternalProvider } from '#adapters/store.ts';
import { mayManageContacts } from '#domain/contact-lists.ts';
import { type ExternalProvider, PROVIDER_KIND_LIST } from '#domain/external-providers.ts';
import { localDate } from '#domain/time.ts';
import { t } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { localizeErrors, reportLanguage } from '#web/validation.ts';
import {
  checklistPage,
  checklistTemplatePage,
  type ProviderFormValues,
  providerFormPage,
  providerImportPage,
  providerListPage,
  providerVerifyPage,
} from '#web/views/external-providers.ts';
import { ForbiddenError } from '../../services/actors.ts';
import { verifyMonths } from '../../services/contacts.ts';
import {
  importExternalProvidersCsv,
  saveChecklistTemplate,
  saveExternalProvider,
} from '../../services/external-provider-edits.ts';
import {
  checklistTemplate,
  exportExternalProvidersCsv,
  externalProviders,
} from '../../services/external-providers.ts';
import { confirmProviderVerification, readProviderVerifyLink } from '../../services/provider-verification.ts';
import { csvImportApi, postedCsv } from '../csv-import.ts';
import { asArray, asString, parseForm, parseJson } from '../forms.ts';
import { checkCsrf, requireActor } from '../identity.ts';
import { page } from '../page-context.ts';
import { csvResponse, jsonResponse, redirect } from '../respond.ts';
import { HttpError, type Request, type RouteHandler, type RouteHandlers } from '../types.ts';

function today(): string {
  return localDate(currentTime());
}

async function list(req: Request) {
  const actor = requireActor(req);
  const providers = await externalProviders();
  if (req.wantsJson) return jsonResponse({ providers });
  return page(
    req,
    t(req.lang, 'external.title'),
    providerListPage({
      providers,
      today: today(),
      months: verifyMonths(),
      mayManage: mayManageContacts(actor),
      saved: req.query.get('gemt') ?? undefined,
      lang: req.lang,
    }),
  );
}

async function exportCsv(req: Request) {
  requireActor(req);
  return csvResponse(`eksterne-udbydere-${today()}.csv`, await exportExternalProvidersCsv());
}

function formValues(p: ExternalProvider): ProviderFormValues {
  return { ...p, typicalDays: String(p.typicalDays) };
}

/** The form's fields as the schema's input: checkbox groups as arrays, even when none is ticked. */
function formInput(form: Record<string, string | string[]>) {
  return {
    ...Object.fromEntries(Object.entries(form).map(([k, v]) => [k, asString(v) ?? ''])),
    cancerTypes: asArray(form.cancerTypes),
    pathwayTypes: asArray(form.pathwayTypes),
    modalities: asArray(form.modalities),
  };
}

async function showNew(req: Request) {
  const actor = requireActor(req);
  if (!mayManageContacts(actor)) throw new ForbiddenError(phrase('external.manageOnly'));
  return page(
    req,
    t(req.lang, 'external.form.new'),
    providerFormPage({
      values: { validFrom: today() },
      errors: {},
      csrf: req.csrf ?? '',
      action: '/eksterne-udbydere/ny',
      isNew: true,
      lang: req.lang,
    }),
  );
}

async function showEdit(req: Request) {
  const actor = requireActor(req);
  if (!mayManageContacts(actor)) throw new ForbiddenError(phrase('external.manageOnly'));
  const provider = await getExternalProvider(req.params.id ?? '');
  if (!provider) throw new HttpError(404, phrase('external.notFound'));
  return page(
    req,
    t(req.lang, 'external.form.editTitle', { name: provider.name }),
    providerFormPage({
      values: formValues(provider),
      errors: {},
      csrf: req.csrf ?? '',
      action: `/eksterne-udbydere/${provider.id}/rediger`,
      isNew: false,
      lang: req.lang,
    }),
  );
}

async function submitEdit(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const id = req.params.id;
  const result = await saveExternalProvider(actor, formInput(form), id);
  if (result.ok) return redirect(`/eksterne-udbydere?gemt=${encodeURIComponent(result.provider.id)}`);
  return page(
    req,
    t(req.lang, 'external.form.errorTitle'),
    providerFormPage({
      values: form,
      errors: localizeErrors(result.errors, req.lang),
      csrf: req.csrf ?? '',
      action: id ? `/eksterne-udbydere/${id}/rediger` : '/eksterne-udbydere/ny',
      isNew: !id,
      lang: req.lang,
    }),
    400,
  );
}

async function showImport(req: Request) {
  const actor = requireActor(req);
  if (!mayManageContacts(actor)) throw new ForbiddenError(phrase('external.manageOnly'));
  return page(
    req,
    t(req.lang, 'external.import.pageTitle'),
    providerImportPage({ csrf: req.csrf ?? '', text: '', lang: req.lang }),
  );
}

async function submitImport(req: Request) {
  const actor = requireActor(req);
  const text = postedCsv(req);
  const report = await importExternalProvidersCsv(actor, text, reportLanguage(req.lang));
  return page(
    req,
    t(req.lang, 'external.import.pageTitle'),
    providerImportPage({
      csrf: req.csrf ?? '',
      text: report.errors.length > 0 ? text : '',
      report,
      lang: req.lang,
    }),
    report.errors.length > 0 ? 400 : 200,
  );
}

/** `PUT /api/external-providers/{id}` (JSON): creates or updates one provider. */
async function apiPut(req: Request) {
  const actor = requireActor(req);
  const body = parseJson(req.body);
  const id = req.params.id ?? '';
  const exists = (await getExternalProvider(id)) !== undefined;
  const result = await saveExternalProvider(
    actor,
    { ...(typeof body === 'object' && body ? body : {}), id },
    exists ? id : undefined,
  );
  if (!result.ok) throw new HttpError(400, phrase('error.request.invalidData'), result.errors);
  return jsonResponse({ provider: result.provider }, exists ? 200 : 201);
}

async function showChecklist(req: Request) {
  requireActor(req);
  const provider = await getExternalProvider(req.params.id ?? '');
  if (!provider) throw new HttpError(404, phrase('external.notFound'));
  const template = await checklistTemplate(provider.kind, req.lang);
  return page(
    req,
    t(req.lang, 'external.checklist.title', { name: provider.name }),
    checklistPage({ provider, template, today: today(), lang: req.lang }),
  );
}

function kindParam(req: Request) {
  const kind = req.params.kind ?? '';
  if (!PROVIDER_KIND_LIST.has(kind)) throw new HttpError(404, phrase('external.noChecklist'));
  return kind;
}

async function showTemplate(req: Request) {
  const actor = requireActor(req);
  const kind = kindParam(req);
  return page(
    req,
    t(req.lang, 'external.checklist'),
    checklistTemplatePage({
      kind,
      template: await checklistTemplate(kind, req.lang),
      errors: {},
      csrf: req.csrf ?? '',
      mayManage: mayManageContacts(actor),
      saved: req.query.has('gemt'),
      lang: req.lang,
    }),
  );
}

async function submitTemplate(req: Request) {
  const actor = requireActor(req);
  const kind = kindParam(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const values = Object.keys(form)
    .filter((k) => /^section\d$/.test(k))
    .sort()
    .map((k) => asString(form[k]) ?? '');
  const result = await saveChecklistTemplate(actor, kind, values);
  if (result.ok) return redirect(`/eksterne-udbydere/tjeklister/${kind}?gemt=1`);
  return page(
    req,
    t(req.lang, 'external.template.errorTitle'),
    checklistTemplatePage({
      kind,
      template: await checklistTemplate(kind, req.lang),
      values,
      errors: localizeErrors(result.errors, req.lang),
      csrf: req.csrf ?? '',
      mayManage: true,
      lang: req.lang,
    }),
    400,
  );
}

/** The reminder e-mail's link: GET shows the providers it confirms, POST confirms them (no sign-in, as the contacts' link). */
async function showVerify(req: Request) {
  const link = await readProviderVerifyLink(req.params.token ?? '');
  if (!link) throw new HttpError(404, phrase('error.request.linkInvalid'));
  return page(
    req,
    t(req.lang, 'external.verify.title'),
    providerVerifyPage({
      providers: link.providers,
      action: `/eksterne-udbydere/bekraeft/${req.params.token}`,
      lang: req.lang,
    }),
  );
}

async function submitVerify(req: Request) {
  const confirmed = await confirmProviderVerification(req.params.token ?? '');
  if (!confirmed) throw new HttpError(404, phrase('error.request.linkInvalid'));
  return page(
    req,
    t(req.lang, 'external.verify.doneShort'),
    providerVerifyPage({ providers: confirmed, action: '', done: true, lang: req.lang }),
  );
}

const importApi: RouteHandler = csvImportApi(importExternalProvidersCsv);

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const externalProviderHandlers = {
  list,
  exportCsv,
  showNew,
  submitEdit,
  showImport,
  submitImport,
  showVerify,
  submitVerify,
  showTemplate,
  submitTemplate,
  showEdit,
  showChecklist,
  apiPut,
  importApi,
} satisfies RouteHandlers;
