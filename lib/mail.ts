/**
 * Sending e-mail with SES v2 from an identity the operator verified beforehand (the stack never
 * creates identities). One configuration set for every message:
 * - bounce and complaint events go to an encrypted SNS topic, which the ses-events function reads
 *   to mark the contact unreachable on the problem timeline and tell the secretariat;
 * - all sending events go to CloudWatch metrics (dimension `ses:configuration-set`), which the
 *   alarms watch;
 * - TLS is required to the recipient's mail server, and addresses that bounced or complained
 *   are suppressed (SES reports a suppressed send as a bounce, so it is still seen).
 */
import { Duration, Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  CloudWatchDimensionSource,
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface MailProps {
  readonly stage: string;
  /** The verified SES identity (domain or address) that covers `senderEmail`. */
  readonly sesIdentity: string;
  readonly senderEmail: string;
  /** Encrypts the events topic; its key policy lets ses.amazonaws.com use it. */
  readonly key: IKey;
}

export class Mail extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly configurationSetName: string;
  /** SES bounce and complaint events (SNS notifications whose Message is the SES event JSON). */
  readonly eventsTopic: Topic;
  /** The identity ARNs `ses:SendEmail` is allowed on. */
  readonly identityArns: string[];
  readonly configurationSetArn: string;
  private readonly senderEmail: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.senderEmail = props.senderEmail;
    this.configurationSetName = `kraeftkapacitet-${props.stage}`;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: this.configurationSetName,
      reputationMetrics: true,
      sendingEnabled: true,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      // Give up (and report a bounce) after 4 hours instead of SES's default 14, so a level's
      // unreachable recipient is known well inside its answer window of working days.
      maxDeliveryDuration: Duration.hours(4),
    });

    this.eventsTopic = new Topic(this, 'EventsTopic', {
      displayName: `Kraeftkapacitet ${props.stage} SES bounces and complaints`,
      masterKey: props.key,
      enforceSSL: true,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.eventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    this.configurationSet.addEventDestination('Metrics', {
      destination: EventDestination.cloudWatchDimensions([
        {
          name: 'ses:configuration-set',
          source: CloudWatchDimensionSource.MESSAGE_TAG,
          defaultValue: this.configurationSetName,
        },
      ]),
      events: [
        EmailSendingEvent.SEND,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.DELIVERY_DELAY,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.REJECT,
        EmailSendingEvent.RENDERING_FAILURE,
      ],
    });

    const identityArn = (identity: string) =>
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity });
    // The identity SES authorises against is the most specific verified one: the address if it is
    // verified itself, else its domain. Allow both; both are exact ARNs.
    this.identityArns = [...new Set([props.sesIdentity, props.senderEmail])].map(identityArn);
    this.configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSetName,
    });
  }

  /**
   * `ses:SendEmail` through this configuration set from exactly the sender address: a verified
   * domain identity would otherwise let the function send as anyone@domain.
   */
  grantSend(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [...this.identityArns, this.configurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': this.senderEmail } },
      }),
    );
  }
}
