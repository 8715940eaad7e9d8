/**
 * cdk-nag 3 (AwsSolutions and Serverless packs) on the synthesised app: no finding may be left
 * unacknowledged, and every acknowledgement is a deliberate, reviewed decision with a reason.
 */
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildApp, nagPacks } from '../../lib/app.ts';
import { PROD_CONTEXT, synth, TEST_CONTEXT } from './helpers.ts';

/** Every acknowledgement in the tree: rule id → reasons (one per place it is acknowledged). */
function acknowledgements(root: IConstruct): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [qualified, reason] of Object.entries(entry.data as Record<string, string>)) {
        const id = qualified.replace(/^annotation::/i, '');
        out.set(id, [...(out.get(id) ?? []), reason]);
      }
    }
  }
  return out;
}

describe.each([
  ['test', TEST_CONTEXT],
  ['prod', PROD_CONTEXT],
])('cdk-nag on the %s stage', (_stage, context) => {
  it('leaves no unacknowledged finding', () => {
    const { app } = buildApp({ context, bundle: false, nag: false });
    const violations = nagPacks(app).flatMap((pack) => pack.validateScope(app).violations);
    const readable = violations.map(
      (v) =>
        `${v.ruleName}: ${v.description}\n    ${v.violatingResources.map((r) => r.constructPath).join('\n    ')}`,
    );
    expect(readable).toEqual([]);
  });

  it('lets `cdk synth` pass with the packs registered as validation plugins, as bin/app.ts does', () => {
    const synthesised = synth(context, { nag: true });
    expect(synthesised.assembly.stacks).toHaveLength(1);
    synthesised.cleanup();
  });
});

describe('acknowledgements', () => {
  const { app } = buildApp({ context: TEST_CONTEXT, bundle: false, nag: false });
  const acknowledged = acknowledgements(app);

  it('are exactly the reviewed list (a new one must be added here on purpose)', () => {
    expect([...acknowledged.keys()].sort()).toEqual(
      [
        'AwsSolutions-APIG4',
        'AwsSolutions-CFR1',
        'AwsSolutions-CFR2',
        'AwsSolutions-CFR3',
        'AwsSolutions-CFR4',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'AwsSolutions-IAM5[Action::s3:Abort*]',
        'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        'AwsSolutions-IAM5[Action::s3:GetObject*]',
        'AwsSolutions-IAM5[Action::s3:List*]',
        'AwsSolutions-IAM5[Resource::<CdnAssetsC2A92191.Arn>/*]',
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::kraeftkapacitet-test-monitoring-<AWS::AccountId>-<AWS::Region>/uploads/*]',
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:kraeftkapacitet-test-escalation:*]',
        'AwsSolutions-L1',
        'AwsSolutions-S1',
        'AwsSolutions-SMG4',
        'AwsSolutions-SQS3',
        'Serverless-LambdaDLQ',
        'Serverless-LambdaLatestVersion',
        'Serverless-LambdaTracing',
        'Serverless-SQSRedrivePolicy',
      ].sort(),
    );
  });

  it('each give a specific reason', () => {
    for (const [id, reasons] of acknowledged) {
      for (const reason of reasons) expect(reason.length, id).toBeGreaterThan(80);
    }
  });
});
