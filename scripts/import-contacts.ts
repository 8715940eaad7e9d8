/**
 * Loads the real contact lists into a deployed stage's table.
 *
 *   npx tsx scripts/import-contacts.ts --table <TableName output> [--region eu-north-1] [--dry-run] [--prune]
 *     [--contacts-only] [--admin it-drift@regionh.dk] contacts.csv
 *
 * The file is either JSON (an array shaped like data/demo-contacts.json) or CSV with a header row
 * naming the same fields (`;` or `,` separated, as Excel writes it; UTF-8). In CSV, the list fields
 * `cancerTypes` and `modalities` separate their values with `|`, and an empty cell means "all".
 *
 * Every row is validated with the app's own contact schema and checked against the reference data
 * (regions, hospitals, departments, cancer types) before anything is written: one bad row, and
 * nothing is imported. Contacts are written with the store's `putContact` (an upsert by id), so
 * running the import again with a corrected file is safe. Each contact also becomes a user who can
 * sign in with an e-mail link (as the local runtime's demo seed does), unless `--contacts-only`;
 * `--admin <email>` adds an administrator. `--prune` deletes contacts (and their users) that are in
 * the table but no longer in the file. Credentials come from the usual AWS chain (AWS_PROFILE …).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Contact, contactSchema, referenceData } from '../functions/domain/reference.ts';

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

/** CSV rows → plain objects shaped like the JSON format, with `rowLabel` for messages. */
function csvRecords(text: string): { label: string; record: Record<string, unknown> }[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const [header, ...rows] = parseCsv(text, delimiter);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows.map((cells, index) => {
    const record: Record<string, unknown> = {};
    names.forEach((name, column) => {
      const value = (cells[column] ?? '').trim();
      if (LIST_FIELDS.has(name)) {
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
    return { label: `line ${index + 2}`, record };
  });
}

/**
 * Reads and validates a contact file's text.
 * @param format - `json` or `csv`
 */
export function parseContacts(text: string, format: 'json' | 'csv'): ParsedContacts {
  const clean = text.replace(/^\uFEFF/, '');
  const errors: string[] = [];
  const warnings: string[] = [];
  let records: { label: string; record: unknown }[];
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(clean);
    } catch (error) {
      return { contacts: [], errors: [`not valid JSON: ${(error as Error).message}`], warnings };
    }
    if (!Array.isArray(data))
      return { contacts: [], errors: ['the JSON file must hold an array of contacts'], warnings };
    records = data.map((record, index) => ({ label: `item ${index}`, record }));
  } else {
    records = csvRecords(clean);
  }

  const reference = referenceData();
  const hospitals = new Map(reference.hospitals.map((h) => [h.id, h]));
  const departments = new Map(reference.departments.map((d) => [d.id, d]));
  const cancerTypes = new Set(reference.cancerTypes.map((c) => c.id));
  const contacts: Contact[] = [];
  const seen = new Map<string, string>();

  for (const { label, record } of records) {
    const parsed = contactSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(`${label}: ${issue.path.join('.') || '(row)'}: ${issue.message}`);
      continue;
    }
    const c = parsed.data;
    const where = `${label} (${c.id})`;
    if (seen.has(c.id)) errors.push(`${where}: id already used by ${seen.get(c.id)}`);
    seen.set(c.id, label);
    const hospital = c.hospital ? hospitals.get(c.hospital) : undefined;
    if (c.hospital && !hospital) errors.push(`${where}: unknown hospital "${c.hospital}"`);
    if (hospital && c.region && hospital.region !== c.region)
      errors.push(`${where}: hospital "${c.hospital}" is in region "${hospital.region}", not "${c.region}"`);
    const department = c.department ? departments.get(c.department) : undefined;
    if (c.department && !department) errors.push(`${where}: unknown department "${c.department}"`);
    if (department && c.hospital && department.hospital !== c.hospital)
      errors.push(`${where}: department "${c.department}" belongs to hospital "${department.hospital}"`);
    for (const t of c.cancerTypes)
      if (!cancerTypes.has(t)) errors.push(`${where}: unknown cancer type "${t}"`);
    if (c.role === 'department' && !c.department)
      errors.push(`${where}: a department contact needs "department"`);
    if ((c.role === 'primary' || c.role === 'director') && !c.region)
      errors.push(`${where}: a ${c.role} contact needs "region"`);
    contacts.push(c);
  }

  if (records.length === 0) errors.push('the file holds no contacts');
  if (contacts.length > 0 && !contacts.some((c) => c.role === 'secretariat'))
    warnings.push('no contact with role "secretariat": nobody will be told about unreachable recipients');
  const stale = contacts.filter((c) => Date.now() - Date.parse(c.verifiedAt) > 365 * 24 * 3600 * 1000);
  if (stale.length > 0)
    warnings.push(
      `${stale.length} contact(s) last verified more than a year ago: ${stale.map((c) => c.id).join(', ')}`,
    );
  return { contacts, errors, warnings };
}

