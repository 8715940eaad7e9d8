/**
 * The workflow port: Step Functions in AWS; locally the same ASL in aws-local-stepfunctions
 * (the local runtime installs its engine with `setWorkflowEngine`).
 */
import { SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { config } from './config.ts';
import { installedAdapter } from './deps.ts';

export interface WorkflowInput {
  problemId: string;
  /** Incremented when a long-open problem continues in a fresh execution. */
  generation: number;
}

export interface WorkflowEngine {
  /** Starts (idempotently per problem and generation) and returns the execution id. */
  start(input: WorkflowInput): Promise<string>;
  stop(executionId: string, reason: string): Promise<void>;
}

export function executionName(input: WorkflowInput): string {
  return `problem-${input.problemId}-g${input.generation}`;
}

export function stepFunctionsEngine(client = new SFNClient({ region: config().AWS_REGION })): WorkflowEngine {
  return {
    async start(input) {
      const stateMachineArn = config().STATE_MACHINE_ARN;
      if (!stateMachineArn) throw new Error('STATE_MACHINE_ARN is not set');
      try {
        const out = await client.send(
          new StartExecutionCommand({
            stateMachineArn,
            name: executionName(input),
            input: JSON.stringify(input),
          }),
        );
        return out.executionArn ?? executionName(input);
      } catch (error) {
        // Same name and input: the execution already exists, which is what we wanted.
        if (error instanceof Error && error.name === 'ExecutionAlreadyExists') {
          return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${executionName(input)}`;
        }
        throw error;
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
