/**
 * Builds the CDK app: reads and validates the context, creates the stage's stack and, unless
 * told otherwise, registers the cdk-nag rule packs so that `cdk synth` fails on any
 * unacknowledged finding. Shared by bin/app.ts and the infrastructure tests.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { type DeployConfig, readConfig } from './config.ts';
import { KraeftkapacitetStack, stackName } from './stack.ts';

export interface BuildAppOptions {
  /** Context values (tests); the CLI passes `-c` values and cdk.json through the environment. */
  readonly context?: Record<string, unknown>;
  /** Register the cdk-nag packs as policy-validation plugins. @default true */
  readonly nag?: boolean;
  /** Bundle the functions with esbuild. Tests that only inspect the template skip it. @default true */
  readonly bundle?: boolean;
  readonly outdir?: string;
}

export interface BuiltApp {
  readonly app: App;
  readonly stack: KraeftkapacitetStack;
  readonly config: DeployConfig;
}

/** The rule packs the app is checked against. */
export function nagPacks(app: App) {
  return [new AwsSolutionsChecks(app), new ServerlessChecks(app)];
}

export function buildApp(options: BuildAppOptions = {}): BuiltApp {
  const app = new App({
    outdir: options.outdir,
    context: {
      ...options.context,
      ...(options.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {}),
    },
  });
  const config = readConfig((key) => app.node.tryGetContext(key));
  // Environment-agnostic: the template deploys to whichever account and region the CLI targets
  // (AWS_REGION / --profile); nothing in it needs a lookup.
  const stack = new KraeftkapacitetStack(app, stackName(config.stage), { config });
  if (options.nag ?? true) Validations.of(app).addPlugins(...nagPacks(app));
  return { app, stack, config };
}
