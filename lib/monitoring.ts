/**
 * Monitoring extracts on their way in (issue 10): a private, encrypted, SSL-only bucket whose
 * objects expire after one day; the object's arrival invokes the ingest function, which may read
 * and delete that bucket's upload objects only and write the table. The api function may presign
 * PUTs of upload objects. Why these sizes and shapes: docs/decisions/0007-monitoring.md.
 *
 * The bucket's name is fixed from stage, account and region, so the notification, the invoke
 * permission and the grants refer to it by name: the bucket can depend on the permission
 * (S3 checks it when the notification is created) without a reference cycle, and without the
 * custom-resource Lambda CDK's `addEventNotification` would add.
 */
import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnPermission, type IDestination } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';

/** Objects the api presigns and the ingest reads (functions/adapters/monitoring-store.ts objectKey). */
export const UPLOAD_PREFIX = 'uploads/';

/** From `npm run bench` (docs/decisions/0016-monitoring.md): CPU-bound, ~30 MB peak growth whatever the file's size. */
export const INGEST_MEMORY_MB = 1024;
export const INGEST_TIMEOUT = Duration.minutes(2);

export interface MonitoringProps {
  readonly stage: string;
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  readonly onFailure: IDestination;
}

export function monitoringBucketName(stage: string): string {
  return `kraeftkapacitet-${stage}-monitoring-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

/** The bucket's origin as the presigned URLs name it (virtual-hosted style): the pages' CSP `connect-src`. */
export function monitoringUploadOrigin(stage: string): string {
  return `https://${monitoringBucketName(stage)}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`;
}

export class Monitoring extends Construct {
  readonly bucket: Bucket;
  readonly ingest: AppFunction;
  readonly bucketName: string;
  private readonly stage: string;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.stage = props.stage;
    this.bucketName = monitoringBucketName(props.stage);
    const bucketArn = `arn:${Aws.PARTITION}:s3:::${this.bucketName}`;

    this.ingest = new AppFunction(scope, 'MonitoringIngest', {
      entry: 'functions/jobs/monitoring-ingest.ts',
      description: 'Turns an uploaded pathway extract into monitoring aggregates and deletes it',
      memorySize: INGEST_MEMORY_MB,
      timeout: INGEST_TIMEOUT,
      environment: { ...props.environment, MONITORING_BUCKET: this.bucketName },
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy,
      onFailure: props.onFailure,
    });
    this.ingest.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:DeleteObject'],
        resources: [`${bucketArn}/${UPLOAD_PREFIX}*`],
      }),
    );
    const permission = new CfnPermission(this, 'S3InvokesIngest', {
      action: 'lambda:InvokeFunction',
      functionName: this.ingest.functionArn,
      principal: new ServicePrincipal('s3.amazonaws.com').service,
      sourceArn: bucketArn,
      sourceAccount: Aws.ACCOUNT_ID,
    });

    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: this.bucketName,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      lifecycleRules: [
        { expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      // The browser PUTs straight to the presigned URL from the app's origin.
      cors: [
        {
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: ['*'],
          allowedHeaders: ['content-type'],
          maxAge: 3000,
        },
      ],
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const cfn = this.bucket.node.defaultChild as CfnBucket;
    cfn.notificationConfiguration = {
      lambdaConfigurations: [
        {
          event: 's3:ObjectCreated:*',
          function: this.ingest.functionArn,
          filter: { s3Key: { rules: [{ name: 'prefix', value: UPLOAD_PREFIX }] } },
        },
      ],
    };
    this.bucket.node.addDependency(permission);

    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Server access logs would need a second bucket for objects that live seconds: each upload is presigned for one authenticated user (recorded with who, when and file name in the upload item and on the audit trail), read once by the ingest and deleted; the lifecycle rule removes anything left after a day.',
    });
    Validations.of(this.ingest.role as Construct).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${this.nagBucketName}/uploads/*]`,
      reason:
        'Object keys are upload ids generated per upload, so the ingest must read and delete any object under uploads/ in this one bucket: scoped to that prefix of that bucket, GetObject and DeleteObject only.',
    });
  }

  /** The api may presign PUTs of upload objects (the URL carries the api role's permission). */
  grantPresign(fn: AppFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [`arn:${Aws.PARTITION}:s3:::${this.bucketName}/${UPLOAD_PREFIX}*`],
      }),
    );
    Validations.of(fn.role as Construct).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${this.nagBucketName}/uploads/*]`,
      reason:
        "A presigned PUT carries the signer's permission: the api signs one URL per upload for a key it generates (uploads/<upload id>.csv), so it needs PutObject under uploads/ of this one bucket — no read, no delete, no other bucket.",
    });
  }

  /** The bucket's name as cdk-nag prints it in finding ids. */
  private get nagBucketName(): string {
    return `kraeftkapacitet-${this.stage}-monitoring-<AWS::AccountId>-<AWS::Region>`;
  }
}
