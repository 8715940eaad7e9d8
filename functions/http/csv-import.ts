/**
 * The CSV import routes the contact lists and the external-provider register share: the import
 * page's posted text, and the API route taking a `text/csv` body. Each register keeps its own
 * importer (validation, all or nothing, audit trail) and its own pages.
 */
import type { ReportLanguage } from '#domain/contact-csv.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { reportLanguage } from '#web/validation.ts';
import type { Actor } from '../services/actors.ts';
import { asString, parseFormBody } from './forms.ts';
import { checkCsrf, requireActor } from './identity.ts';
import { jsonResponse } from './respond.ts';
import { HttpError, type Request, type RouteHandler } from './types.ts';

/** The CSV an import page posted (CSRF checked): a chosen file (multipart) wins over pasted text. */
export function postedCsv(req: Request): string {
  // A chosen file comes as multipart/form-data; pasted text alone may come url-encoded.
  const form = parseFormBody(req.body, req.headers['content-type']);
  checkCsrf(req, form.csrf);
  const file = asString(form.fil)?.replace(/^\uFEFF/, '');
  return file?.trim() ? file : (asString(form.csv) ?? '');
}

/** `POST /api/…/import` with a `text/csv` body: 200 with the importer's report, or 422 and nothing written. */
export function csvImportApi(
  importer: (actor: Actor, text: string, language: ReportLanguage) => Promise<{ errors: string[] }>,
): RouteHandler {
  return async (req: Request) => {
    const actor = requireActor(req);
    if (!(req.headers['content-type'] ?? '').startsWith('text/csv'))
      throw new HttpError(415, phrase('error.request.csvOnly'));
    const report = await importer(actor, req.body, reportLanguage(req.lang));
    return jsonResponse(report, report.errors.length > 0 ? 422 : 200);
  };
}
