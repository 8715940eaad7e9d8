/**
 * The maintained reference data (hospitals, departments, cancer types) in the table, seeded from
 * `data/*.json` the first time it is read, and cached per Lambda container for a short time.
 *
 * | item           | PK          | SK                      |
 * |----------------|-------------|-------------------------|
 * | hospital       | REFERENCE   | hospital#<id>           |
 * | department     | REFERENCE   | department#<id>         |
 * | cancer type    | REFERENCE   | cancer-type#<id>        |
 * | seeded marker  | REFERENCE   | #SEEDED                 |
 *
 * Reading is one Query on `PK = REFERENCE` (a few hundred small items, well under 1 MB: one page)
 * at most once per `REFERENCE_CACHE_SECONDS` per container; writing is one conditional PutItem
 * per entry (`attribute_not_exists` to add and to seed, `version = :expected` to change).
 * Docs: docs/decisions/0010-reference-data-in-the-table.md.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { bundledReferenceData, type MaintainedData, useReferenceData } from '#domain/reference.ts';
import { LIST_OF, type ReferenceEntry, type ReferenceKind } from '#domain/reference-edit.ts';
import { config } from './config.ts';
import { documentClient } from './dynamo.ts';
import { isConditionFailure, queryAll } from './store.ts';
import { logger } from './telemetry.ts';

const PK = 'REFERENCE';
const SEEDED = '#SEEDED';

/** A stored entry: the entry itself and its optimistic-locking version. */
export interface StoredEntry<T extends ReferenceEntry = ReferenceEntry> {
  kind: ReferenceKind;
  entry: T;
  version: number;
  updatedAt: string;
}

let loadedAt = 0;
let loading: Promise<void> | undefined;
let stored: StoredEntry[] = [];

function cacheMillis(): number {
  return Number(process.env.REFERENCE_CACHE_SECONDS ?? 60) * 1000;
}

/** Every stored entry (retired included), as last loaded. */
export function storedEntries(): StoredEntry[] {
  return stored;
}

async function readAll(): Promise<StoredEntry[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': PK },
  });
  return items
    .filter((i) => i.SK !== SEEDED)
    .map((i) => {
      const { PK: _pk, SK: _sk, kind, version, updatedAt, ...entry } = i;
      return {
        kind: kind as ReferenceKind,
        entry: entry as unknown as ReferenceEntry,
        version: Number(version),
        updatedAt: String(updatedAt),
      };
    });
}

/** Writes the bundled data once; concurrent first readers write the same entries, each at most once. */
async function seed(): Promise<void> {
  const data = bundledReferenceData();
  const now = new Date().toISOString();
  const entries: [ReferenceKind, ReferenceEntry][] = [
    ...data.hospitals.map((h): [ReferenceKind, ReferenceEntry] => ['hospital', h]),
    ...data.cancerTypes.map((c): [ReferenceKind, ReferenceEntry] => ['cancer-type', c]),
    ...data.departments.map((d): [ReferenceKind, ReferenceEntry] => ['department', d]),
  ];
  for (const [kind, entry] of entries) {
    await putEntry({ kind, entry, version: 1, updatedAt: now }, 'new').catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  }
  await documentClient().send(
    new PutCommand({ TableName: config().TABLE_NAME, Item: { PK, SK: SEEDED, seededAt: now } }),
  );
}

function install(entries: StoredEntry[]): void {
  const data: MaintainedData = { hospitals: [], departments: [], cancerTypes: [] };
  for (const e of entries) (data[LIST_OF[e.kind]] as ReferenceEntry[]).push(e.entry);
  useReferenceData(data);
  stored = entries;
  loadedAt = Date.now();
}

/**
 * Loads the reference data from the table when the cached copy is older than the TTL (60 s by
 * default), seeding the table first if it has never been seeded. Called at the start of every
 * invocation; cheap when cached. If the table cannot be read, the copy in use (the last one
 * read, or the bundled data) is kept until the next attempt after the TTL: a page with
 * minute-old reference data beats no page.
 */
export async function loadReferenceData(options: { force?: boolean } = {}): Promise<void> {
  if (!options.force && loadedAt > 0 && Date.now() - loadedAt < cacheMillis()) return;
  loading ??= (async () => {
    let entries = await readAll();
    if (entries.length === 0) {
      const marker = await documentClient().send(
        new GetCommand({ TableName: config().TABLE_NAME, Key: { PK, SK: SEEDED } }),
      );
      if (!marker.Item) {
        await seed();
        entries = await readAll();
      }
    }
    install(entries);
  })()
    .catch((error: unknown) => {
      loadedAt = Date.now();
      logger.error('Reference data could not be read; keeping the copy in use', error as Error);
    })
    .finally(() => {
      loading = undefined;
    });
  await loading;
}

/**
 * Writes one entry: `mode: 'new'` only if the id is free; otherwise only if the stored version
 * is the one read (a concurrent edit makes this fail rather than be overwritten).
 */
export async function putEntry(next: StoredEntry, mode: 'new' | { expectedVersion: number }): Promise<void> {
  const { kind, entry, version, updatedAt } = next;
  await documentClient().send(
    new PutCommand({
      TableName: config().TABLE_NAME,
      Item: { ...entry, PK, SK: `${kind}#${entry.id}`, kind, version, updatedAt },
      ...(mode === 'new'
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : {
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': mode.expectedVersion },
          }),
    }),
  );
}

/** A middy middleware: the reference data is current (within the TTL) before the handler runs. */
export function withReferenceData() {
  return { before: async () => loadReferenceData() };
}
