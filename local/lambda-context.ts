/**
 * Calling Lambda handlers in-process, as the Lambda runtime would: the event and a context. The
 * local workflow engine invokes the ladder step this way, the local scheduler the jobs.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export function fakeLambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-north-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** One invocation of `handler` with `event`, as the function `functionName`. */
export function invokeLocally(
  handler: LambdaHandler,
  event: unknown,
  functionName: string,
): Promise<unknown> {
  return handler(event, fakeLambdaContext(functionName));
}

/** The `handler` export of a handler file given relative to the repository root (as in the CDK stack). */
export async function loadHandler(entry: string): Promise<LambdaHandler> {
  const module = (await import(new URL(`../${entry}`, import.meta.url).pathname)) as {
    handler?: LambdaHandler;
  };
  if (typeof module.handler !== 'function') throw new Error(`${entry} exports no handler`);
  return module.handler;
}
