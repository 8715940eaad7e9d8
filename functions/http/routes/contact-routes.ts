/**
 * The maintained contact lists: phone list (filters as GET parameters, works without
 * JavaScript), edit form, CSV import (page and `POST /api/contacts/import` with a text/csv
 * body), CSV export, and the verification link from the reminder e-mail (GET shows, POST acts).
 */

import { currentTime } from '#adapters/deps.ts';
import { getContact } from '#adapters/store.ts';
import {
  type ContactFilter,
  contactFormSchema,
  mayEditContact,
  mayManageContacts,
} from '#domain/contact-lists.ts';
import type { Contact } from '#domain/reference.ts';
import { localDate } from '#domain/time.ts';
import { contactFormPage, importPage, phoneListPage, verifyPage } from '#web/views/contacts.ts';
import { ForbiddenError } from '../../services/actors.ts';
import {
  confirmVerification,
  exportContactsCsv,
  importContactsCsv,
  phoneList,
  readVerifyLink,
  saveContact,
  verifyMonths,
} from '../../services/contacts.ts';
import { asString, fromForm, parseForm } from '../forms.ts';
import { checkCsrf, requireActor } from '../identity.ts';

import { page } from '../page-context.ts';
import { csvResponse, jsonResponse, redirect } from '../respond.ts';

import { HttpError, type Request, type Route } from '../types.ts';

function filterFrom(req: Request): ContactFilter {
  const pick = (name: string) => req.query.get(name)?.trim() || undefined;
  return { cancerType: pick('kraeftform'), modality: pick('behandling'), region: pick('region') };
}

async function list(req: Request) {
  const actor = requireActor(req);
  const filter = filterFrom(req);
  const contacts = await phoneList(filter);
  if (req.wantsJson) return jsonResponse({ contacts });
  return page(
    req,
    'Telefonliste',
    phoneListPage({
      contacts,
      filter,
      today: localDate(currentTime()),
      months: verifyMonths(),
      mayEdit: (c) => mayEditContact(actor, c),
      mayManage: mayManageContacts(actor),
      links: [
        { href: '/netvaerk', label: 'Nationale netværk' },
        { href: '/eksterne-udbydere', label: 'Eksterne udbydere' },
        ...(['director', 'secretariat', 'admin', 'danske-regioner', 'primary', 'network'].includes(actor.role)
          ? [{ href: '/kvartalsstatus', label: 'Kvartalsstatus' }]
          : []),
        ...(actor.role === 'admin' || actor.role === 'secretariat'
          ? [{ href: '/admin/revisionsspor', label: 'Revisionsspor' }]
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
  };
}

function formInput(form: Record<string, string | string[]>) {
  return fromForm(contactFormSchema, form);
}

async function showEdit(req: Request) {
  const actor = requireActor(req);
  const contact = await getContact(req.params.id ?? '');
  if (!contact) throw new HttpError(404, 'Kontakten findes ikke.');
  if (!mayEditContact(actor, contact))
    throw new ForbiddenError('Du kan kun rette kontakter for din egen afdeling.');
  return page(
    req,
    `Ret ${contact.name}`,
    contactFormPage({
      values: formValues(contact),
      errors: {},
      csrf: req.csrf ?? '',
      action: `/kontakter/${contact.id}/rediger`,
      isNew: false,
      limited: !mayManageContacts(actor),
      verifiedAt: contact.verifiedAt,
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
    'Fejl i kontakten',
    contactFormPage({
      values: form,
      errors: result.errors,
      csrf: req.csrf ?? '',
      action: id ? `/kontakter/${id}/rediger` : '/kontakter/ny',
      isNew: !id,
      limited: !mayManageContacts(actor),
      verifiedAt: existing?.verifiedAt,
    }),
    400,
  );
}

async function showNew(req: Request) {
  const actor = requireActor(req);
  if (!mayManageContacts(actor)) throw new ForbiddenError('Kun Specialenheden kan oprette kontakter.');
  return page(
    req,
    'Opret kontakt',
    contactFormPage({
      values: { maintainer: actor.email },
      errors: {},
      csrf: req.csrf ?? '',
      action: '/kontakter/ny',
      isNew: true,
      limited: false,
    }),
  );
}

async function showImport(req: Request) {
  const actor = requireActor(req);
  if (!mayManageContacts(actor)) throw new ForbiddenError('Kun Specialenheden kan importere kontaktlister.');
  return page(req, 'Importér kontakter', importPage({ csrf: req.csrf ?? '', text: '' }));
}

async function submitImport(req: Request) {
  const actor = requireActor(req);
  const form = parseForm(req.body);
  checkCsrf(req, form.csrf);
  const text = asString(form.csv) ?? '';
  const report = await importContactsCsv(actor, text);
  return page(
    req,
    'Importér kontakter',
    importPage({ csrf: req.csrf ?? '', text: report.errors.length > 0 ? text : '', report }),
    report.errors.length > 0 ? 400 : 200,
  );
}

/** `POST /api/contacts/import` with a `text/csv` body: 200 with the report, or 422 and nothing written. */
async function apiImport(req: Request) {
  const actor = requireActor(req);
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('text/csv')) throw new HttpError(415, 'Send filen som text/csv.');
  const report = await importContactsCsv(actor, req.body);
  return jsonResponse(report, report.errors.length > 0 ? 422 : 200);
}

async function showVerify(req: Request) {
  const link = await readVerifyLink(req.params.token ?? '');
  if (!link) throw new HttpError(404, 'Linket er udløbet eller ugyldigt.');
  return page(
    req,
    'Bekræft kontaktoplysninger',
    verifyPage({ contacts: link.contacts, action: `/kontakter/bekraeft/${req.params.token}` }),
  );
}

async function submitVerify(req: Request) {
  const confirmed = await confirmVerification(req.params.token ?? '');
  if (!confirmed) throw new HttpError(404, 'Linket er udløbet eller ugyldigt.');
  return page(
    req,
    'Kontaktoplysninger bekræftet',
    verifyPage({ contacts: confirmed, action: '', done: true }),
  );
}

export const contactRoutes: Route[] = [
  { method: 'GET', path: '/kontakter', handler: list },
  { method: 'GET', path: '/kontakter.csv', handler: exportCsv },
  { method: 'GET', path: '/kontakter/ny', handler: showNew },
  { method: 'POST', path: '/kontakter/ny', handler: submitEdit },
  { method: 'GET', path: '/kontakter/import', handler: showImport },
  { method: 'POST', path: '/kontakter/import', handler: submitImport },
  { method: 'GET', path: '/kontakter/bekraeft/:token', handler: showVerify },
  { method: 'POST', path: '/kontakter/bekraeft/:token', handler: submitVerify },
  { method: 'GET', path: '/kontakter/:id/rediger', handler: showEdit },
  { method: 'POST', path: '/kontakter/:id/rediger', handler: submitEdit },
  { method: 'POST', path: '/api/contacts/import', handler: apiImport, idempotency: 'optional' },
];
