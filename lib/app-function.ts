/**
 * The one way this app defines a Lambda function: Node 22 on ARM64, bundled locally by esbuild as
 * minified ESM with source maps and code splitting, X-Ray tracing, JSON logs to its own log group
 * with retention, and its own role holding only what the function is granted (no AWS managed
 * policies).
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import {
  AssetHashType,
  DockerImage,
  Duration,
  type ILocalBundling,
  type RemovalPolicy,
  Validations,
} from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  type IDestination,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { POWERTOOLS_ENVIRONMENT } from './app-metrics.ts';
import { lambdaBuildOptions } from './bundling.ts';
import { fromRoot } from './paths.ts';

/** The runtime every function uses; the tests and the local runtime run on the same Node major. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_22_X;

export interface AppFunctionProps {
  /** Handler file relative to the repository root, e.g. `functions/http/api.ts`; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default 30 seconds */
  readonly timeout?: Duration;
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  /** Applied to the log group. */
  readonly removalPolicy: RemovalPolicy;
  /** Where failed asynchronous invocations (SNS, EventBridge Scheduler) go after Lambda's retries. */
  readonly onFailure?: IDestination;
  /**
   * Files copied next to the bundle: `from` relative to the repository root, `to` relative to
   * the bundle (Lambda's /var/task).
   */
  readonly assets?: { from: string; to: string }[];
}

/**
 * esbuild on this machine (lib/bundling.ts), then `assets` copied beside the bundle. A class with
 * its entry and assets as fields: CDK tells assets apart (and caches them) by their bundling
 * options as JSON, which would drop a plain function's closure.
 */
class LocalBundling implements ILocalBundling {
  constructor(
    readonly entry: string,
    readonly assets: NonNullable<AppFunctionProps['assets']> = [],
  ) {}

  tryBundle(outputDir: string): boolean {
    buildSync({ ...lambdaBuildOptions(fromRoot(this.entry), outputDir), absWorkingDir: fromRoot('.') });
    for (const { from, to } of this.assets) cpSync(fromRoot(from), join(outputDir, to), { recursive: true });
    return true;
  }
}

/**
 * The function's code, bundled locally. Not NodejsFunction: it bundles with `--outfile`, which
 * code splitting cannot use. Hashed by the output, as NodejsFunction does; a synth that skips
 * bundling (template tests) hashes nothing.
 */
function bundledCode(entry: string, assets: AppFunctionProps['assets']): Code {
  return Code.fromAsset(fromRoot('.'), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling either succeeds or fails the synth (no Docker needed).
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      local: new LocalBundling(entry, assets),
    },
  });
}

export class AppFunction extends LambdaFunction {
  /** The function's own log group (also `logGroup`, typed concretely). */
  readonly logs: LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const logs = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    // An explicit role instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.entry}`,
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logs.logGroupArn],
      }),
    );

    super(scope, id, {
      code: bundledCode(props.entry, props.assets),
      handler: 'index.handler', // index.mjs (LAMBDA_ENTRY_FILE)
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: Tracing.ACTIVE,
      role,
      logGroup: logs,
      loggingFormat: LoggingFormat.JSON,
      // No Lambda application log level: it would override POWERTOOLS_LOG_LEVEL and drop the
      // sampled debug entries. Powertools filters by level itself.
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...POWERTOOLS_ENVIRONMENT, ...props.environment },
      onFailure: props.onFailure,
      retryAttempts: props.onFailure ? 2 : undefined,
    });
    this.logs = logs;

    for (const id of ['AwsSolutions-L1', 'Serverless-LambdaLatestVersion']) {
      Validations.of(this).acknowledge({
        id,
        reason:
          'Pinned on purpose to nodejs22.x, the Node major the tests and the local runtime run on (package.json pins node@22), so what was tested is what runs. nodejs22.x is a supported Lambda runtime; moving to the next major is one constant (FUNCTION_RUNTIME) together with the toolchain.',
      });
    }
    if (props.onFailure) {
      Validations.of(this).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          'Failed asynchronous invocations go to an on-failure destination (the dead-letter SQS queue) instead of a DeadLetterConfig: a destination record also carries the error, and the queue depth is alarmed.',
      });
    } else {
      Validations.of(this).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          'Only invoked synchronously (API Gateway, or Step Functions lambda:invoke which waits for the result and retries per the ASL): a dead-letter queue applies to asynchronous invocations only. Failures surface as HTTP 5xx or failed executions, both alarmed.',
      });
    }

    // Tracing.ACTIVE adds xray:PutTraceSegments / xray:PutTelemetryRecords on "*" to this role.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray statement CDK adds for Tracing.ACTIVE (xray:PutTraceSegments, xray:PutTelemetryRecords) uses Resource "*": X-Ray supports no resource-level permissions for these actions. test/infra asserts that no other statement has a "*" resource.',
    });
  }
}
