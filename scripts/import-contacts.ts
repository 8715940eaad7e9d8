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
import type { Contact } from '../functions/domain/reference.ts';
import { parseContacts } from '../functions/domain/schemas/contact-csv.ts';

// The parser lives with the app (the phone list imports the same files); re-exported for callers.
export { type ParsedContacts, parseCsv } from '../functions/domain/contact-csv.ts';
export { parseContacts } from '../functions/domain/schemas/contact-csv.ts';

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
  // Validate against the table's reference data (seeded from data/*.json on first use), not the bundled copy.
  process.env.TABLE_NAME = values.table;
  if (values.region) process.env.AWS_REGION = values.region;
  if (values.endpoint) process.env.DYNAMODB_ENDPOINT = values.endpoint;
  await (await import('../functions/adapters/reference-store.ts')).loadReferenceData();
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
