/**
 * Report submission through the local HTTP API (`npm run bench`, or `npx tsx bench/submission.ts`
 * alone): median and p99 beside one raw PutItem on the same embedded DynamoDB; submissions/s at
 * concurrency 10; the DynamoDB requests one submission makes on its request path, by command;
 * submission → first escalation e-mail.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../functions/adapters/config.ts';
import { setDeps } from '../functions/adapters/deps.ts';
import { documentClient } from '../functions/adapters/dynamo.ts';
import { outboxMailer } from '../functions/adapters/mailer.ts';
import { executionName } from '../functions/adapters/workflow.ts';
import { startLocal } from '../local/runtime.ts';
import { demoToken } from '../local/seed.ts';
import { median, ms, percentile } from './stats.ts';

const SEQUENTIAL = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENT_TOTAL = Number(process.env.BENCH_CONCURRENT_REQUESTS ?? 300);
const CONCURRENCY = 10;

export const BENCH_REPORT = {
  departmentId: 'suh-brystkirurgi',
  cancerType: 'brystkraeft',
  pathwayTypes: ['behandling'],
  modalities: ['kirurgi'],
  patientsAtRisk: 12,
  from: '2026-11-23',
  scope: 'hospital',
};

/** A fresh key with letters for digits: a random run of digits could look like a CPR number (refused). */
function submissionKey(): string {
  return randomUUID().replace(/\d/g, (d) => 'ghijklmnop'.charAt(Number(d)));
}

export async function benchSubmission(): Promise<string[]> {
  const runtime = await startLocal({ scheduler: false, timeScale: 1 });
  try {
    // Time-stamp the first escalation e-mail of each problem (instrumentation around the real outbox).
    const firstEscalation = new Map<string, number>();
    const outbox = outboxMailer();
    setDeps({
      mailer: {
        async send(message) {
          const result = await outbox.send(message);
          if (
            message.purpose === 'escalation' &&
            message.problemId &&
            !firstEscalation.has(message.problemId)
          ) {
            firstEscalation.set(message.problemId, performance.now());
          }
          return result;
        },
      },
    });

    const token = await demoToken('mette.holm@regionsjaelland.example');
    const submit = async (): Promise<{ ms: number; id: string; at: number }> => {
      const start = performance.now();
      const res = await fetch(`${runtime.url}/api/problems`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'idempotency-key': submissionKey(),
          'content-type': 'application/json',
        },
        body: JSON.stringify(BENCH_REPORT),
      });
      const body = (await res.json()) as { id: string };
      if (res.status !== 201) throw new Error(`Submission answered ${res.status}: ${JSON.stringify(body)}`);
      return { ms: performance.now() - start, id: body.id, at: start };
    };
    const rawPutMs = async (): Promise<number> => {
      const start = performance.now();
      await documentClient().send(
        new PutCommand({
          TableName: config().TABLE_NAME,
          Item: { PK: `BENCH#${randomUUID()}`, SK: '#META', value: 'x' },
        }),
      );
      return performance.now() - start;
    };

    // DynamoDB calls one submission makes on its request path (sign-in check included), counted
    // first while nothing else runs: the workflow start is held back so no ladder step (they run in
    // this process) is counted with it; the start itself is one Step Functions call in AWS.
    const byCommand = new Map<string, number>();
    const client = documentClient();
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        byCommand.set(name, (byCommand.get(name) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'benchCountStoreCalls' },
    );
    setDeps({
      workflow: {
        start: async (input) => executionName(input),
        stop: async () => undefined,
        isRunning: async () => true,
      },
    });
    // Counted in steady state: the first submissions also read what a container keeps for a
    // while (the reference data, the phone list's languages, the token's user).
    for (let i = 0; i < 3; i++) await submit();
    byCommand.clear();
    const COUNTED = 20;
    for (let i = 0; i < COUNTED; i++) await submit();
    client.middlewareStack.remove('benchCountStoreCalls');
    setDeps({ workflow: runtime.workflow });
    const storeCalls = [...byCommand.values()].reduce((a, b) => a + b, 0);
    const breakdown = [...byCommand]
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `${name} ${(n / COUNTED).toFixed(1)}`)
      .join(', ');

    // Warm up both paths so neither pays first-use costs in the figures.
    for (let i = 0; i < 20; i++) {
      await rawPutMs();
      await submit();
    }

    const putTimes: number[] = [];
    const submitTimes: number[] = [];
    const toFirstMail: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      putTimes.push(await rawPutMs());
      const s = await submit();
      submitTimes.push(s.ms);
      // One submission at a time, so the time to the first e-mail is not queueing behind others.
      if (i < 30) {
        while (!firstEscalation.has(s.id)) await new Promise((r) => setTimeout(r, 1));
        toFirstMail.push((firstEscalation.get(s.id) ?? 0) - s.at);
      }
    }

    let next = 0;
    const concurrentStart = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < CONCURRENT_TOTAL) await submit();
      }),
    );
    const concurrentSeconds = (performance.now() - concurrentStart) / 1000;

    const mSubmit = median(submitTimes);
    const mPut = median(putTimes);
    return [
      `Report submission via HTTP API (n=${SEQUENTIAL}): median ${ms(mSubmit)}, p99 ${ms(percentile(submitTimes, 99))}`,
      `Raw PutItem on the same embedded DynamoDB (n=${SEQUENTIAL}): median ${ms(mPut)}, p99 ${ms(percentile(putTimes, 99))}`,
      `  ratio submission/PutItem (medians): ${(mSubmit / mPut).toFixed(1)}x`,
      `Throughput at concurrency ${CONCURRENCY}: ${(CONCURRENT_TOTAL / concurrentSeconds).toFixed(1)} submissions/s (${CONCURRENT_TOTAL} in ${concurrentSeconds.toFixed(1)} s)`,
      `Store calls per submission (n=${COUNTED}): ${(storeCalls / COUNTED).toFixed(1)} DynamoDB requests (receipt via the outbox included), plus 1 workflow start`,
      `  by command: ${breakdown}`,
      `Submission → first escalation e-mail in the outbox (n=${toFirstMail.length}): median ${ms(median(toFirstMail))}, p99 ${ms(percentile(toFirstMail, 99))}`,
    ];
  } finally {
    // Executions now wait days for answers; stop them with the runtime.
    await runtime.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const l of await benchSubmission()) console.log(l);
}
