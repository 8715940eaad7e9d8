/**
 * The local Step Functions: aws-local-stepfunctions runs statemachines/escalation.asl.json — the
 * file the CDK stack deploys — and its Task states call the same Lambda handler code in-process.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StateMachine } from 'aws-local-stepfunctions';

type JSONValue = Parameters<StateMachine['run']>[0];

import type { WorkflowEngine, WorkflowInput } from '../functions/adapters/workflow.ts';
import { ExecutionNotRunningError, executionName } from '../functions/adapters/workflow.ts';
import { isReminderStep } from '../functions/domain/ladder.ts';
import { Semaphore } from '../functions/domain/limit.ts';
import { handler as ladderStep } from '../functions/workflow/ladder-step.ts';
import type { Foreground } from './foreground.ts';
import { invokeLocally } from './lambda-context.ts';

export const ASL_PATH = fileURLToPath(new URL('../statemachines/escalation.asl.json', import.meta.url));
export const LOCAL_LADDER_ARN =
  'arn:aws:lambda:eu-north-1:000000000000:function:kraeftkapacitet-local-ladder-step';

/** The ASL with the same substitutions the CDK stack passes as `definitionSubstitutions`. */
export function loadDefinition(
  substitutions: Record<string, string> = { LadderStepFunctionArn: LOCAL_LADDER_ARN },
) {
  let text = readFileSync(ASL_PATH, 'utf8');
  for (const [key, value] of Object.entries(substitutions)) text = text.replaceAll(`\${${key}}`, value);
  return JSON.parse(text);
}

/**
 * Step Functions lets a Task that sets no TimeoutSeconds run for 99,999,999 s; a Node timer waits
 * at most 2^31 − 1 ms (a longer one fires at once), so locally about 24 days stands for that.
 */
const UNSET_TASK_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/**
 * The definition with (locally) Step Functions' default on every Task that sets no timeout.
 * aws-local-stepfunctions would give such a Task 60 s, counted from the Task's start, so a step
 * waiting its turn for a slot under a burst timed out (States.Timeout) and its execution failed,
 * where Step Functions would have let it run. The handler's own time budget still bounds the
 * step's work, as the Lambda timeout does in AWS.
 */
export function withStepFunctionsTaskTimeouts<T extends { States: Record<string, unknown> }>(
  definition: T,
): T {
  const states = Object.entries(definition.States).map(([name, state]) => {
    const s = state as { Type?: string; TimeoutSeconds?: number; TimeoutSecondsPath?: string };
    const defaulted =
      s.Type === 'Task' && s.TimeoutSeconds === undefined && s.TimeoutSecondsPath === undefined
        ? { ...s, TimeoutSeconds: UNSET_TASK_TIMEOUT_SECONDS }
        : s;
    return [name, defaulted];
  });
  return { ...definition, States: Object.fromEntries(states) };
}

type Invoke = (payload: unknown) => Promise<unknown>;

const invokeLadderStep: Invoke = (payload) => invokeLocally(ladderStep, payload, 'ladder-step');

/** Ladder steps running at once; the rest queue (Lambda's concurrency limit, in one process). */
export const LOCAL_STEP_CONCURRENCY = 8;
/** Ladder steps running at once while the local server answers requests (see foreground.ts). */
export const LOCAL_STEPS_WHILE_BUSY = 2;

export interface LocalWorkflow extends WorkflowEngine {
  /** Executions still running, queued ones included (for tests and shutdown). */
  running(): string[];
  /** Settles when every running execution has ended. */
  idle(): Promise<void>;
  /**
   * Stops every execution (the engine is done): queued steps never run, and it settles once the
   * steps under way have ended.
   */
  stopAll(): Promise<void>;
}

interface Execution {
  input: WorkflowInput;
  /** Set once the execution is admitted and runs in the interpreter. */
  abort?: () => void;
  /** Settles when the execution has ended (or was stopped before it ran). */
  ended: Promise<void>;
  end: () => void;
}

/**
 * The local engine. Like Step Functions it only runs the ASL: a failed step goes through the
 * state machine's own failure path (RecordFailure), and the reconcile job restarts it — there is
 * no recovery logic here. Like Step Functions, it refuses to start a name whose execution has
 * ended (a restart needs a new name).
 *
 * A burst makes the ladder slower, never failed, with memory bounded: steps queue for a bounded
 * number of slots (a step's time budget starts when it gets its slot), and started executions
 * queue too. An execution counts as running from its start (as in Step Functions), but it enters
 * the interpreter only while fewer than two slots' worth of steps are running or waiting, so the
 * steps of executions already under way go first and a queued execution costs a few bytes.
 *
 * In AWS every step runs at once in its own Lambda; here the slots are few, so the network
 * level's repeated reminders (isReminderStep) wait behind every other step and do not count
 * against new executions: a ladder climbing or entering a level is not held up by the reminders
 * of ladders already at the top, which are sent as soon as the climbing steps leave room.
 */
