/**
 * Reads a pathway extract as a stream: the CSV reader (functions/domain/csv-reader.ts) yields
 * whole records chunk by chunk, each is validated and classified (functions/domain/monitoring.ts)
 * and only the tallies grow. Memory stays flat
 * whatever the file's size. Whole or nothing: after the first invalid row nothing more is
 * tallied, but validation goes on to collect up to 50 errors so a region can fix its file in one go.
 */
import type { Readable } from 'node:stream';
import { CsvReader, type CsvRecord, CsvSyntaxError } from '#domain/csv-reader.ts';
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

/** A runaway quote must not swallow the file into one field. */
const MAX_RECORD_CHARS = 64 * 1024;
const LIMIT_MESSAGE = 'Filen er for stor eller ikke en CSV-fil med semikolon som skilletegn.';

export async function parseExtract(input: Readable, ctx: Omit<ReadContext, 'line'>): Promise<ParsedExtract> {
  const tallies = new ExtractTallies();
  const errors: RowError[] = [];
  let moreErrors = false;
  const report = (e: RowError) => {
    if (errors.length < MAX_ERRORS) errors.push(e);
    else moreErrors = true;
  };
  const reader = new CsvReader(';', MAX_RECORD_CHARS);
  const decoder = new TextDecoder();
  let header: string[] | undefined;
  let index = {} as ColumnIndex;
  const context: ReadContext = { ...ctx, line: 1 };
  /** One record; false once reading can stop (a bad header, or more errors than are listed). */
  const take = ({ cells, line }: CsvRecord): boolean => {
    if (!header) {
      header = cells.map(headerName);
      for (const e of checkHeader(header)) report(e);
      index = columnIndex(header);
      return errors.length === 0;
    }
    if (cells.length !== header.length) {
      report({
        line,
        column: `kolonne ${Math.min(cells.length, header.length) + 1}`,
        message: `Rækken har ${cells.length} felter, men overskriften har ${header.length}.`,
      });
      return !moreErrors;
    }
    context.line = line;
    const row = readCells(cells, header, index, context);
    if (Array.isArray(row)) for (const e of row) report(e);
    else if (errors.length === 0) tallies.add(row);
    return !moreErrors;
  };
  try {
    let going = true;
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      going = reader
        .push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }))
        .every(take);
      if (!going) break;
    }
    if (going && reader.push(decoder.decode()).every(take)) reader.end().every(take);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    report({
      line: error.line,
      column: 'hele rækken',
      message:
        error.reason === 'too-long'
          ? LIMIT_MESSAGE
          : 'Rækken kan ikke læses som CSV (fx et citationstegn, der ikke lukkes).',
    });
  } finally {
    input.destroy();
  }
  if (!header && errors.length === 0) report({ line: 1, column: 'overskrift', message: 'Filen er tom.' });
  return { tallies, errors, moreErrors };
}
