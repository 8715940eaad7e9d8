/**
 * An incremental, strict CSV reader for files too large to hold (the monitoring extracts, ~300 000
 * rows): text goes in chunk by chunk, whole records come out with the physical line they start on.
 * A line without a quote is split as it is (most rows); a line with one is read character by
 * character, so quoted fields may hold the delimiter, doubled quotes and line breaks (RFC 4180).
 * csv-parse did this byte by byte at a third of the speed (docs/decisions/0016-monitoring.md).
 *
 * Strict where a lenient reader would guess: a quote inside an unquoted field, text after a
 * closing quote, a quote never closed, or a record longer than `maxRecordChars` (a runaway quote
 * must not swallow the file) is a `CsvSyntaxError` naming its line. Empty lines are skipped.
 */

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'malformed' | 'too-long',
  ) {
    super(reason === 'too-long' ? `Record too long at line ${line}` : `Malformed CSV at line ${line}`);
  }
}

export interface CsvRecord {
  cells: string[];
  /** Physical line the record starts on (1 = the first line). */
  line: number;
}

const QUOTE = '"';

export class CsvReader {
  private rest = '';
  private line = 1;
  private started = false;

  constructor(
    private readonly delimiter: string,
    private readonly maxRecordChars: number,
  ) {}

  /** The records completed by this chunk; an incomplete last record waits for the next chunk. */
  push(chunk: string): CsvRecord[] {
    let text = this.rest + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: CsvRecord[] = [];
    const pos = this.read(text, out, false);
    this.rest = text.slice(pos);
    if (this.rest.length > this.maxRecordChars) throw new CsvSyntaxError(this.line, 'too-long');
    return out;
  }

  /** The last record (a file need not end with a line break). */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    this.read(this.rest, out, true);
    this.rest = '';
    return out;
  }

  /** Reads whole records from `text`; returns where the unread rest begins. */
  private read(text: string, out: CsvRecord[], final: boolean): number {
    let pos = 0;
    while (pos < text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) return pos;
        nl = text.length;
      }
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end - pos > this.maxRecordChars) throw new CsvSyntaxError(this.line, 'too-long');
      const plain = text.slice(pos, end);
      if (!plain.includes(QUOTE)) {
        if (plain !== '') out.push({ cells: plain.split(this.delimiter), line: this.line });
        this.line++;
        pos = nl + 1;
        continue;
      }
      const quoted = this.readQuoted(text, pos, final);
      if (!quoted) return pos;
      out.push({ cells: quoted.cells, line: this.line });
      this.line += quoted.lines;
      pos = quoted.next;
    }
    return pos;
  }

  /** A line break at `i`: LF, or CRLF (a chunk may end between the two). */
  private atLineEnd(text: string, i: number, final: boolean): boolean {
    if (text[i] === '\n') return true;
    if (text[i] !== '\r') return false;
    return text[i + 1] === '\n' || (i + 1 >= text.length && !final);
  }

  /**
   * One record with quotes, from `start`: its cells, the physical lines it spans and where the
   * next record begins; undefined when the text ends inside it (more text may complete it).
   */
  private readQuoted(
    text: string,
    start: number,
    final: boolean,
  ): { cells: string[]; lines: number; next: number } | undefined {
    const cells: string[] = [];
    let field = '';
    let lines = 1;
    let i = start;
    for (;;) {
      if (i - start > this.maxRecordChars) throw new CsvSyntaxError(this.line, 'too-long');
      if (text[i] === QUOTE) {
        // Quoted field: up to the closing quote, "" being one quote.
        i++;
        for (;;) {
          const q = text.indexOf(QUOTE, i);
          if (q === -1 || q + 1 >= text.length) {
            if (!final) return undefined;
            if (q === -1) throw new CsvSyntaxError(this.line, 'malformed');
          }
          const part = text.slice(i, q);
          for (let k = part.indexOf('\n'); k !== -1; k = part.indexOf('\n', k + 1)) lines++;
          field += part;
          if (text[q + 1] === QUOTE) {
            field += QUOTE;
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        if (i < text.length && text[i] !== this.delimiter && !this.atLineEnd(text, i, final))
          throw new CsvSyntaxError(this.line, 'malformed');
      } else {
        // Unquoted field: up to the delimiter or the line's end; a quote inside is an error.
        let j = i;
        while (j < text.length && text[j] !== this.delimiter && text[j] !== '\n') {
          if (text[j] === QUOTE) throw new CsvSyntaxError(this.line, 'malformed');
          j++;
        }
        if (j >= text.length && !final) return undefined;
        field = text.slice(i, text[j] === '\n' && text[j - 1] === '\r' ? j - 1 : j);
        i = j;
      }
      cells.push(field);
      field = '';
      if (text[i] === this.delimiter) {
        i++;
        continue;
      }
      // End of the record: CRLF, LF or the end of the file.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      else if (i < text.length || !final) return undefined;
      return { cells, lines, next: i };
    }
  }
}
