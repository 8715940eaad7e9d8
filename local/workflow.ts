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

export interface LocalWorkflow extends WorkflowEngine {
  /** Executions still running (for tests and shutdown). */
  running(): string[];
  /** Settles when every running execution has ended. */
  idle(): Promise<void>;
  stopAll(): void;
}

export function localWorkflowEngine(
  options: { invoke?: Invoke; onError?: (id: string, error: unknown) => void } = {},
): LocalWorkflow {
  const invoke = options.invoke ?? invokeLadderStep;
  const machine = new StateMachine(loadDefinition(), { validationOptions: { checkArn: true } });
  const executions = new Map<string, { abort: () => void; result: Promise<unknown> }>();
  const lambdaTask = async (input: JSONValue): Promise<JSONValue> => {
    const { FunctionName, Payload } = input as { FunctionName: string; Payload: unknown };
    if (FunctionName !== LOCAL_LADDER_ARN) throw new Error(`No local function ${FunctionName}`);
    return { Payload: (await invoke(Payload)) as JSONValue };
  };
  const taskResourceLocalHandlers = Object.fromEntries(
    ['Begin', 'Notify', 'Check', 'ContinueAsNew'].map((s) => [s, lambdaTask]),
  );
  const onError = options.onError ?? ((id, error) => console.error(`Execution ${id} failed:`, error));

  return {
    async start(input: WorkflowInput) {
      const id = executionName(input);
      if (executions.has(id)) return id;
      const execution = machine.run(
        { ...input },
        {
          overrides: {
            taskResourceLocalHandlers,
            retryIntervalOverrides: { Begin: 200, Notify: 200, Check: 200, ContinueAsNew: 200 },
          },
          noThrowOnAbort: true,
        },
      );
      const result = execution.result
        .catch((error: unknown) => onError(id, error))
        .finally(() => executions.delete(id));
      executions.set(id, { abort: execution.abort, result });
      return id;
    },
    async stop(executionId) {
      executions.get(executionId)?.abort();
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
