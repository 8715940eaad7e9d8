/** The streaming CSV reader behind the monitoring ingest: the same records however the file is cut into chunks. */
import { describe, expect, it } from 'vitest';
import { CsvReader, type CsvRecord, CsvSyntaxError } from '../../functions/domain/csv-reader.ts';

function readAll(text: string, chunkSize = text.length || 1, max = 1000): CsvRecord[] {
  const reader = new CsvReader(';', max);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += chunkSize) out.push(...reader.push(text.slice(i, i + chunkSize)));
  out.push(...reader.end());
  return out;
}

const FILE = '\uFEFFa;b;c\r\n1;"x;y";3\r\n\r\n"multi\nline";"say ""hi""";\n4;5;6';

describe('CSV reader', () => {
  it('reads quoted fields (delimiter, doubled quotes, line breaks), CRLF, a BOM and a last line without a break', () => {
    expect(readAll(FILE)).toEqual([
      { cells: ['a', 'b', 'c'], line: 1 },
      { cells: ['1', 'x;y', '3'], line: 2 },
      { cells: ['multi\nline', 'say "hi"', ''], line: 4 },
      { cells: ['4', '5', '6'], line: 6 },
    ]);
  });

  it('gives the same records for any chunk size, down to one character', () => {
    const whole = readAll(FILE);
    for (const size of [1, 2, 3, 5, 7, 13]) expect(readAll(FILE, size), `chunks of ${size}`).toEqual(whole);
  });

  it('names the line of a quote inside a field, text after a closing quote and a quote never closed', () => {
    const failure = (text: string) => {
      try {
        readAll(text, 4);
      } catch (error) {
        return error instanceof CsvSyntaxError ? { line: error.line, reason: error.reason } : error;
      }
      return undefined;
    };
    expect(failure('a;b\n1;x"y\n')).toEqual({ line: 2, reason: 'malformed' });
    expect(failure('a;b\n1;2\n"x"y;3\n')).toEqual({ line: 3, reason: 'malformed' });
    expect(failure('a;b\n1;"never closed\n2;3\n')).toEqual({ line: 2, reason: 'malformed' });
  });

  it('stops a record longer than the limit instead of holding the rest of the file', () => {
    const runaway = `a;b\n1;"${'x'.repeat(5000)}`;
    expect(() => readAll(runaway, 100)).toThrow(CsvSyntaxError);
    expect(() => readAll(`a;b\n${'y'.repeat(5000)}\n`, 100)).toThrow(/too long/);
  });
});
