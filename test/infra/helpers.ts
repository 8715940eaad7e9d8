/** Synthesises the app the way bin/app.ts does, into a temporary directory, for template tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { afterAll, beforeAll } from 'vitest';
import { type BuiltApp, buildApp } from '../../lib/app.ts';

/** The minimal context a test stage needs. */
export const TEST_CONTEXT = {
  stage: 'test',
  senderEmail: 'kraeftkapacitet@regionh.example',
  opsEmail: 'drift@regionh.example',
} as const;

export const PROD_CONTEXT = { ...TEST_CONTEXT, stage: 'prod' } as const;

/** Template JSON as CloudFormation reads it: the tests walk it freely. */
// biome-ignore lint/suspicious/noExplicitAny: synthesised CloudFormation is untyped JSON
export type Json = any;

export interface CfnJsonResource {
  Type: string;
  Properties: Json;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface Synthesised extends BuiltApp {
  template: Template;
  /** The raw template, for walking every resource. */
  json: { Resources: Record<string, CfnJsonResource>; Outputs?: Record<string, Json> };
  assembly: CloudAssembly;
  outdir: string;
  cleanup: () => void;
}

/**
 * @param bundle - run esbuild for the functions (slower); template-only tests skip it
 * @param nag - register the cdk-nag packs, so synth itself fails on a finding
 */
export function synth(
  context: Record<string, unknown>,
  options: { bundle?: boolean; nag?: boolean } = {},
): Synthesised {
  const outdir = mkdtempSync(join(tmpdir(), 'kk-cdk-'));
  const built = buildApp({ context, bundle: options.bundle ?? false, nag: options.nag ?? false, outdir });
  const assembly = built.app.synth();
  const json = assembly.getStackByName(built.stack.stackName).template;
  return {
    ...built,
    template: Template.fromJSON(json),
    json,
    assembly,
    outdir,
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/**
 * Logical ids of CDK's own deployment-time functions and roles: BucketDeployment (copies the built
 * assets to S3) and the bucket auto-delete provider. aws-cdk-lib sets their policies; cdn.test.ts
 * pins what they may touch.
 */
export const CDK_PROVIDED = /^Custom(CDKBucketDeployment|S3AutoDeleteObjectsCustomResourceProvider)/;

/** Every resource of a type, as [logicalId, resource]. */
export function resourcesOf(json: Synthesised['json'], type: string): [string, CfnJsonResource][] {
  return Object.entries(json.Resources).filter(([, r]) => r.Type === type);
}

/** The one resource of a type (throws when there is not exactly one). */
export function theOne(json: Synthesised['json'], type: string): CfnJsonResource {
  const all = resourcesOf(json, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return (all[0] as [string, CfnJsonResource])[1];
}

/**
 * A string value as CloudFormation will build it: `Fn::Join` pieces joined, a `Ref` to a
 * pseudo parameter or resource as `<Name>`.
 */
export function rendered(value: Json): string {
  if (typeof value === 'string') return value;
  if (value?.Ref) return `<${value.Ref}>`;
  if (value?.['Fn::Join']) {
    const [separator, parts] = value['Fn::Join'] as [string, Json[]];
    return parts.map(rendered).join(separator);
  }
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

/** The logical id of the Lambda function with this Description (throws when there is none). */
export function functionIdWithDescription(json: Synthesised['json'], description: string): string {
  const found = resourcesOf(json, 'AWS::Lambda::Function').find(
    ([, r]) => r.Properties.Description === description,
  );
  if (!found) throw new Error(`no function described "${description}"`);
  return found[0];
}

/**
 * The logical id of what a job's schedule starts: the job's fan-out state machine (the one whose
 * Tasks invoke `fnId`) for a fanned-out job, else the function itself.
 */
export function scheduleTargetOf(json: Synthesised['json'], fnId: string): Json {
  const machine = resourcesOf(json, 'AWS::StepFunctions::StateMachine').find(
    ([, r]) => r.Properties.DefinitionSubstitutions?.JobFunctionArn?.['Fn::GetAtt']?.[0] === fnId,
  );
  return machine ? { Ref: machine[0] } : { 'Fn::GetAtt': [fnId, 'Arn'] };
}

/**
 * Synthesises once for the calling test file (in `beforeAll`) and removes the output afterwards
 * (in `afterAll`). Call it at the top level of the file; read the result inside tests.
 */
export function synthOnce(
  context: Record<string, unknown> = TEST_CONTEXT,
  options: { bundle?: boolean; nag?: boolean } = {},
): Pick<Synthesised, 'template' | 'json'> {
  let s: Synthesised | undefined;
  beforeAll(() => {
    s = synth(context, options);
  });
  afterAll(() => s?.cleanup());
  const current = (): Synthesised => {
    if (!s) throw new Error('synthOnce: the template is only available inside tests (after beforeAll)');
    return s;
  };
  return {
    get template() {
      return current().template;
    },
    get json() {
      return current().json;
    },
  };
}
