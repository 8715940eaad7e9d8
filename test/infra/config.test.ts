/**
 * Configuration by context: what an administrator types after `-c`, and what happens when it is
 * missing or wrong. Also the difference between a disposable test stage and production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../lib/app.ts';
import { ConfigError, fromHeader, readConfig } from '../../lib/config.ts';
import { CDK_PROVIDED, PROD_CONTEXT, resourcesOf, type Synthesised, synth, TEST_CONTEXT } from './helpers.ts';

const read = (context: Record<string, unknown>) => readConfig((key) => context[key]);
const failure = (context: Record<string, unknown>): string => {
  try {
    read(context);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('reading the context', () => {
  it('names every missing required value and shows how to set it', () => {
    const message = failure({});
    for (const key of ['stage', 'senderEmail', 'opsEmail']) {
      expect(message).toContain(`- ${key} is missing`);
      expect(message).toMatch(new RegExp(`-c ${key}=\\S+`));
    }
    expect(message).toContain('cdk.json');
    expect(message).not.toContain('ladderWindows'); // optional values are not reported as missing
  });

  it('names each invalid value with what was given', () => {
    const message = failure({
      ...TEST_CONTEXT,
      stage: 'Prod',
      senderEmail: 'not-an-address',
      baseUrl: 'http://kraeftkapacitet.example',
      ladderWindows: '2,3',
      networkReminderDays: '0',
      logRetentionDays: '100',
      keepData: 'yes',
    });
    expect(message).toContain('- stage must be lower-case letters');
    expect(message).toContain('(got "Prod")');
    expect(message).toContain('- senderEmail must be an e-mail address (got "not-an-address")');
    expect(message).toContain('- baseUrl must be an https:// URL');
    expect(message).toContain('- ladderWindows must be three positive numbers');
    expect(message).toContain('- networkReminderDays must be at least 1');
    expect(message).toContain('- logRetentionDays must be one of');
    expect(message).toContain('- keepData must be true or false (got "yes")');
    expect(message).not.toContain('- opsEmail');
  });

  it('refuses an SES identity that does not cover the sender address', () => {
    const message = failure({ ...TEST_CONTEXT, sesIdentity: 'other.example' });
    expect(message).toContain('sesIdentity "other.example" does not cover senderEmail');
    expect(message).toContain('-c sesIdentity=');
  });

  it('fills in defaults: ladder 2,3,5 working days, weekly network reminders, the sender domain as identity', () => {
    const config = read(TEST_CONTEXT);
    expect(config).toMatchObject({
      stage: 'test',
      sesIdentity: 'regionh.example',
      ladderWindows: '2,3,5',
      networkReminderDays: 7,
      baseUrl: undefined,
      keepData: false,
      logRetention: 14,
    });
  });

  it('keeps data by default for every stage that is not test or dev', () => {
    expect(read(PROD_CONTEXT)).toMatchObject({ keepData: true, logRetention: 180 });
    expect(read({ ...TEST_CONTEXT, stage: 'hovedstaden' }).keepData).toBe(true);
    expect(read({ ...TEST_CONTEXT, stage: 'test-anna' }).keepData).toBe(false);
    expect(read({ ...TEST_CONTEXT, stage: 'testing' }).keepData).toBe(true);
    expect(read({ ...TEST_CONTEXT, keepData: 'true' }).keepData).toBe(true);
  });

  it('accepts typed values from cdk.json as well as strings from -c', () => {
    const config = read({
      ...TEST_CONTEXT,
      ladderWindows: [1, 2.5, 4],
      networkReminderDays: 14,
      keepData: true,
      baseUrl: 'https://kraeftkapacitet.regionh.example/',
      sesIdentity: 'Kraeftkapacitet@RegionH.example',
    });
    expect(config).toMatchObject({
      ladderWindows: '1,2.5,4',
      networkReminderDays: 14,
      keepData: true,
      baseUrl: 'https://kraeftkapacitet.regionh.example',
      sesIdentity: 'kraeftkapacitet@regionh.example',
    });
  });

  it('encodes a Danish display name as SES requires (RFC 2047) and quotes a plain one', () => {
    expect(fromHeader('Kræftkapacitet', 'kk@regionh.example')).toBe(
      '=?UTF-8?B?S3LDpmZ0a2FwYWNpdGV0?= <kk@regionh.example>',
    );
    expect(Buffer.from('S3LDpmZ0a2FwYWNpdGV0', 'base64').toString('utf8')).toBe('Kræftkapacitet');
    expect(fromHeader('Kraeftkapacitet Test', 'kk@regionh.example')).toBe(
      '"Kraeftkapacitet Test" <kk@regionh.example>',
    );
  });

  it('stops the app before any resource is created', () => {
    expect(() =>
      buildApp({ context: { stage: 'test', opsEmail: 'drift@regionh.example' }, bundle: false }),
    ).toThrow(/senderEmail is missing[\s\S]*-c senderEmail=/);
  });
});

describe('stages', () => {
  let prod: Synthesised;
  let custom: Synthesised;

  beforeAll(() => {
    prod = synth(PROD_CONTEXT);
    custom = synth({
      ...TEST_CONTEXT,
      stage: 'test-links',
      baseUrl: 'https://kraeftkapacitet.regionh.example',
      ladderWindows: '1,1,2',
    });
  });
  afterAll(() => {
    prod?.cleanup();
    custom?.cleanup();
  });

  it('production retains the table and protects it from deletion', () => {
    prod.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { DeletionProtectionEnabled: true },
    });
    expect(prod.stack.stackName).toBe('Kraeftkapacitet-prod');
    for (const [, logGroup] of resourcesOf(prod.json, 'AWS::Logs::LogGroup')) {
      expect(logGroup.Properties?.RetentionInDays).toBe(180);
    }
    // Only data and logs outlive the stack.
    const retained = Object.values(prod.json.Resources)
      .filter((r) => r.DeletionPolicy === 'Retain')
      .map((r) => r.Type);
    expect(new Set(retained)).toEqual(new Set(['AWS::DynamoDB::Table', 'AWS::Logs::LogGroup']));
  });

  it('a test stage is torn down with the stack: nothing is retained', () => {
    for (const [id, resource] of Object.entries(custom.json.Resources)) {
      expect(resource.DeletionPolicy ?? 'Delete', id).not.toBe('Retain');
    }
  });

  it('names everything after the stage so stages can live side by side', () => {
    custom.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'kraeftkapacitet-test-links-escalation',
    });
    custom.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'kraeftkapacitet-test-links',
    });
    expect(custom.stack.stackName).toBe('Kraeftkapacitet-test-links');
  });

  it('passes baseUrl and the ladder windows to every function and prints the base URL', () => {
    for (const [id, fn] of resourcesOf(custom.json, 'AWS::Lambda::Function')) {
      if (CDK_PROVIDED.test(id)) continue;
      expect(fn.Properties.Environment.Variables.BASE_URL).toBe('https://kraeftkapacitet.regionh.example');
      expect(fn.Properties.Environment.Variables.LADDER_WINDOWS).toBe('1,1,2');
    }
    expect(custom.json.Outputs?.AppUrl?.Value).toBe('https://kraeftkapacitet.regionh.example');
    expect(custom.json.Outputs?.ReportFormUrl?.Value).toBe(
      'https://kraeftkapacitet.regionh.example/indberet',
    );
  });
});
