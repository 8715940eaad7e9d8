/**
 * The workflow port: Step Functions in AWS; locally the same ASL in aws-local-stepfunctions
 * (the local runtime installs its engine with `setWorkflowEngine`).
 */
import {
  DescribeExecutionCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { config } from './config.ts';
import { installedAdapter } from './deps.ts';

export interface WorkflowInput {
  problemId: string;
  /** Incremented when a long-open problem continues in a fresh execution. */
  generation: number;
}

export interface WorkflowEngine {
  /**
   * Starts the execution named by {@link executionName} and returns its id. Starting a name that
   * is already running returns that execution; a name whose execution has ended is an error
   * (a Standard execution's name cannot be reused), so a restart must use a new `attempt`.
   */
  start(input: WorkflowInput, attempt?: number): Promise<string>;
  stop(executionId: string, reason: string): Promise<void>;
  /** The engine's own answer (not the stored state): is this execution still running? */
  isRunning(executionId: string): Promise<boolean>;
}

/** `problem-<id>-g<generation>`, and `-r<attempt>` for the attempt-th restart. */
export function executionName(input: WorkflowInput, attempt = 0): string {
  return `problem-${input.problemId}-g${input.generation}${attempt > 0 ? `-r${attempt}` : ''}`;
}

/** The problem an execution belongs to, from its name or ARN. */
export function problemIdOfExecution(executionId: string): string | undefined {
  return /(?:^|:)problem-([0-9A-Z]+)-g\d+(?:-r\d+)?$/.exec(executionId)?.[1];
}

export class ExecutionNotRunningError extends Error {
  constructor(name: string) {
    super(`Execution ${name} exists but is no longer running; restart under a new name`);
    this.name = 'ExecutionNotRunningError';
  }
}

/** Names an ended execution may have left behind before a start finds a free one. */
const NAME_ATTEMPTS = 20;

/**
 * Starts the problem's execution under the first name from `attempt` on that is free or running:
 * a name whose execution has ended (a start whose bookkeeping was lost, then the execution
 * ended) is skipped, as Step Functions will not start it again.
 */
export async function startUnderFreeName(
  engine: WorkflowEngine,
  input: WorkflowInput,
  attempt = 0,
): Promise<{ executionId: string; attempt: number }> {
  for (let next = attempt; ; next++) {
    try {
      return { executionId: await engine.start(input, next), attempt: next };
    } catch (error) {
      if (!(error instanceof ExecutionNotRunningError) || next - attempt >= NAME_ATTEMPTS) throw error;
    }
  }
}

export function stepFunctionsEngine(client = new SFNClient({ region: config().AWS_REGION })): WorkflowEngine {
  async function isRunning(executionArn: string): Promise<boolean> {
    try {
      const out = await client.send(new DescribeExecutionCommand({ executionArn }));
      return out.status === 'RUNNING';
    } catch (error) {
      if (error instanceof Error && error.name === 'ExecutionDoesNotExist') return false;
      throw error;
    }
  }
  return {
    async start(input, attempt = 0) {
      const stateMachineArn = config().STATE_MACHINE_ARN;
      if (!stateMachineArn) throw new Error('STATE_MACHINE_ARN is not set');
      const name = executionName(input, attempt);
      try {
        const out = await client.send(
          new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }),
        );
        return out.executionArn ?? name;
      } catch (error) {
        if (!(error instanceof Error && error.name === 'ExecutionAlreadyExists')) throw error;
        // The name exists: that is what we wanted only while it runs (a retried start).
        const arn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
        if (await isRunning(arn)) return arn;
        throw new ExecutionNotRunningError(name);
      }
    },
    async stop(executionId, reason) {
      try {
        await client.send(
          new StopExecutionCommand({ executionArn: executionId, cause: reason.slice(0, 256) }),
        );
      } catch (error) {
        if (error instanceof Error && error.name === 'ExecutionDoesNotExist') return;
        throw error;
      }
    },
    isRunning,
  };
}

let built: WorkflowEngine | undefined;

/** The workflow engine: the installed one (local runtime, tests), else Step Functions, built on first use. */
export function workflow(): WorkflowEngine {
  const installed = installedAdapter('workflow');
  if (installed) return installed;
  built ??= stepFunctionsEngine();
  return built;
}
