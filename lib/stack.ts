/**
 * One stack per stage: storage, mail, workflow, API, scheduled jobs, SES event handling, alarms.
 * The functions are the same handler files the local runtime runs; only the environment
 * (MAILER=ses, STATE_MACHINE_ARN, …) chooses the AWS adapters.
 */
import { CfnOutput, Duration, Lazy, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type JobDefinition, type JobNeeds, jobRegistry } from '../functions/jobs/registry.ts';
import { ensureStaticAssets } from '../scripts/build-assets.ts';
import { Alarms } from './alarms.ts';
import { Api } from './api.ts';
import { AppFunction } from './app-function.ts';
import { Cdn } from './cdn.ts';
import type { DeployConfig } from './config.ts';
import { AppDashboard } from './dashboard.ts';
import { followupEnvironment } from './followup-schedules.ts';
import { holidayEnvironment } from './holiday-settings.ts';
import { Mail } from './mail.ts';
import { Monitoring, monitoringBucketName, monitoringUploadOrigin } from './monitoring.ts';
import { Schedules } from './schedules.ts';
import { Storage } from './storage.ts';
import { TopicKey } from './topic-key.ts';
import { weeklyEnvironment } from './weekly-schedules.ts';
import { escalationStateMachineArn, Workflow } from './workflow.ts';

export interface KraeftkapacitetStackProps extends StackProps {
  readonly config: DeployConfig;
  /** @default jobRegistry() (functions/jobs/registry.ts) */
  readonly jobs?: JobDefinition[];
}

export function stackName(stage: string): string {
  return `Kraeftkapacitet-${stage}`;
}

export class KraeftkapacitetStack extends Stack {
  readonly storage: Storage;
  readonly mail: Mail;
  readonly workflow: Workflow;
  readonly api: Api;
  readonly cdn: Cdn;
  readonly schedules: Schedules;
  readonly sesEvents: AppFunction;
  readonly monitoring: Monitoring;
  readonly alarms: Alarms;
  readonly deadLetterQueue: Queue;
  /** Every Lambda function of the app. */
  readonly functions: AppFunction[];

