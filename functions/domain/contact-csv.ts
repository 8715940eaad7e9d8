import type { Contact } from './reference.ts';

export interface ParsedContacts {
  contacts: Contact[];
  /** One line per problem, naming the row (CSV line or JSON index) and the field. */
  errors: string[];
  /** Problems that do not stop the import but need a look. */
  warnings: string[];
}

const LIST_FIELDS = new Set(['cancerTypes', 'modalities']);

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF, and the given delimiter. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** Spreadsheets run a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The export's `'` before a formula-like cell, removed so an exported file imports unchanged. */
function unneutralise(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * CSV rows → plain objects shaped like the JSON format, with a label (`line(n)`) for messages.
 * Columns in `listFields` hold `|`-separated lists; empty cells are left out. The delimiter is
 * `;` or `,`, whichever the header line has more of. Shared by every register's CSV import.
 */
export function csvRecords(
  text: string,
  line: (n: number) => string,
  listFields: ReadonlySet<string> = LIST_FIELDS,
): { label: string; record: Record<string, unknown> }[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const [header, ...rows] = parseCsv(text, delimiter);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows.map((cells, index) => {
    const record: Record<string, unknown> = {};
    names.forEach((name, column) => {
      const value = unneutralise(cells[column] ?? '').trim();
      if (listFields.has(name)) {
        record[name] =
          value === ''
            ? []
            : value
                .split('|')
                .map((v) => v.trim())
                .filter(Boolean);
      } else if (value !== '') {
        record[name] = value;
      }
    });
    return { label: line(index + 2), record };
  });
}

/**
 * The language of an import report, and how a schema's Danish validation message is worded in it
 * (the web layer passes its catalogue lookup; the domain knows no catalogue).
 */
export interface ReportLanguage {
  lang: 'da' | 'en';
  word: (message: string) => string;
}

export const DANISH_REPORT: ReportLanguage = { lang: 'da', word: (message) => message };

/** The CSV columns, in the order the export writes them and the import reads them. */
export const CONTACT_CSV_COLUMNS = [
  'id',
  'role',
  'name',
  'title',
  'email',
  'phone',
  'region',
  'hospital',
  'department',
  'cancerTypes',
  'modalities',
  'maintainer',
  'verifiedAt',
  'language',
] as const;

/** Quoted when needed; a formula-like cell gets a leading `'` so a spreadsheet shows it as text. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Contacts → `;`-separated CSV (as Danish Excel opens it), readable again by `parseContacts`. */
export function contactsToCsv(contacts: Contact[]): string {
  const lines = [CONTACT_CSV_COLUMNS.join(';')];
  for (const c of contacts) {
    lines.push(
      CONTACT_CSV_COLUMNS.map((column) => {
        const value = c[column];
        return csvCell(Array.isArray(value) ? value.join('|') : (value ?? ''));
      }).join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
