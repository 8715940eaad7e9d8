/**
 * Scheduled jobs: one EventBridge Scheduler schedule and one function per entry of a list, so a
 * new job (weekly reminders, quarterly status) is one line in lib/stack.ts. Cron expressions take
 * a time zone: use `TimeZone.of('Europe/Copenhagen')` (aws-cdk-lib has no constant for it).
 *
 * Failure handling: the scheduler retries delivery and parks undeliverable invocations in the
 * dead-letter queue; Lambda retries a failed asynchronous run twice and then sends the event to
 * the same queue (on-failure destination). The queue's depth is alarmed.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, type ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke, type ScheduleTargetBaseProps } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';

/** What a job may do besides reading and writing the table. */
export interface JobGrants {
  /** Send e-mail through the configuration set. */
  readonly mail?: boolean;
  /** Start executions of the escalation state machine. */
  readonly startWorkflow?: boolean;
}

export interface ScheduledJob {
  /** Construct id and part of the schedule's name, e.g. `Reconcile`. */
  readonly id: string;
  /** Handler file relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly schedule: ScheduleExpression;
  readonly description: string;
  readonly grants?: JobGrants;
  /** @default 2 minutes */
  readonly timeout?: Duration;
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
  readonly jobs: ScheduledJob[];
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  readonly deadLetterQueue: IQueue;
  /** Grants the job needs, applied by the stack (table, mail, workflow). */
  readonly grant: (fn: AppFunction, grants: JobGrants) => void;
}

export class Schedules extends Construct {
  /** The job functions by id. */
  readonly functions = new Map<string, AppFunction>();

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    for (const job of props.jobs) {
      const fn = new AppFunction(this, job.id, {
        entry: job.entry,
        description: job.description,
        timeout: job.timeout ?? Duration.minutes(2),
        environment: props.environment,
        logRetention: props.logRetention,
        removalPolicy: props.removalPolicy,
        onFailure: new SqsDestination(props.deadLetterQueue),
      });
      props.grant(fn, job.grants ?? {});
      new Schedule(this, `${job.id}Schedule`, {
        scheduleName: `kraeftkapacitet-${props.stage}-${job.id.toLowerCase()}`,
        description: job.description,
        schedule: job.schedule,
        target: new InvokeUnqualified(fn, {
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: 3,
          maxEventAge: Duration.hours(1),
        }),
      });
      this.functions.set(job.id, fn);
    }
  }
}
