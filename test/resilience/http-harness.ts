/**
 * Calls the real HTTP handler in-process with payload-v2 events, on a local runtime (embedded
 * DynamoDB, local workflow engine, outbox) — the same handler API Gateway invokes.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../functions/adapters/config.ts';
import { documentClient } from '../../functions/adapters/dynamo.ts';
import { handler } from '../../functions/http/api.ts';
import type { HttpEvent, HttpResult } from '../../functions/http/types.ts';
import type { User } from '../../functions/services/auth.ts';
import { fakeLambdaContext } from '../../local/lambda-context.ts';
import { demoToken, demoUsers } from '../../local/seed.ts';

export interface Call {
  method: string;
  /** Path with an optional query string, already percent-encoded as a browser would send it. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  base64?: boolean;
}

export function toEvent(call: Call): HttpEvent {
  const q = call.path.indexOf('?');
  const rawPath = q < 0 ? call.path : call.path.slice(0, q);
  const rawQueryString = q < 0 ? '' : call.path.slice(q + 1);
  const headers = { ...call.headers };
  const cookies = headers.cookie ? headers.cookie.split(';').map((c) => c.trim()) : undefined;
  const body =
    call.body === undefined ? undefined : call.base64 ? Buffer.from(call.body).toString('base64') : call.body;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    cookies,
    headers,
    body,
    isBase64Encoded: call.base64 === true && body !== undefined,
    requestContext: {
      http: { method: call.method, path: rawPath, sourceIp: '127.0.0.1' },
      requestId: 'fuzz',
    },
  };
}

export async function call(c: Call): Promise<HttpResult> {
  return handler(toEvent(c), fakeLambdaContext('api'));
}

export interface DemoActor extends User {
  token: string;
}

/** Every demo user with its API token. */
export async function demoActors(): Promise<DemoActor[]> {
  const out: DemoActor[] = [];
  for (const user of demoUsers()) {
    const token = await demoToken(user.email);
    if (token) out.push({ ...user, token });
  }
  return out;
}

/** Every item in the table (what the scan for CPR numbers reads). */
export async function scanTable(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({ TableName: config().TABLE_NAME, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
