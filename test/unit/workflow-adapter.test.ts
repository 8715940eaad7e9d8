/**
 * The Step Functions adapter: a restart never "succeeds" by hitting an ended execution's name.
 * Step Functions itself cannot run here, so its answers are mocked (aws-sdk-client-mock).
 */
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetConfig } from '../../functions/adapters/config.ts';
import {
  ExecutionNotRunningError,
  executionName,
  problemIdOfExecution,
  startUnderFreeName,
  stepFunctionsEngine,
} from '../../functions/adapters/workflow.ts';

const SM = 'arn:aws:states:eu-north-1:111122223333:stateMachine:kraeftkapacitet-test-escalation';
const sfn = mockClient(SFNClient);
const input = { problemId: 'ABCDEFGH12', generation: 0 };
const alreadyExists = () => new ExecutionAlreadyExists({ message: 'exists', $metadata: {} });

const savedEnv = { ...process.env };
beforeEach(() => {
  // Vite sets BASE_URL to '/'; the app's configuration wants a URL.
  Object.assign(process.env, { STATE_MACHINE_ARN: SM, BASE_URL: 'http://localhost:3000' });
  resetConfig();
});
afterEach(() => {
  sfn.reset();
  process.env = { ...savedEnv };
  resetConfig();
});

describe('execution names', () => {
  it('gives every restart a new name and finds the problem in any of them', () => {
    expect(executionName(input)).toBe('problem-ABCDEFGH12-g0');
    expect(executionName(input, 3)).toBe('problem-ABCDEFGH12-g0-r3');
    expect(
      problemIdOfExecution(`${SM.replace(':stateMachine:', ':execution:')}:problem-ABCDEFGH12-g2-r3`),
    ).toBe('ABCDEFGH12');
    expect(problemIdOfExecution('problem-ABCDEFGH12-g0')).toBe('ABCDEFGH12');
    expect(problemIdOfExecution('something-else')).toBeUndefined();
  });
});

describe('starting an execution whose name exists', () => {
  it('counts as started when that execution is running', async () => {
    sfn.on(StartExecutionCommand).rejects(alreadyExists());
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    const arn = await stepFunctionsEngine(new SFNClient({})).start(input, 2);
    expect(arn).toBe(`${SM.replace(':stateMachine:', ':execution:')}:problem-ABCDEFGH12-g0-r2`);
  });

  it.each(['FAILED', 'SUCCEEDED', 'ABORTED', 'TIMED_OUT'] as const)(
    'is an error when that execution has ended (%s): its name cannot be reused',
    async (status) => {
      sfn.on(StartExecutionCommand).rejects(alreadyExists());
      sfn.on(DescribeExecutionCommand).resolves({ status });
      await expect(stepFunctionsEngine(new SFNClient({})).start(input, 1)).rejects.toBeInstanceOf(
        ExecutionNotRunningError,
      );
    },
  );

  it('asks Step Functions whether an execution runs; an unknown one does not', async () => {
    sfn.on(DescribeExecutionCommand, { executionArn: 'a' }).resolves({ status: 'RUNNING' });
    sfn.on(DescribeExecutionCommand, { executionArn: 'b' }).resolves({ status: 'FAILED' });
    sfn
      .on(DescribeExecutionCommand, { executionArn: 'c' })
      .rejects(new ExecutionDoesNotExist({ message: 'no', $metadata: {} }));
    const engine = stepFunctionsEngine(new SFNClient({}));
    expect(await engine.isRunning('a')).toBe(true);
    expect(await engine.isRunning('b')).toBe(false);
    expect(await engine.isRunning('c')).toBe(false);
  });
});

describe('a restart whose name is taken by an ended execution', () => {
  it('moves on to the next free name instead of failing for ever', async () => {
    const arnOf = (name: string) => `${SM.replace(':stateMachine:', ':execution:')}:${name}`;
    // Restart 1 was started, its bookkeeping lost, and it has ended since: Step Functions refuses it.
    sfn
      .on(StartExecutionCommand, { name: 'problem-ABCDEFGH12-g0-r1' })
      .rejects(alreadyExists())
      .on(StartExecutionCommand, { name: 'problem-ABCDEFGH12-g0-r2' })
      .resolves({ executionArn: arnOf('problem-ABCDEFGH12-g0-r2') });
    sfn.on(DescribeExecutionCommand).resolves({ status: 'FAILED' });
    const started = await startUnderFreeName(stepFunctionsEngine(new SFNClient({})), input, 1);
    expect(started).toEqual({ executionId: arnOf('problem-ABCDEFGH12-g0-r2'), attempt: 2 });
  });
});