export interface ImportOptions {
  table: string;
  region?: string;
  /** A local DynamoDB endpoint (tests, the local runtime). */
  endpoint?: string;
  dryRun?: boolean;
  prune?: boolean;
  /** Also upsert a user per contact, so they can sign in. @default true */
  users?: boolean;
  /** Addresses to make administrators. */
  admins?: string[];
  log?: (line: string) => void;
}

/** Validates, then writes the contacts (and with `prune`, deletes the ones no longer listed). */
export async function importContacts(
  contacts: Contact[],
  options: ImportOptions,
): Promise<{ written: number; deleted: number; admins: number }> {
  const log = options.log ?? console.log;
  // The store reads its configuration from the environment once, on first use.
  process.env.TABLE_NAME = options.table;
  if (options.region) process.env.AWS_REGION = options.region;
  if (options.endpoint) process.env.DYNAMODB_ENDPOINT = options.endpoint;
  const store = await import('../functions/adapters/store.ts');
  const existing = await store.listContacts();
  const listed = new Set(contacts.map((c) => c.id));
  const toDelete = options.prune ? existing.filter((c) => !listed.has(c.id)) : [];
  const known = new Set(existing.map((c) => c.id));
  log(
    `${options.table}: ${contacts.filter((c) => !known.has(c.id)).length} new, ${contacts.filter((c) => known.has(c.id)).length} updated` +
      (options.prune
        ? `, ${toDelete.length} deleted`
        : `, ${existing.filter((c) => !listed.has(c.id)).length} not in the file (kept; --prune deletes them)`),
  );
  if (options.dryRun) {
    log('dry run: nothing written');
    return { written: 0, deleted: 0, admins: 0 };
  }
  const auth = await import('../functions/services/auth.ts');
  const withUsers = options.users ?? true;
  for (const contact of contacts) {
    await store.putContact(contact);
    if (withUsers) await auth.putUser(auth.userFromContact(contact));
  }
  if (toDelete.length > 0) {
    const { DeleteCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('../functions/adapters/dynamo.ts');
    const stillListed = new Set(contacts.map((c) => c.email.toLowerCase()));
    for (const c of toDelete) {
      await documentClient().send(
        new DeleteCommand({ TableName: options.table, Key: { PK: 'CONTACTS', SK: c.id } }),
      );
      const user = await auth.getUser(c.email);
      if (withUsers && user && user.role !== 'admin' && !stillListed.has(c.email.toLowerCase())) {
        await store.deleteRecord('USER', c.email.toLowerCase());
      }
    }
  }
  for (const email of options.admins ?? []) {
    await auth.putUser({ email: email.toLowerCase(), name: email, role: 'admin', cancerTypes: [] });
  }
  return { written: contacts.length, deleted: toDelete.length, admins: options.admins?.length ?? 0 };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      table: { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      prune: { type: 'boolean', default: false },
      'contacts-only': { type: 'boolean', default: false },
      admin: { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (values.help || !file || !values.table) {
    console.error(
      'usage: npx tsx scripts/import-contacts.ts --table <TableName> [--region eu-north-1] [--dry-run] [--prune]\n' +
        '         [--contacts-only] [--admin it-drift@regionh.dk] <contacts.json|contacts.csv>\n' +
        'The table name is the TableName output of `npx cdk deploy`.',
    );
    process.exit(values.help ? 0 : 2);
  }
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
  const { contacts, errors, warnings } = parseContacts(readFileSync(file, 'utf8'), format);
  for (const w of warnings) console.warn(`warning: ${w}`);
  if (errors.length > 0) {
    console.error(`${file}: ${errors.length} problem(s), nothing imported:\n  ${errors.join('\n  ')}`);
    process.exit(1);
  }
  const result = await importContacts(contacts, {
    table: values.table,
    region: values.region,
    endpoint: values.endpoint,
    dryRun: values['dry-run'],
    prune: values.prune,
    users: !values['contacts-only'],
    admins: values.admin ?? [],
  });
  if (!values['dry-run'])
    console.log(
      `imported ${result.written} contact(s), deleted ${result.deleted}, administrators ${result.admins}`,
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