export function localWorkflowEngine(
  options: { invoke?: Invoke; stepConcurrency?: number; foreground?: Foreground } = {},
): LocalWorkflow {
  const invoke = options.invoke ?? invokeLadderStep;
  const concurrency = options.stepConcurrency ?? LOCAL_STEP_CONCURRENCY;
  const slots = new Semaphore(concurrency);
  const machine = new StateMachine(withStepFunctionsTaskTimeouts(loadDefinition()), {
    validationOptions: { checkArn: true },
  });
  /** Every running execution, by id, in start order (queued ones included). */
  const executions = new Map<string, Execution>();
  /** Names of executions that have ended: like Step Functions, never started again. */
  const endedNames = new Set<string>();
  /** Started, not yet admitted, in start order. */
  const queue: string[] = [];
  /** Steps (reminders aside) running or waiting for a slot. */
  let steps = 0;
  /** Admitted executions whose first step is not yet asked for. */
  const admittedProblems = new Set<string>();
  /** Set by stopAll: steps still waiting for a slot never run. */
  let stopped = false;
  /** Steps invoking the handler now, and a promise settled when the next of them ends. */
  let invoking = 0;
  let endStep = () => {};
  let stepEnded = new Promise<void>((resolve) => {
    endStep = resolve;
  });

  /** A step in its slot waits while requests are answered and enough steps already run. */
  async function invokeGivingWay(payload: unknown): Promise<unknown> {
    const { foreground } = options;
    while (foreground?.busy && invoking >= LOCAL_STEPS_WHILE_BUSY)
      await Promise.race([foreground.quiet(), stepEnded]);
    // Stopped while it waited: its execution is aborted, and the store may be closing.
    if (stopped) throw new Error('The local workflow engine has stopped');
    invoking++;
    try {
      return await invoke(payload);
    } finally {
      invoking--;
      endStep();
      stepEnded = new Promise<void>((resolve) => {
        endStep = resolve;
      });
    }
  }

  const lambdaTask = async (input: JSONValue): Promise<JSONValue> => {
    const { FunctionName, Payload } = input as {
      FunctionName: string;
      Payload: { problemId?: string; action?: string; level?: number; round?: number };
    };
    if (FunctionName !== LOCAL_LADDER_ARN) throw new Error(`No local function ${FunctionName}`);
    admittedProblems.delete(Payload?.problemId ?? '');
    const reminder = isReminderStep(Payload ?? {});
    if (!reminder) steps++;
    try {
      const result = await slots.run(() => invokeGivingWay(Payload), reminder ? 1 : 0);
      return { Payload: (result ?? null) as JSONValue };
    } finally {
      if (!reminder) steps--;
      admit();
    }
  };
  const taskStates = Object.entries(loadDefinition().States as Record<string, { Type: string }>)
    .filter(([, state]) => state.Type === 'Task')
    .map(([name]) => name);
  const taskResourceLocalHandlers = Object.fromEntries(taskStates.map((s) => [s, lambdaTask]));
  const retryIntervalOverrides = Object.fromEntries(taskStates.map((s) => [s, 200]));

  function run(id: string, execution: Execution): void {
    const { input } = execution;
    admittedProblems.add(input.problemId);
    const running = machine.run(
      { ...input },
      {
        overrides: { taskResourceLocalHandlers, retryIntervalOverrides },
        noThrowOnAbort: true,
        // What Step Functions passes as the Context Object (RecordFailure reads the execution id).
        context: {
          Execution: { Id: id, Name: id, Input: { ...input }, StartTime: new Date().toISOString() },
        },
      },
    );
    execution.abort = running.abort;
    // A failed execution (its failure already recorded by RecordFailure) is what a CloudWatch
    // alarm reports in AWS: locally it is logged.
    running.result
      .catch((error: unknown) =>
        console.error(`Execution ${id} failed:`, error instanceof Error ? error.message : error),
      )
      .finally(() => {
        admittedProblems.delete(input.problemId);
        finish(id, execution);
        admit();
      });
  }

  function finish(id: string, execution: Execution): void {
    executions.delete(id);
    endedNames.add(id);
    execution.end();
  }

  /** Lets queued executions in while the steps under way leave room. */
  function admit(): void {
    while (queue.length > 0 && steps + admittedProblems.size < 2 * concurrency) {
      const id = queue.shift() as string;
      const execution = executions.get(id);
      if (execution) run(id, execution);
    }
  }

  return {
    async start(input: WorkflowInput, attempt = 0) {
      const id = executionName(input, attempt);
      if (executions.has(id)) return id;
      if (endedNames.has(id)) throw new ExecutionNotRunningError(id);
      let end = () => {};
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      executions.set(id, { input: { ...input }, ended, end });
      queue.push(id);
      admit();
      return id;
    },
    async stop(executionId) {
      const execution = executions.get(executionId);
      if (!execution) return;
      if (execution.abort) return execution.abort();
      // Not yet admitted: it never runs.
      queue.splice(queue.indexOf(executionId), 1);
      finish(executionId, execution);
    },
    async isRunning(executionId) {
      return executions.has(executionId);
    },
    running: () => [...executions.keys()],
    async idle() {
      while (executions.size > 0) await Promise.all([...executions.values()].map((e) => e.ended));
    },
    async stopAll() {
      stopped = true;
      queue.length = 0;
      for (const [id, execution] of executions) {
        if (execution.abort) execution.abort();
        else finish(id, execution);
      }
      // A handler cannot be aborted: the steps under way finish before the store closes.
      while (invoking > 0) await stepEnded;
    },
  };
}
