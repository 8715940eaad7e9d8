/**
 * The local Step Functions: aws-local-stepfunctions runs statemachines/escalation.asl.json — the
 * file the CDK stack deploys — and its Task states call the same Lambda handler code in-process.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StateMachine } from 'aws-local-stepfunctions';

type JSONValue = Parameters<StateMachine['run']>[0];

import type { WorkflowEngine, WorkflowInput } from '../functions/adapters/workflow.ts';
import { executionName } from '../functions/adapters/workflow.ts';
import { Semaphore } from '../functions/domain/limit.ts';
import { handler as ladderStep } from '../functions/workflow/ladder-step.ts';
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

type Invoke = (payload: unknown) => Promise<unknown>;

const invokeLadderStep: Invoke = (payload) => invokeLocally(ladderStep, payload, 'ladder-step');

/** Ladder steps running at once; the rest queue (Lambda's concurrency limit, in one process). */
export const LOCAL_STEP_CONCURRENCY = 8;

export interface LocalWorkflow extends WorkflowEngine {
  /** Executions still running (for tests and shutdown). */
  running(): string[];
  /** Settles when every running execution has ended. */
  idle(): Promise<void>;
  stopAll(): void;
}

/**
 * The local engine. Like Step Functions it only runs the ASL: a failed step goes through the
 * state machine's own failure path (RecordFailure), and the reconcile job restarts it — there is
 * no recovery logic here. Steps queue for a bounded number of slots, so a burst of reports makes
 * the ladder slower, never failed; a step's time budget starts when it gets its slot.
 */
export function localWorkflowEngine(
  options: { invoke?: Invoke; stepConcurrency?: number } = {},
): LocalWorkflow {
  const invoke = options.invoke ?? invokeLadderStep;
  const slots = new Semaphore(options.stepConcurrency ?? LOCAL_STEP_CONCURRENCY);
  const machine = new StateMachine(loadDefinition(), { validationOptions: { checkArn: true } });
  const executions = new Map<string, { abort: () => void; result: Promise<unknown> }>();
  const lambdaTask = async (input: JSONValue): Promise<JSONValue> => {
    const { FunctionName, Payload } = input as { FunctionName: string; Payload: unknown };
    if (FunctionName !== LOCAL_LADDER_ARN) throw new Error(`No local function ${FunctionName}`);
    return { Payload: ((await slots.run(() => invoke(Payload))) ?? null) as JSONValue };
  };
  const taskStates = Object.entries(loadDefinition().States as Record<string, { Type: string }>)
    .filter(([, state]) => state.Type === 'Task')
    .map(([name]) => name);
  const taskResourceLocalHandlers = Object.fromEntries(taskStates.map((s) => [s, lambdaTask]));
  const retryIntervalOverrides = Object.fromEntries(taskStates.map((s) => [s, 200]));

  return {
    async start(input: WorkflowInput, attempt = 0) {
      const id = executionName(input, attempt);
      if (executions.has(id)) return id;
      const execution = machine.run(
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
      // A failed execution (its failure already recorded by RecordFailure) is what a CloudWatch
      // alarm reports in AWS: locally it is logged.
      const result = execution.result
        .catch((error: unknown) =>
          console.error(`Execution ${id} failed:`, error instanceof Error ? error.message : error),
        )
        .finally(() => executions.delete(id));
      executions.set(id, { abort: execution.abort, result });
      return id;
    },
    async stop(executionId) {
      executions.get(executionId)?.abort();
    },
    async isRunning(executionId) {
      return executions.has(executionId);
    },
    running: () => [...executions.keys()],
    async idle() {
      while (executions.size > 0) await Promise.allSettled([...executions.values()].map((e) => e.result));
    },
    stopAll() {
      for (const e of executions.values()) e.abort();
    },
  };
}
