/**
 * Scheduled jobs: one EventBridge Scheduler schedule and one function per entry of the job
 * registry (functions/jobs/registry.ts), which the local runtime schedules too.
 *
 * A job with `fanOut` gets a Standard state machine running statemachines/job-fan-out.asl.json
 * (list units → Map, at most 4 at once → summarise), which the schedule starts and which alone may
 * invoke the job's function; its failed or timed-out executions are alarmed
 * (docs/decisions/0007-job-fan-out.md). Other jobs' schedules invoke the function directly.
 *
 * Failure handling: the scheduler retries delivery and parks undeliverable invocations in the
 * dead-letter queue; Lambda retries a failed asynchronous run twice and then sends the event to
 * the same queue (on-failure destination). The queue's depth is alarmed.
 */
import { Duration, type RemovalPolicy, TimeZone, Validations } from 'aws-cdk-lib';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import {
  LambdaInvoke,
  type ScheduleTargetBaseProps,
  StepFunctionsStartExecution,
} from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  constructIdOf,
  FAN_OUT_ASL,
  FAN_OUT_FUNCTION_VARIABLE,
  JOB_TIME_ZONE,
  type JobDefinition,
  type JobNeeds,
  type JobSchedule,
} from '../functions/jobs/registry.ts';
import { AppFunction } from './app-function.ts';
import { fromRoot } from './paths.ts';

/** The EventBridge Scheduler expression of a registry schedule, evaluated in Europe/Copenhagen. */
export function scheduleExpressionOf(schedule: JobSchedule): ScheduleExpression {
  const { minute, hour, dayOfMonth, month, weekday } = schedule;
  return ScheduleExpression.cron({
    minute,
    hour,
    day: dayOfMonth,
    month,
    weekDay: weekday,
    // aws-cdk-lib's TimeZone has no Copenhagen constant (it is undefined and would mean UTC).
    timeZone: TimeZone.of(JOB_TIME_ZONE),
  });
}

/**
 * Scheduler's own LambdaInvoke target grants `lambda:InvokeFunction` on the function and on
 * `<arn>:*` (every version and alias). The schedule invokes the unqualified function only.
 */
class InvokeUnqualified extends LambdaInvoke {
  constructor(
    private readonly fn: IFunction,
    props: ScheduleTargetBaseProps,
  ) {
    super(fn, props);
  }

  protected override addTargetActionToRole(role: IRole): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.fn.functionArn] }),
    );
  }
}

export interface SchedulesProps {
  readonly stage: string;
  readonly jobs: JobDefinition[];
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  readonly deadLetterQueue: IQueue;
  /** Grants the job needs, applied by the stack (table, mail, workflow). */
  readonly grant: (fn: AppFunction, needs: JobNeeds) => void;
}

export class Schedules extends Construct {
  /** The job functions by construct id (`WeeklyReminder`). */
  readonly functions = new Map<string, AppFunction>();
  /** The fan-out state machines of the jobs that have one, by construct id. */
  readonly fanOuts = new Map<string, StateMachine>();

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    for (const job of props.jobs) {
      const id = constructIdOf(job);
      const fn = new AppFunction(this, id, {
        entry: job.handler,
        description: job.description,
        timeout: Duration.minutes(2),
        environment: props.environment,
        logRetention: props.logRetention,
        removalPolicy: props.removalPolicy,
        // A fanned-out job's function is invoked synchronously by its state machine: no async retries.
        onFailure: job.fanOut ? undefined : new SqsDestination(props.deadLetterQueue),
      });
      props.grant(fn, job.needs);
      const delivery = {
        deadLetterQueue: props.deadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
      };
      let target: LambdaInvoke | StepFunctionsStartExecution;
      if (job.fanOut) {
        const machine = this.fanOut(id, job, fn, props);
        this.fanOuts.set(id, machine);
        target = new StepFunctionsStartExecution(machine, {
          ...delivery,
          input: ScheduleTargetInput.fromObject({}),
        });
      } else {
        target = new InvokeUnqualified(fn, delivery);
      }
      new Schedule(this, `${id}Schedule`, {
        scheduleName: `kraeftkapacitet-${props.stage}-${id.toLowerCase()}`,
        description: job.description,
        schedule: scheduleExpressionOf(job.schedule),
        target,
      });
      this.functions.set(id, fn);
    }
  }

  /** The job's fan-out state machine: the same ASL the local runtime runs, invoking only `fn`. */
  private fanOut(id: string, job: JobDefinition, fn: AppFunction, props: SchedulesProps): StateMachine {
    const machine = new StateMachine(this, `${id}FanOut`, {
      stateMachineName: `kraeftkapacitet-${props.stage}-job-${job.id}`,
      stateMachineType: StateMachineType.STANDARD,
      comment: `${job.description}: lists the work units, works them (4 at a time), adds the results up`,
      definitionBody: DefinitionBody.fromFile(fromRoot(FAN_OUT_ASL)),
      definitionSubstitutions: { [FAN_OUT_FUNCTION_VARIABLE]: fn.functionArn },
      logs: {
        destination: new LogGroup(this, `${id}FanOutLogs`, {
          retention: props.logRetention,
          removalPolicy: props.removalPolicy,
        }),
        level: LogLevel.ALL,
        includeExecutionData: true,
      },
      tracingEnabled: true,
    });
    // The ASL invokes the unqualified function ARN only; no `:*` version/alias wildcard.
    machine.addToRolePolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }),
    );
    Validations.of(machine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the statements CDK adds for logging and tracing use Resource "*": CloudWatch Logs vended-log delivery and X-Ray support no resource-level permissions (AWS Step Functions developer guide, "IAM policies for logging to CloudWatch Logs"). test/infra asserts that no other statement has a "*" resource.',
    });
    return machine;
  }
}
