/**
 * Loading the real contact lists (scripts/import-contacts.ts) into a table shaped like the
 * deployed one, served by dynalite.
 */
import { readFileSync } from 'node:fs';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../lib/paths.ts';
import { ensureTable, type LocalDynamo, startDynalite } from '../../local/dynamo.ts';
import { importContacts, parseContacts, parseCsv } from '../../scripts/import-contacts.ts';
import { synth, TEST_CONTEXT, theOne } from './helpers.ts';

const HEADER =
  'id;role;name;title;email;phone;region;hospital;department;cancerTypes;modalities;maintainer;verifiedAt';
const today = new Date().toISOString().slice(0, 10);
const row = (id: string, extra: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    id,
    role: 'secretariat',
    name: 'Søren Ærø',
    title: 'Specialkonsulent',
    email: `${id}@specialenheden.example`,
    phone: '+45 12 34 56 78',
    region: '',
    hospital: '',
    department: '',
    cancerTypes: '',
    modalities: '',
    maintainer: 'drift@regionh.example',
    verifiedAt: today,
    ...extra,
  };
  return HEADER.split(';')
    .map((k) => values[k] ?? '')
    .join(';');
};

describe('reading a contact file', () => {
  it('reads a Danish Excel CSV (semicolons, BOM, quotes, | lists) into contacts', () => {
    const demo = JSON.parse(readFileSync(fromRoot('data/demo-contacts.json'), 'utf8'));
    const department = demo.find((c: { role: string }) => c.role === 'department');
    const csv = `\uFEFF${HEADER}\r\n${row('sekretariat')}\r\n${row('koordinator', {
      role: 'department',
      name: '"Lund; Hanne ""HL"""',
      region: department.region,
      hospital: department.hospital,
      department: department.department,
      cancerTypes: department.cancerTypes.join('|'),
    })}\r\n`;
    const { contacts, errors, warnings } = parseContacts(csv, 'csv');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(contacts.map((c) => c.id)).toEqual(['sekretariat', 'koordinator']);
    expect(contacts[0]).toMatchObject({ name: 'Søren Ærø', cancerTypes: [], modalities: [] });
    expect(contacts[1]).toMatchObject({ name: 'Lund; Hanne "HL"', cancerTypes: department.cancerTypes });
  });

  it('reads the JSON format of data/demo-contacts.json', () => {
    const text = readFileSync(fromRoot('data/demo-contacts.json'), 'utf8');
    const { contacts, errors } = parseContacts(text, 'json');
    expect(errors).toEqual([]);
    expect(contacts.length).toBe(JSON.parse(text).length);
  });

  it('reports every bad row with its line and field, and imports nothing', () => {
    const csv = [
      HEADER,
      row('ok'),
      row('bad-mail', { email: 'not-an-address' }),
      row('bad-hospital', { role: 'hospital-management', hospital: 'no-such-hospital' }),
      row('ok'),
      row('dept', { role: 'department' }),
    ].join('\n');
    const { errors } = parseContacts(csv, 'csv');
    expect(errors).toEqual([
      expect.stringMatching(/^line 3: email: /),
      'line 4 (bad-hospital): unknown hospital "no-such-hospital"',
      'line 5 (ok): id already used by line 2',
      'line 6 (dept): a department contact needs "department"',
    ]);
  });

  it('warns when nobody from the secretariat would hear about unreachable recipients', () => {
    const { warnings } = parseContacts([HEADER, row('d', { role: 'danske-regioner' })].join('\n'), 'csv');
    expect(warnings).toEqual([expect.stringContaining('no contact with role "secretariat"')]);
  });

  it('parses quoted CSV fields with delimiters, quotes and line breaks', () => {
    expect(parseCsv('a,"b,1","c ""x""","d\ne"\n1,2,3,4', ',')).toEqual([
      ['a', 'b,1', 'c "x"', 'd\ne'],
      ['1', '2', '3', '4'],
    ]);
  });
});

describe('writing to the table', () => {
  let dynamo: LocalDynamo;
  const table = 'kraeftkapacitet-import-test';

  beforeAll(async () => {
    // Vitest sets BASE_URL=/ (Vite's base path), which the app's configuration rejects.
    process.env.BASE_URL = 'http://localhost:3000';
    dynamo = await startDynalite();
    await ensureTable(dynamo.endpoint, table);
  });
  afterAll(async () => {
    await dynamo?.close();
  });

  it('upserts the contacts and their users, and with --prune deletes the ones no longer listed', async () => {
    const first = parseContacts([HEADER, row('anna'), row('bo')].join('\n'), 'csv').contacts;
    const lines: string[] = [];
    const options = {
      table,
      endpoint: dynamo.endpoint,
      region: 'eu-north-1',
      log: (l: string) => lines.push(l),
    };
    expect(await importContacts(first, { ...options, admins: ['IT@regionh.example'] })).toEqual({
      written: 2,
      deleted: 0,
      admins: 1,
    });

    const second = parseContacts(
      [HEADER, row('anna', { title: 'Chefkonsulent' }), row('carl')].join('\n'),
      'csv',
    ).contacts;
    expect(await importContacts(second, { ...options, dryRun: true })).toEqual({
      written: 0,
      deleted: 0,
      admins: 0,
    });
    expect(lines.at(-2)).toContain('1 new, 1 updated, 1 not in the file (kept; --prune deletes them)');
    expect(await importContacts(second, { ...options, prune: true })).toEqual({
      written: 2,
      deleted: 1,
      admins: 0,
    });

    const { listContacts } = await import('../../functions/adapters/store.ts');
    const stored = await listContacts();
    expect(stored.map((c) => c.id).sort()).toEqual(['anna', 'carl']);
    expect(stored.find((c) => c.id === 'anna')?.title).toBe('Chefkonsulent');
    // Contacts sign in as users; a pruned contact can no longer sign in; administrators stay.
    const { getUser } = await import('../../functions/services/auth.ts');
    expect(await getUser('anna@specialenheden.example')).toMatchObject({
      role: 'secretariat',
      title: 'Chefkonsulent',
    });
    expect(await getUser('carl@specialenheden.example')).toBeDefined();
    expect(await getUser('bo@specialenheden.example')).toBeUndefined();
    expect(await getUser('it@regionh.example')).toMatchObject({ role: 'admin' });
  });

  it('the local table has the keys and indexes of the deployed one', async () => {
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'eu-north-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const local = (await client.send(new DescribeTableCommand({ TableName: table }))).Table;
    client.destroy();
    const synthesised = synth(TEST_CONTEXT);
    const deployed = theOne(synthesised.json, 'AWS::DynamoDB::Table').Properties;
    synthesised.cleanup();
    expect(local?.KeySchema).toEqual(deployed.KeySchema);
    const shape = (
      indexes: { IndexName?: string; KeySchema?: unknown; Projection?: { ProjectionType?: string } }[],
    ) =>
      indexes
        .map((i) => ({ name: i.IndexName, keys: i.KeySchema, projection: i.Projection?.ProjectionType }))
        .sort((a, b) => String(a.name).localeCompare(String(b.name)));
    expect(shape(local?.GlobalSecondaryIndexes ?? [])).toEqual(shape(deployed.GlobalSecondaryIndexes));
  });
});
