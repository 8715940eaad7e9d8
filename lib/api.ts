/**
 * The public entrance: an API Gateway HTTP API whose `$default` route sends every request (pages
 * and the JSON API under /api/) to one Lambda function (payload format 2.0). The default stage
 * is throttled and writes a JSON access log.
 */
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  type HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Stats } from 'aws-cdk-lib/aws-cloudwatch';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';

/**
 * Steady-state requests per second and burst for the whole stage. A few hundred coordinators,
 * directors and regional systems use the app; 50 rps is two orders of magnitude above the
 * expected peak and still caps what a runaway client or a flood can cost.
 */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * The access log: one JSON line per request. Deliberately no path: e-mail links carry their
 * secret in the path (/svar/<token>, /log-ind/link/<token>), and whoever reads the logs must not be
 * able to act as a recipient. No query strings, headers, cookies or bodies either. The function's
 * own log has the request id for correlation.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTimeEpoch',
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  error: '$context.error.message',
  userAgent: '$context.identity.userAgent',
};

/** The static assets' manifest (hashed names): the pages link to the files CloudFront serves from S3. */
const ASSET_MANIFEST = { from: '.build/asset-manifest.json', to: 'asset-manifest.json' };

export interface ApiProps {
  readonly stage: string;
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

export class Api extends Construct {
  readonly handler: AppFunction;
  readonly httpApi: HttpApi;
  readonly defaultStage: HttpStage;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.handler = new AppFunction(this, 'Handler', {
      entry: 'functions/http/api.ts',
      description: 'Kraeftkapacitet pages and JSON API (every request of the HTTP API)',
      memorySize: 512,
      // API Gateway gives up after 30 s; answer (or fail) before that.
      timeout: Duration.seconds(25),
      environment: { ...props.environment, ASSET_MANIFEST: `/var/task/${ASSET_MANIFEST.to}` },
      assets: [ASSET_MANIFEST],
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `kraeftkapacitet-${props.stage}`,
      description: 'Kraeftkapacitet: escalation of cancer capacity problems',
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration('Handler', this.handler, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      }),
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.defaultStage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    const defaultRoute = this.httpApi.node.tryFindChild('DefaultRoute');
    if (defaultRoute) {
      Validations.of(defaultRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'The $default route carries public pages (the report form, sign-in) as well as the JSON API, so an API Gateway authorizer cannot sit in front of it. The function authenticates every non-public request itself: sessions from one-time e-mail sign-in links, bearer API tokens for regional systems, and per-recipient links in escalation e-mails (docs/decisions/0001-identity.md, 0003-aws-deployment.md).',
      });
    }
  }

  /** The execute-api URL of the default stage, without a trailing slash. */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }

  /** Requests answered 5xx by the default stage, summed over 5 minutes. */
  metricServerErrors() {
    return this.defaultStage.metricServerError({ statistic: Stats.SUM, period: Duration.minutes(5) });
  }
}
