/**
 * The maintained contact lists: phone list (filters as GET parameters, works without
 * JavaScript), edit form, CSV import (page and `POST /api/contacts/import` with a text/csv
 * body), CSV export, and the verification link from the reminder e-mail (GET shows, POST acts).
 */

import { currentTime } from '#adapters/deps.ts';
import { getContact } from '#adapters/store.ts';
import { type ContactFilter, mayEditContact, mayManageContacts } from '#domain/contact-lists.ts';
import type { Contact } from '#domain/reference.ts';
import { contactFormSchema } from '#domain/schemas/contact-lists.ts';
import { localDate } from '#domain/time.ts';
import { translator } from '#web/i18n/index.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { localizeErrors, reportLanguage } from '#web/validation.ts';
import { contactFormPage, importPage, phoneListPage, verifyPage } from '#web/views/contacts.ts';
import { ForbiddenError } from '../../services/actors.ts';
import { importContactsCsv, saveContact } from '../../services/contact-edits.ts';
import {
  confirmVerification,
  exportContactsCsv,
  phoneList,
  readVerifyLink,
  verifyMonths,
} from '../../services/contacts.ts';
import { csvImportApi, postedCsv } from '../csv-import.ts';
import { fromForm, parseForm } from '../forms.ts';
import { checkCsrf, requireActor } from '../identity.ts';

import { page } from '../page-context.ts';
import { csvResponse, jsonResponse, redirect } from '../respond.ts';

import { HttpError, type Request, type RouteHandler, type RouteHandlers } from '../types.ts';

function filterFrom(req: Request): ContactFilter {
  const pick = (name: string) => req.query.get(name)?.trim() || undefined;
  return { cancerType: pick('kraeftform'), modality: pick('behandling'), region: pick('region') };
}

async function list(req: Request) {
  const actor = requireActor(req);
  const filter = filterFrom(req);
  const contacts = await phoneList(filter);
  if (req.wantsJson) return jsonResponse({ contacts });
  const tr = translator(req.lang);
  // After "Gem kontakt" the form redirects here with ?gemt=<id>: confirm what was saved.
  const savedId = req.query.get('gemt');
  const saved = savedId ? await getContact(savedId) : undefined;
  return page(
    req,
    tr('contacts.title'),
    phoneListPage({
      contacts,
      filter,
      today: localDate(currentTime()),
      months: verifyMonths(),
      mayEdit: (c) => mayEditContact(actor, c),
      mayManage: mayManageContacts(actor),
      saved,
      lang: req.lang,
      links: [
        { href: '/netvaerk', label: tr('contacts.link.networks') },
        { href: '/eksterne-udbydere', label: tr('contacts.link.external') },
        ...(['director', 'secretariat', 'admin', 'danske-regioner', 'primary', 'network'].includes(actor.role)
          ? [{ href: '/kvartalsstatus', label: tr('contacts.link.quarterly') }]
          : []),
        ...(actor.role === 'admin' || actor.role === 'secretariat'
          ? [{ href: '/admin/revisionsspor', label: tr('contacts.link.audit') }]
          : []),
      ],
    }),
  );
}

async function exportCsv(req: Request) {
  requireActor(req);
  return csvResponse(`kontakter-${localDate(currentTime())}.csv`, await exportContactsCsv());
}

function formValues(c: Contact): Record<string, string | string[]> {
  return {
    id: c.id,
    role: c.role,
    name: c.name,
    title: c.title,
    email: c.email,
    phone: c.phone,
    region: c.region ?? '',
    hospital: c.hospital ?? '',
    department: c.department ?? '',
    cancerTypes: c.cancerTypes,
    modalities: c.modalities,
    maintainer: c.maintainer,
    language: c.language ?? 'da',
  };
}

function formInput(form: Record<string, string | string[]>) {
  return fromForm(contactFormSchema, form);
}

