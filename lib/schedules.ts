/**
 * Scheduled jobs: one EventBridge Scheduler schedule and one function per entry of the job
 * registry (functions/jobs/registry.ts), which the local runtime schedules too.
 *
 * Failure handling: the scheduler retries delivery and parks undeliverable invocations in the
 * dead-letter queue; Lambda retries a failed asynchronous run twice and then sends the event to
 * the same queue (on-failure destination). The queue's depth is alarmed.
 */
import { Duration, type RemovalPolicy, TimeZone } from 'aws-cdk-lib';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke, type ScheduleTargetBaseProps } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  constructIdOf,
  JOB_TIME_ZONE,
  type JobDefinition,
  type JobNeeds,
  type JobSchedule,
} from '../functions/jobs/registry.ts';
import { AppFunction } from './app-function.ts';

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
        onFailure: new SqsDestination(props.deadLetterQueue),
      });
      props.grant(fn, job.needs);
      new Schedule(this, `${id}Schedule`, {
        scheduleName: `kraeftkapacitet-${props.stage}-${id.toLowerCase()}`,
        description: job.description,
        schedule: scheduleExpressionOf(job.schedule),
        target: new InvokeUnqualified(fn, {
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: 3,
          maxEventAge: Duration.hours(1),
        }),
      });
      this.functions.set(id, fn);
    }
  }
}
