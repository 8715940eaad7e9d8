/**
 * Faults injected while ladders climb, on the real local runtime (ASL engine, handlers, dynalite):
 * at the store (writes failing), the mailer (throttling; one address always refused), the
 * workflow start, and inside ladder steps (a thrown error; a step that times out). Only the
 * faults are mocks. Afterwards every accepted problem has climbed to level 4, every reachable
 * recipient got each level's e-mail exactly once, and failures and recoveries are on the timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDeps } from '../../functions/adapters/deps.ts';
import { documentClient } from '../../functions/adapters/dynamo.ts';
import { mailer as installedMailer, type Mailer } from '../../functions/adapters/mailer.ts';
import { loadReferenceData } from '../../functions/adapters/reference-store.ts';
import { getProblem, listContacts } from '../../functions/adapters/store.ts';
import type { WorkflowEngine } from '../../functions/adapters/workflow.ts';
import type { Problem } from '../../functions/domain/problem.ts';
import { recipientsFor } from '../../functions/domain/recipients.ts';
import { findDepartment } from '../../functions/domain/reference.ts';
import type { Actor } from '../../functions/services/actors.ts';
import { reportProblem } from '../../functions/services/problems.ts';
import { reconcileLadders } from '../../functions/services/recovery.ts';
import { handler as ladderStep } from '../../functions/workflow/ladder-step.ts';
import { checkLadders, kindsOf } from '../../local/ladder-audit.ts';
import { fakeLambdaContext } from '../../local/lambda-context.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { type LocalWorkflow, localWorkflowEngine } from '../../local/workflow.ts';
import { BREAST_SURGERY_REPORT } from '../fixtures.ts';

const PROBLEMS = 16;
// Levels 1–3 last 2, 3 and 5 working days: about 3–6 s in all at this scale (weekends vary).
const TIME_SCALE = 250_000;
const REPORTER: Actor = {
  email: 'mette.holm@regionsjaelland.example',
  name: 'Mette Holm',
  role: 'department',
  department: 'suh-brystkirurgi',
  cancerTypes: ['brystkraeft'],
  via: 'token',
};

let runtime: LocalRuntime;
let engine: LocalWorkflow;
const faults = { store: false, mailer: false, steps: false };
const injected = { store: 0, throttled: 0, rejected: 0, start: 0, thrown: 0, timedOut: 0 };

function named(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

beforeAll(async () => {
  runtime = await startLocal({ timeScale: TIME_SCALE, scheduler: false });
}, 120_000);

afterAll(async () => {
  await engine?.stopAll();
  await runtime?.close();
});

describe('faults injected while ladders climb', () => {
  it('every ladder reaches level 4, every reachable recipient is mailed once per level, failures and recoveries are on the timeline', async () => {
    const ids: string[] = [];
    await loadReferenceData({ force: true });
    const contacts = await listContacts();
    const probe = {
      ...BREAST_SURGERY_REPORT,
      hospital: findDepartment(BREAST_SURGERY_REPORT.departmentId)?.hospital,
      reportedBy: REPORTER,
    } as unknown as Problem;
    // One level-1 department whose address SES always refuses.
    const refused = recipientsFor(1, probe, contacts).find((r) => r.kind === 'action')?.email ?? '';
    expect(refused).not.toBe('');

    // The mailer: 15 % of sends throttled; the refused address always rejected.
    const realMailer: Mailer = installedMailer();
    let sends = 0;
    const mailer: Mailer = {
      async send(message) {
        if (faults.mailer && message.to === refused) {
          injected.rejected++;
          throw named('MessageRejected', 'Email address is not verified.');
        }
        if (faults.mailer && ++sends % 7 === 0) {
          injected.throttled++;
          throw named('TooManyRequestsException', 'Maximum sending rate exceeded.');
        }
        return realMailer.send(message);
      },
    };

    // The store: every 40th write fails (before the SDK's own retries would hide it).
    let writes = 0;
    documentClient().middlewareStack.add(
      (next, context) => async (args) => {
        const write = /^(Put|Update|Delete)/.test(String(context.commandName));
        if (faults.store && write && ++writes % 40 === 0) {
          injected.store++;
          throw named('InternalServerError', 'Injected store failure');
        }
        return next(args);
      },
      { step: 'initialize', name: 'injectStoreFaults' },
    );

    // Inside ladder steps: the first Check of every 4th problem throws every time it is tried
    // (1 + 6 retries: the execution ends in its failure path, and its restart gets through); the
    // first Notify of every 5th problem times out (a Lambda killed at its timeout never finishes).
    const checkFailures = new Map<string, number>();
    const timedOutNotifies = new Set<string>();
    const invoke = async (payload: unknown) => {
      const p = payload as { action: string; problemId: string };
      const index = ids.indexOf(p.problemId);
      const failed = checkFailures.get(p.problemId) ?? 0;
      if (faults.steps && p.action === 'check' && index % 4 === 1 && failed < 7) {
        checkFailures.set(p.problemId, failed + 1);
        injected.thrown++;
        throw named('Error', `Injected failure in Check of ${p.problemId}`);
      }
      if (faults.steps && p.action === 'notify' && index % 5 === 2 && !timedOutNotifies.has(p.problemId)) {
        timedOutNotifies.add(p.problemId);
        injected.timedOut++;
        await new Promise((r) => setTimeout(r, 1_000));
        throw named('Sandbox.Timedout', 'Task timed out after 120.00 seconds');
      }
      return ladderStep(payload, fakeLambdaContext('ladder-step'));
    };
    engine = localWorkflowEngine({ invoke });

    // The workflow start: the first start (attempt 0) of every 3rd problem fails.
    let starts = 0;
    const workflow: WorkflowEngine = {
      async start(input, attempt) {
        if (faults.steps && !attempt && ++starts % 3 === 0) {
          injected.start++;
          throw named('ServiceUnavailable', 'Step Functions is unavailable');
        }
        return engine.start(input, attempt);
      },
      stop: (id, reason) => engine.stop(id, reason),
      isRunning: (id) => engine.isRunning(id),
    };
    setDeps({ mailer, workflow });

    Object.assign(faults, { store: true, mailer: true, steps: true });
    for (let i = 0; i < PROBLEMS; i++) {
      // A client retries a failed submission with the same key: one problem, whatever failed.
      for (let attempt = 0; ; attempt++) {
        try {
          const { problem } = await reportProblem(BREAST_SURGERY_REPORT, REPORTER, `faults-${i}-key`);
          if (!ids.includes(problem.id)) ids.push(problem.id);
          break;
        } catch (error) {
          if (attempt > 5) throw error;
        }
      }
    }

    // The reconcile job runs (every 5 minutes in AWS) while the faults go on.
    const started = Date.now();
    const until = started + 150_000;
    let allAtLevel4 = false;
    while (Date.now() < until && !allAtLevel4) {
      await new Promise((r) => setTimeout(r, 1_000));
      if (Date.now() - started > 15_000) Object.assign(faults, { store: false });
      await reconcileLadders().catch(() => undefined);
      const problems = await Promise.all(ids.map((id) => getProblem(id)));
      allAtLevel4 = problems.every((p) => p?.level === 4 && p.workflow.state === 'started');
    }
    Object.assign(faults, { store: false, mailer: false, steps: false });
    await engine.stopAll();
    await engine.idle();

    const report = await checkLadders(ids);
    expect(report.belowLevel4).toEqual([]);
    expect(report.wrongCounts).toEqual([]);
    // Every kind of fault happened.
    for (const [kind, n] of Object.entries(injected)) expect(n, kind).toBeGreaterThan(0);

    for (const [index, id] of ids.entries()) {
      const kinds = kindsOf(report.timelines.get(id));
      const problem = report.details.get(id);
      if (index % 4 === 1) {
        expect(kinds, id).toContain('workflow-stopped');
        expect(kinds, id).toContain('workflow-restarted');
      }
      if (kinds.includes('workflow-start-failed')) expect(kinds, id).toContain('workflow-started');
      // The refused address is unreachable on the problem; the level went on without it.
      expect(kinds, id).toContain('contact-unreachable');
      expect(problem?.status).toBe('open');
    }
  }, 240_000);
});