async function showEdit(req: Request) {
  const actor = requireActor(req);
  const contact = await getContact(req.params.id ?? '');
  if (!contact) throw new HttpError(404, phrase('error.contact.notFound'));
  if (!mayEditContact(actor, contact)) throw new ForbiddenError(phrase('error.contact.ownDepartmentOnly'));
  return page(
    req,
    translator(req.lang)('contacts.form.editTitle', { name: contact.name }),
    contactFormPage({
      values: formValues(contact),
      errors: {},
      csrf: req.csrf ?? '',
      action: `/kontakter/${contact.id}/rediger`,
      isNew: false,
      limited: !mayManageContacts(actor),
      verifiedAt: contact.verifiedAt,
      lang: req.lang,
    }),
  );
}

async function submitEdit(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const id = req.params.id;
  const result = await saveContact(actor, formInput(form), id);
  if (result.ok) return redirect(`/kontakter?gemt=${encodeURIComponent(result.contact.id)}`);
  const existing = id ? await getContact(id) : undefined;
  return page(
    req,
    translator(req.lang)('contacts.form.errorTitle'),
    contactFormPage({
      values: form,
      errors: localizeErrors(result.errors, req.lang),
      csrf: req.csrf ?? '',
      action: id ? `/kontakter/${id}/rediger` : '/kontakter/ny',
      isNew: !id,
      limited: !mayManageContacts(actor),
      verifiedAt: existing?.verifiedAt,
      lang: req.lang,
    }),
    400,
  );
}

async function showNew(req: Request) {
  const actor = requireActor(req);
  if (!mayManageContacts(actor)) throw new ForbiddenError(phrase('error.contact.createSecretariatOnly'));
  return page(
    req,
    translator(req.lang)('contacts.new'),
    contactFormPage({
      values: { maintainer: actor.email, language: 'da' },
      errors: {},
      csrf: req.csrf ?? '',
      action: '/kontakter/ny',
      isNew: true,
      limited: false,
      lang: req.lang,
    }),
  );
}

async function showImport(req: Request) {
  const actor = requireActor(req);
  if (!mayManageContacts(actor)) throw new ForbiddenError(phrase('error.contact.importSecretariatOnly'));
  return page(
    req,
    translator(req.lang)('contacts.import.pageTitle'),
    importPage({ csrf: req.csrf ?? '', text: '', lang: req.lang }),
  );
}

async function submitImport(req: Request) {
  const actor = requireActor(req);
  const text = postedCsv(req);
  const report = await importContactsCsv(actor, text, reportLanguage(req.lang));
  return page(
    req,
    translator(req.lang)('contacts.import.pageTitle'),
    importPage({ csrf: req.csrf ?? '', text: report.errors.length > 0 ? text : '', report, lang: req.lang }),
    report.errors.length > 0 ? 400 : 200,
  );
}

async function showVerify(req: Request) {
  const link = await readVerifyLink(req.params.token ?? '');
  if (!link) throw new HttpError(404, phrase('error.request.linkInvalid'));
  return page(
    req,
    translator(req.lang)('contacts.verify.title'),
    verifyPage({
      contacts: link.contacts,
      action: `/kontakter/bekraeft/${req.params.token}`,
      lang: req.lang,
    }),
  );
}

async function submitVerify(req: Request) {
  const confirmed = await confirmVerification(req.params.token ?? '');
  if (!confirmed) throw new HttpError(404, phrase('error.request.linkInvalid'));
  return page(
    req,
    translator(req.lang)('contacts.verify.doneShort'),
    verifyPage({ contacts: confirmed, action: '', done: true, lang: req.lang }),
  );
}

const importApi: RouteHandler = csvImportApi(importContactsCsv);

/** The group's handlers by name; their methods and paths are in routes/table.ts. */
export const contactHandlers = {
  list,
  exportCsv,
  showNew,
  submitEdit,
  showImport,
  submitImport,
  showVerify,
  submitVerify,
  showEdit,
  importApi,
} satisfies RouteHandlers;
