/**
 * The embedded DynamoDB: dynalite serving the real DynamoDB API on a loopback port, in memory
 * or persisted (LevelDB) under a data folder. The table mirrors the one in lib/ (same keys, GSIs).
 */
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

export interface LocalDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * dynalite 4 ends a query's LevelDB iterator by calling `iterator.return()`, which abstract-level 3
 * iterators do not have: every Query left its iterator open, held by the database (native snapshot
 * included) until it closed — about 25 KB a query, gigabytes in a load test. Giving the iterators
 * dynalite loads a `return` that closes them keeps memory flat.
 */
function closeEndedIterators(): void {
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const fromLevel = createRequire(fromDynalite.resolve('classic-level'));
  const level = fromLevel('abstract-level') as Record<string, { prototype: object } | undefined>;
  for (const name of ['AbstractIterator', 'AbstractKeyIterator', 'AbstractValueIterator']) {
    const prototype = level[name]?.prototype as { close?: () => Promise<void> } | undefined;
    if (!prototype || 'return' in prototype || typeof prototype.close !== 'function') continue;
    Object.defineProperty(prototype, 'return', {
      configurable: true,
      value(this: { close(): Promise<void> }) {
        return this.close().then(() => ({ done: true, value: undefined }));
      },
    });
  }
}

/**
 * Every DynamoDB request makes dynalite read LevelDB (the table's description, then the item),
 * and classic-level hands each read to the libuv thread pool and back: on a busy 2-core machine
 * the handoff wakes a pool thread that takes the CPU from the server, which waits its turn
 * again. The profile of a load test showed the server stalled in those reads for a fifth of its
 * time. A read of the small local database from the OS page cache takes microseconds, so it is
 * done in place (classic-level's own getSync), which returns the same value.
 */
const READ_IN_PLACE = Symbol('readInPlace');

function readInPlace(): void {
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const { ClassicLevel } = fromDynalite('classic-level') as {
    ClassicLevel?: { prototype: Record<string, unknown> };
  };
  const prototype = ClassicLevel?.prototype as
    | { _get?: unknown; _getSync?: (key: unknown, options: unknown) => unknown; [READ_IN_PLACE]?: true }
    | undefined;
  if (!prototype || typeof prototype._getSync !== 'function' || prototype[READ_IN_PLACE]) return;
  Object.defineProperty(prototype, '_get', {
    configurable: true,
    writable: true,
    async value(this: { _getSync(key: unknown, options: unknown): unknown }, key: unknown, options: unknown) {
      return this._getSync(key, options);
    },
  });
  prototype[READ_IN_PLACE] = true;
}
export async function startDynalite(path?: string): Promise<LocalDynamo> {
  closeEndedIterators();
  readInPlace();
  const server: Server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  // The SDK keeps connections alive; a server closing an idle one (Node's default after 5 s) as
  // the client reuses it resets that request (ECONNRESET). Keep idle connections open longer
  // than the client does, as a load balancer in front of keep-alive clients would.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold the close for keepAliveTimeout (65 s).
        server.closeIdleConnections();
      }),
  };
}

function rawClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** Waits until the table and its indexes are ACTIVE: before that, requests to it fail. */
async function waitUntilActive(client: DynamoDBClient, tableName: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    if (Date.now() > until) throw new Error(`Table ${tableName} is not ACTIVE after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Creates the single table (keys and indexes as in lib/storage.ts) unless it exists; returns once it is ACTIVE. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = rawClient(endpoint);
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    await waitUntilActive(client, tableName);
    client.destroy();
    return;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ResourceNotFoundException') throw error;
  }
  const index = (name: string) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: `${name}PK`, KeyType: 'HASH' as const },
      { AttributeName: `${name}SK`, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'].map((n) => ({
        AttributeName: n,
        AttributeType: 'S' as const,
      })),
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [index('GSI1'), index('GSI2')],
    }),
  );
  await waitUntilActive(client, tableName);
  client.destroy();
}

/** One raw PutItem, for the benchmark's baseline. */
export async function rawPut(endpoint: string, tableName: string, id: string): Promise<void> {
  const client = rawClient(endpoint);
  await client.send(
    new PutItemCommand({
      TableName: tableName,
      Item: { PK: { S: `BENCH#${id}` }, SK: { S: '#META' }, v: { S: 'x' } },
    }),
  );
  client.destroy();
}