  constructor(scope: Construct, id: string, props: KraeftkapacitetStackProps) {
    super(scope, id, {
      description: `Kraeftkapacitet (${props.config.stage}): escalation ladder for cancer capacity problems`,
      ...props,
    });
    const { config } = props;
    // The content-hashed stylesheet, fonts and icons: uploaded to S3, their manifest bundled with the API.
    ensureStaticAssets();
    // What outlives `cdk destroy` when keepData is set: the table (Storage) and the logs, which
    // expire on their own. Queue and key hold nothing worth keeping without the stack.
    const removalPolicy = config.keepData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const logRetention = config.logRetention;

    this.storage = new Storage(this, 'Storage', { keepData: config.keepData });
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    for (const id of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']) {
      Validations.of(this.deadLetterQueue).acknowledge({
        id,
        reason:
          'This queue is itself the dead-letter queue (Lambda on-failure destination, EventBridge Scheduler DLQ, SNS subscription DLQ). Nothing consumes it automatically, so there is no redrive to configure; a second DLQ behind it would only move the same messages. Its depth raises an alarm instead.',
      });
    }

    const key = new TopicKey(this, 'TopicKey', { stage: config.stage, removalPolicy: RemovalPolicy.DESTROY });
    this.alarms = new Alarms(this, 'Alarms', {
      stage: config.stage,
      opsEmail: config.opsEmail,
      key,
      deadLetterQueue: this.deadLetterQueue,
    });
    this.mail = new Mail(this, 'Mail', {
      stage: config.stage,
      sesIdentity: config.sesIdentity,
      senderEmail: config.senderEmail,
      key,
    });

    // BASE_URL defaults to the public (CloudFront or custom domain) URL, known only once it exists.
    let baseUrl: string | undefined = config.baseUrl;
    const environment: Record<string, string> = {
      TABLE_NAME: this.storage.table.tableName,
      BASE_URL: Lazy.string({ produce: () => baseUrl }),
      MAIL_FROM: config.mailFrom,
      MAILER: 'ses',
      SES_CONFIGURATION_SET: this.mail.configurationSetName,
      STATE_MACHINE_ARN: escalationStateMachineArn(this, config.stage),
      LADDER_WINDOWS: config.ladderWindows,
      NETWORK_REMINDER_DAYS: String(config.networkReminderDays),
      SECURE_COOKIES: 'true',
      MONITORING_BUCKET: monitoringBucketName(config.stage),
      UPLOAD_ORIGIN: monitoringUploadOrigin(config.stage),
      ...weeklyEnvironment(),
      ...followupEnvironment(),
      ...holidayEnvironment(),
    };
    const common = { environment, logRetention, removalPolicy };

    this.workflow = new Workflow(this, 'Workflow', { stage: config.stage, ...common });
    this.storage.grantData(this.workflow.ladderStep);
    this.mail.grantSend(this.workflow.ladderStep);

    this.api = new Api(this, 'Api', { stage: config.stage, ...common });
    this.cdn = new Cdn(this, 'Cdn', {
      stage: config.stage,
      apiEndpoint: this.api.url,
      domainName: config.domainName,
      certificateArn: config.certificateArn,
      webAclArn: config.webAclArn,
      uploadOrigin: monitoringUploadOrigin(config.stage),
    });
    baseUrl ??= this.cdn.url;
    // Only the API function checks it (functions/http/via-cloudfront.ts); the other functions take no requests.
    this.api.handler.addEnvironment('ORIGIN_SECRET', this.cdn.originSecret.secretValue.unsafeUnwrap());
    this.storage.grantData(this.api.handler);
    this.mail.grantSend(this.api.handler);
    this.workflow.grantStart(this.api.handler);
    this.workflow.grantStop(this.api.handler);
    // The secretariat's restart button asks whether the execution still runs.
    this.workflow.grantDescribe(this.api.handler);

    const grant = (fn: AppFunction, needs: JobNeeds) => {
      this.storage.grantData(fn);
      if (needs.mail) this.mail.grantSend(fn);
      if (needs.workflow) this.workflow.grantStart(fn);
    };
    this.schedules = new Schedules(this, 'Jobs', {
      stage: config.stage,
      jobs: props.jobs ?? jobRegistry(),
      deadLetterQueue: this.deadLetterQueue,
      grant,
      ...common,
    });
    // Reconcile asks Step Functions, not the stored state, whether each open problem's execution runs.
    const reconcile = this.schedules.functions.get('Reconcile');
    if (reconcile) this.workflow.grantDescribe(reconcile);

    // SES bounce/complaint → SNS → ses-events: marks the contact unreachable, tells the secretariat.
    this.sesEvents = new AppFunction(this, 'SesEvents', {
      entry: 'functions/jobs/ses-events.ts',
      description: 'Marks bounced or complaining recipients unreachable and tells the secretariat',
      onFailure: new SqsDestination(this.deadLetterQueue),
      ...common,
    });
    this.storage.grantData(this.sesEvents);
    this.mail.grantSend(this.sesEvents);
    this.mail.eventsTopic.addSubscription(
      new LambdaSubscription(this.sesEvents, { deadLetterQueue: this.deadLetterQueue }),
    );

    // Monitoring extracts: bucket → ingest; the api presigns the uploads.
    this.monitoring = new Monitoring(this, 'Monitoring', {
      stage: config.stage,
      onFailure: new SqsDestination(this.deadLetterQueue),
      ...common,
    });
    this.storage.grantData(this.monitoring.ingest);
    this.monitoring.grantPresign(this.api.handler);

    this.functions = [
      this.api.handler,
      this.workflow.ladderStep,
      this.sesEvents,
      this.monitoring.ingest,
      ...this.schedules.functions.values(),
    ];

    // Alarms: every function, the state machine, the API, SES, the dead letters.
    const names = new Map<AppFunction, string>([
      [this.api.handler, 'api'],
      [this.workflow.ladderStep, 'ladder-step'],
      [this.sesEvents, 'ses-events'],
      [this.monitoring.ingest, 'monitoring-ingest'],
      ...[...this.schedules.functions].map(
        ([jobId, fn]) => [fn, `job-${jobId.toLowerCase()}`] as [AppFunction, string],
      ),
    ]);
    for (const fn of this.functions) this.alarms.watchFunction(names.get(fn) ?? fn.node.id, fn);
    this.alarms.watchStateMachine(this.workflow.stateMachine);
    for (const [jobId, sm] of this.schedules.fanOuts)
      this.alarms.watchJobFanOut(`job-${jobId.toLowerCase()}`, sm);
    this.alarms.watchHttpServerErrors(this.api.metricServerErrors());
    this.alarms.watchDeadLetters(this.deadLetterQueue);
    this.alarms.watchSes(this.mail.configurationSetName);
    this.alarms.watchAppMetrics();
    new AppDashboard(this, 'Dashboard', { stage: config.stage });

    const url = Lazy.string({ produce: () => baseUrl });
    new CfnOutput(this, 'AppUrl', { value: url, description: 'The application: start page and sign-in' });
    new CfnOutput(this, 'ReportFormUrl', {
      value: Lazy.string({ produce: () => `${baseUrl}/indberet` }),
      description: 'The form where a department reports a capacity problem',
    });
    new CfnOutput(this, 'ApiUrl', {
      value: this.api.url,
      description:
        'The HTTP API endpoint (execute-api URL), the origin behind CloudFront: it answers only requests from CloudFront (403 otherwise)',
    });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.cdn.distribution.distributionDomainName,
      description: 'CloudFront domain; point a custom domain (CNAME or alias) here',
    });
    new CfnOutput(this, 'TableName', {
      value: this.storage.table.tableName,
      description: 'DynamoDB table; scripts/import-contacts.ts --table <this>',
    });
    new CfnOutput(this, 'StateMachineArn', { value: this.workflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'ConfigurationSetName', { value: this.mail.configurationSetName });
    new CfnOutput(this, 'OpsTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'Alarm topic; confirm the subscription e-mail sent to opsEmail',
    });
    new CfnOutput(this, 'MonitoringBucketName', {
      value: this.monitoring.bucketName,
      description:
        'Bucket for monitoring extracts (uploads are presigned by the API; objects expire after a day)',
    });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.deadLetterQueue.queueUrl });
  }
}
