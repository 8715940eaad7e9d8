/**
 * Reads a pathway extract as a stream: csv-parse yields one record at a time, each is validated
 * and classified (functions/domain/monitoring.ts) and only the tallies grow. Memory stays flat
 * whatever the file's size. Whole or nothing: after the first invalid row nothing more is
 * tallied, but validation goes on to collect up to 50 errors so a region can fix its file in one go.
 */
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import {
  type ColumnIndex,
  checkHeader,
  columnIndex,
  ExtractTallies,
  headerName,
  MAX_ERRORS,
  type ReadContext,
  type RowError,
  readCells,
} from '#domain/monitoring.ts';

export interface ParsedExtract {
  tallies: ExtractTallies;
  errors: RowError[];
  /** True when more errors were found than are listed. */
  moreErrors: boolean;
}

const LIMIT_MESSAGE = 'Filen er for stor eller ikke en CSV-fil med semikolon som skilletegn.';

export async function parseExtract(input: Readable, ctx: Omit<ReadContext, 'line'>): Promise<ParsedExtract> {
  const tallies = new ExtractTallies();
  const errors: RowError[] = [];
  let moreErrors = false;
  const report = (e: RowError) => {
    if (errors.length < MAX_ERRORS) errors.push(e);
    else moreErrors = true;
  };
  const parser = parse({
    delimiter: ';',
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    // A runaway quote must not swallow the file into one field.
    max_record_size: 64 * 1024,
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let header: string[] | undefined;
  let index = {} as ColumnIndex;
  const context: ReadContext = { ...ctx, line: 1 };
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const line = info.lines;
      if (!header) {
        header = record.map(headerName);
        for (const e of checkHeader(header)) report(e);
        if (errors.length > 0) break;
        index = columnIndex(header);
        continue;
      }
      if (record.length !== header.length) {
        report({
          line,
          column: `kolonne ${Math.min(record.length, header.length) + 1}`,
          message: `Rækken har ${record.length} felter, men overskriften har ${header.length}.`,
        });
        continue;
      }
      context.line = line;
      const row = readCells(record, header, index, context);
      if (Array.isArray(row)) for (const e of row) report(e);
      else if (errors.length === 0) tallies.add(row);
      if (moreErrors) break;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    report({
      line: (error as CsvError & { lines?: number }).lines ?? 0,
      column: 'hele rækken',
      message:
        error.code === 'CSV_MAX_RECORD_SIZE'
          ? LIMIT_MESSAGE
          : 'Rækken kan ikke læses som CSV (fx et citationstegn, der ikke lukkes).',
    });
  } finally {
    input.unpipe(parser);
    input.destroy();
  }
  if (!header && errors.length === 0) report({ line: 1, column: 'overskrift', message: 'Filen er tom.' });
  return { tallies, errors, moreErrors };
}
