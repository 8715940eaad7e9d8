/**
 * The customer-managed KMS key that encrypts the SNS topics. The AWS-managed key `alias/aws/sns`
 * cannot be used here: its key policy cannot be changed, so CloudWatch alarms and SES could not
 * publish to a topic encrypted with it — alarms would fire into nothing.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

export interface TopicKeyProps {
  readonly stage: string;
  readonly removalPolicy: RemovalPolicy;
}

export class TopicKey extends Key {
  constructor(scope: Construct, id: string, props: TopicKeyProps) {
    super(scope, id, {
      description: `Kraeftkapacitet ${props.stage}: encrypts the alarm and SES-event SNS topics`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
      pendingWindow: Duration.days(7),
    });
    // The publishing services encrypt messages with a data key; SNS decrypts on delivery.
    for (const service of ['cloudwatch.amazonaws.com', 'ses.amazonaws.com']) {
      this.addToResourcePolicy(
        new PolicyStatement({
          sid: `AllowPublishFrom${service.split('.')[0]}`,
          principals: [new ServicePrincipal(service)],
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: ['*'],
        }),
      );
    }
  }
}
