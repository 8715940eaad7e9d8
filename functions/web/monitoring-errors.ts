/**
 * A monitoring upload's errors in the reader's language. The job that reads the file writes them
 * in Danish, before anyone reads them (functions/domain/monitoring.ts, services/monitoring-*.ts);
 * a reader in English gets each message and column label worded from the catalogue, found by its
 * Danish text like a form's validation messages (web/validation.ts). Texts not listed (a column's
 * own name) stay as written.
 */
import type { RowError } from '#domain/monitoring.ts';
import type { Lang, MessageKey } from './i18n/index.ts';
import { localizeMessage } from './validation.ts';

/** The Danish texts of these keys are the domain's and services' own, word for word (test/unit/error-language.test.ts). */
export const MONITORING_ERROR_KEYS = [
  'error.monitoring.row.unknownColumn',
  'error.monitoring.row.columnTwice',
  'error.monitoring.row.columnMissing',
  'error.monitoring.row.idMissing',
  'error.monitoring.row.idTooLong',
  'error.monitoring.row.unknownRegion',
  'error.monitoring.row.otherRegion',
  'error.monitoring.row.unknownCancerType',
  'error.monitoring.row.unknownKind',
  'error.monitoring.row.receivedMissing',
  'error.monitoring.row.startBeforeReceived',
  'error.monitoring.row.unknownReason',
  'error.monitoring.row.yesNo',
  'error.monitoring.row.standardMissing',
  'error.monitoring.row.standardRange',
  'error.monitoring.row.standardOnlyPackages',
  'error.monitoring.row.badDate',
  'error.monitoring.row.futureDate',
  'error.monitoring.row.fieldCount',
  'error.monitoring.row.tooLarge',
  'error.monitoring.row.malformed',
  'error.monitoring.row.empty',
  'error.monitoring.row.fileTooLarge',
  'error.monitoring.row.noPathways',
  'error.monitoring.column.number',
  'error.monitoring.column.wholeRow',
  'error.monitoring.column.header',
  'error.monitoring.column.file',
  'error.monitoring.fileName',
  'error.monitoring.fileNameLength',
  'error.monitoring.contentType',
] as const satisfies readonly MessageKey[];

export function uploadErrorsIn(errors: readonly RowError[], lang: Lang): RowError[] {
  return errors.map((e) => ({
    ...e,
    column: localizeMessage(e.column, lang),
    message: localizeMessage(e.message, lang),
  }));
}
