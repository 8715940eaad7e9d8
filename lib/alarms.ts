/**
 * What wakes the operations mailbox: CloudWatch alarms on everything that can fail silently,
 * each publishing to one encrypted SNS topic with an e-mail subscription to `opsEmail`.
 * Every alarm treats missing data as "not breaching" (no traffic at night is not a failure) and
 * also notifies when it returns to OK.
 */
import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { METRIC } from '../functions/adapters/metric-names.ts';
import { appMetric } from './app-metrics.ts';

export interface AlarmsProps {
  readonly stage: string;
  readonly opsEmail: string;
  readonly key: IKey;
  /** Keeps alarm notifications SNS could not deliver to the mailbox. */
  readonly deadLetterQueue: IQueue;
}

export interface AlarmOptions {
  readonly metric: IMetric;
  /** The alarm fires when the statistic is >= threshold (or > for `greaterThan`). */
  readonly threshold: number;
  /** What happened and what to look at first; shown in the alarm e-mail. */
  readonly description: string;
  /** @default 1 */
  readonly evaluationPeriods?: number;
}

const FIVE_MINUTES = Duration.minutes(5);

export class Alarms extends Construct {
  /** The operations topic every alarm notifies. */
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  private readonly prefix: string;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.prefix = `kraeftkapacitet-${props.stage}`;
    this.topic = new Topic(this, 'OpsTopic', {
      displayName: `Kraeftkapacitet ${props.stage} alarms`,
      masterKey: props.key,
      enforceSSL: true,
    });
    this.topic.addSubscription(
      new EmailSubscription(props.opsEmail, { deadLetterQueue: props.deadLetterQueue }),
    );
    this.action = new SnsAction(this.topic);
  }

  /** An alarm that notifies the operations topic on ALARM and on OK. */
  add(id: string, options: AlarmOptions): Alarm {
    const alarm = new Alarm(this, id, {
      alarmName: `${this.prefix}-${id}`,
      alarmDescription: options.description,
      metric: options.metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  /** Errors and throttles of one function. */
  watchFunction(name: string, fn: IFunction): void {
    this.add(`${name}-errors`, {
      metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: Stats.SUM }),
      threshold: 1,
      description: `The ${name} function failed (uncaught error or timeout). Read its log group for the error and the request id; the X-Ray trace shows which AWS call failed.`,
    });
    this.add(`${name}-throttles`, {
      metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: Stats.SUM }),
      threshold: 1,
      description: `Lambda throttled the ${name} function: the account's concurrency limit was reached. Requests were refused or delayed; check other workloads in the account and the concurrency quota.`,
    });
  }

  /** Executions that failed or timed out (aborts are how resolved problems end: see below). */
  watchStateMachine(sm: IStateMachine): void {
    const options = { period: FIVE_MINUTES, statistic: Stats.SUM };
    this.add('escalation-failed', {
      metric: sm.metricFailed(options),
      threshold: 1,
      description:
        'An escalation-ladder execution FAILED after its retries: that problem is no longer being escalated. Open the execution in the Step Functions console (its input names the problemId), fix the cause, and start a new execution with the same input but the next generation.',
    });
    this.add('escalation-timed-out', {
      metric: sm.metricTimedOut(options),
      threshold: 1,
      description:
        'An escalation-ladder execution TIMED OUT: that problem is no longer being escalated. Inspect the execution history and restart it with the next generation.',
    });
    // No alarm on ExecutionsAborted: resolving a problem stops its running execution
    // (services/problems.ts), so aborts are the normal end of a resolved problem.
  }

  /** A scheduled job's fan-out executions that failed (a unit kept failing) or timed out. */
  watchJobFanOut(name: string, sm: IStateMachine): void {
    const options = { period: FIVE_MINUTES, statistic: Stats.SUM };
    this.add(`${name}-failed`, {
      metric: new MathExpression({
        expression: 'failed + timedOut',
        usingMetrics: { failed: sm.metricFailed(options), timedOut: sm.metricTimedOut(options) },
        period: FIVE_MINUTES,
      }),
      threshold: 1,
      description: `A run of the scheduled job ${name} failed or timed out: some of its e-mails were not sent. The other work units ran. Open the execution in the Step Functions console: the failed units and their errors are in the WorkUnits output. Fix the cause, then start a new execution of the same state machine with input {} — every e-mail is claimed once, so nobody is mailed twice.`,
    });
  }

  /** 5xx answers of the HTTP API (Lambda errors, timeouts, integration failures). */
  watchHttpServerErrors(metric: IMetric): void {
    this.add('api-5xx', {
      metric,
      threshold: 1,
      description:
        'The HTTP API answered 5xx: a user saw an error page or a failed submission. Check the api function log group and the API access log (integrationError field).',
    });
  }

  /** The application's own failure counts (EMF from the functions). */
  watchAppMetrics(): void {
    this.add('ladder-failures', {
      metric: appMetric(METRIC.ladderFailures),
      threshold: 1,
      description:
        'A step of the escalation ladder failed (Step Functions retries it). If it keeps failing the execution fails and the escalation-failed alarm follows. Read the ladder-step log group: every line names the problemId and the execution.',
    });
    this.add('mails-failed', {
      metric: appMetric(METRIC.mailsFailed),
      threshold: 1,
      description:
        'An e-mail could not be handed to SES (throttling, a rejected address, a configuration error). Ladder e-mails are retried by their step; read the log line "e-mail not sent" (purpose, problemId) in the function\'s log group.',
    });
  }

  /** A dead-letter queue that should stay empty. */
  watchDeadLetters(queue: IQueue): void {
    this.add('dead-letters', {
      metric: queue.metricApproximateNumberOfMessagesVisible({
        period: FIVE_MINUTES,
        statistic: Stats.MAXIMUM,
      }),
      threshold: 1,
      description:
        'A scheduled job, an SES bounce/complaint event or an alarm e-mail failed after all retries and was parked in the dead-letter queue. For a bounce this means a recipient was NOT marked unreachable: read the message (it holds the original event and, for a function, the error), fix the cause, and handle it by hand.',
    });
  }

  /**
   * SES sending failures. Rejections and rendering failures per message, from the configuration
   * set's CloudWatch event destination; bounce and complaint rates for the account, which SES
   * itself acts on (review at 5 % bounces / 0.1 % complaints, sending paused at 10 % / 0.5 %).
   */
  watchSes(configurationSetName: string): void {
    const perMessage = (metricName: string) =>
      new Metric({
        namespace: 'AWS/SES',
        metricName,
        dimensionsMap: { 'ses:configuration-set': configurationSetName },
        period: FIVE_MINUTES,
        statistic: Stats.SUM,
      });
    const reputation = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: Stats.MAXIMUM });
    this.add('ses-rejects', {
      metric: perMessage('Reject'),
      threshold: 1,
      description:
        'SES rejected an e-mail (virus or policy): the recipient did not get it. The ladder continues, but the message content needs checking.',
    });
    this.add('ses-rendering-failures', {
      metric: perMessage('RenderingFailure'),
      threshold: 1,
      description: 'SES could not render an e-mail: the recipient did not get it.',
    });
    this.add('ses-bounce-rate', {
      metric: reputation('Reputation.BounceRate'),
      threshold: 0.04,
      description:
        'The account bounce rate is at or above 4 %. SES puts the account under review at 5 % and may pause sending at 10 % — then no escalation e-mail goes out. Clean the contact lists (unreachable contacts are shown on the problem timelines).',
    });
    this.add('ses-complaint-rate', {
      metric: reputation('Reputation.ComplaintRate'),
      threshold: 0.0008,
      description:
        'The account complaint rate is at or above 0.08 %. SES reviews at 0.1 % and may pause sending at 0.5 %. Find out who marks the escalation e-mails as spam.',
    });
  }
}
