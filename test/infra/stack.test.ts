/**
 * The synthesised test stage, bundled for real: what an administrator gets from `cdk deploy`.
 * One synth for the whole file (bundling four functions takes a few seconds).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnResource } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC } from '../../functions/adapters/metric-names.ts';
import { constructIdOf, jobRegistry } from '../../functions/jobs/registry.ts';
import { API_THROTTLE } from '../../lib/api.ts';
import { fromRoot } from '../../lib/paths.ts';
import { ESCALATION_ASL, LADDER_STEP_VARIABLE } from '../../lib/workflow.ts';
import {
  CDK_PROVIDED,
  type CfnJsonResource,
  type Json,
  rendered,
  resourcesOf,
  type Synthesised,
  synth,
  TEST_CONTEXT,
  theOne,
} from './helpers.ts';

let s: Synthesised;
/** Logical ids of the functions by role. */
let ids: { api: string; ladderStep: string; sesEvents: string; reconcile: string; ingest: string };
let stateMachineId: string;

const ref = (id: string) => ({ Ref: id });
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

beforeAll(() => {
  s = synth(TEST_CONTEXT, { bundle: true });
  const id = (c: unknown) =>
    s.stack.resolve((c as { node: { defaultChild: CfnResource } }).node.defaultChild.logicalId);
  ids = {
    api: id(s.stack.api.handler),
    ladderStep: id(s.stack.workflow.ladderStep),
    sesEvents: id(s.stack.sesEvents),
    reconcile: id(s.stack.schedules.functions.get('Reconcile')),
    ingest: id(s.stack.monitoring.ingest),
  };
  stateMachineId = id(s.stack.workflow.stateMachine);
});

afterAll(() => s?.cleanup());

/** Logical id of a scheduled job's function (functions/jobs/registry.ts). */
function jobId(job: string): string {
  const fn = s.stack.schedules.functions.get(job) as unknown as { node: { defaultChild: CfnResource } };
  return s.stack.resolve(fn.node.defaultChild.logicalId);
}
const jobIds = () => jobRegistry().map((j) => jobId(constructIdOf(j)));
const distributionId = () => resourcesOf(s.json, 'AWS::CloudFront::Distribution')[0]?.[0] as string;

/** Every IAM statement of the app's own roles, with the roles it is attached to. */
function statements(): {
  roles: string[];
  statement: { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };
}[] {
  const out: ReturnType<typeof statements> = [];
  for (const [, policy] of resourcesOf(s.json, 'AWS::IAM::Policy')) {
    const roles = (policy.Properties.Roles ?? []).map((r: { Ref: string }) => r.Ref);
    if (roles.length > 0 && roles.every((r: string) => CDK_PROVIDED.test(r))) continue;
    for (const statement of policy.Properties.PolicyDocument.Statement) out.push({ roles, statement });
  }
  for (const [roleId, role] of resourcesOf(s.json, 'AWS::IAM::Role')) {
    if (CDK_PROVIDED.test(roleId)) continue;
    for (const inline of role.Properties.Policies ?? []) {
      for (const statement of inline.PolicyDocument.Statement) out.push({ roles: [roleId], statement });
    }
  }
  return out;
}

const actionsOf = (statement: { Action: string | string[] }) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];
const resourcesOfStatement = (statement: { Resource: unknown }) =>
  Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];

/** The role logical id of a function. */
function roleOf(fnId: string): string {
  return s.json.Resources[fnId]?.Properties.Role['Fn::GetAtt'][0];
}

function actionsGrantedTo(fnId: string): string[] {
  const role = roleOf(fnId);
  return statements()
    .filter((x) => x.roles.includes(role))
    .flatMap((x) => actionsOf(x.statement));
}

describe('Lambda functions', () => {
  it('are the four handlers of the app, each on Node 22, ARM64, with X-Ray tracing and JSON logs to its own log group', () => {
    const functions = resourcesOf(s.json, 'AWS::Lambda::Function').filter(([id]) => !CDK_PROVIDED.test(id));
    expect(functions.map(([id]) => id).sort()).toEqual(
      [...new Set([...Object.values(ids), ...jobIds()])].sort(),
    );
    const logGroups = new Map(resourcesOf(s.json, 'AWS::Logs::LogGroup'));
    for (const [, fn] of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Handler).toBe('index.handler');
      expect(fn.Properties.MemorySize).toBeGreaterThanOrEqual(256);
      expect(fn.Properties.Timeout).toBeGreaterThan(3);
      expect(fn.Properties.LoggingConfig.LogFormat).toBe('JSON');
      const logGroup = logGroups.get(fn.Properties.LoggingConfig.LogGroup.Ref);
      expect(logGroup?.Properties.RetentionInDays).toBe(14);
    }
  });

  it('get the configuration the handlers read, pointing at the AWS adapters', () => {
    const smName = s.json.Resources[stateMachineId]?.Properties.StateMachineName;
    expect(smName).toBe('kraeftkapacitet-test-escalation');
    for (const id of Object.values(ids)) {
      const env = s.json.Resources[id]?.Properties.Environment.Variables;
      expect(env).toMatchObject({
        TABLE_NAME: ref(resourcesOf(s.json, 'AWS::DynamoDB::Table')[0]?.[0] as string),
        MAILER: 'ses',
        SES_CONFIGURATION_SET: 'kraeftkapacitet-test',
        SECURE_COOKIES: 'true',
        LADDER_WINDOWS: '2,3,5',
        NETWORK_REMINDER_DAYS: '7',
        NODE_OPTIONS: '--enable-source-maps',
        // Without a baseUrl, links in e-mails point at CloudFront, the public address.
        BASE_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId(), 'DomainName'] }]] },
      });
      expect(env.MAIL_FROM).toBe('=?UTF-8?B?S3LDpmZ0a2FwYWNpdGV0?= <kraeftkapacitet@regionh.example>');
      // The ARN is built from the state machine's fixed name (no reference, so no cycle).
      expect(JSON.stringify(env.STATE_MACHINE_ARN)).toContain(`:stateMachine:${smName}"`);
    }
  });

  it('all carry the Powertools environment: service name, log level, debug sampling and metrics namespace', () => {
    for (const [id, fn] of resourcesOf(s.json, 'AWS::Lambda::Function')) {
      if (CDK_PROVIDED.test(id)) continue;
      expect(fn.Properties.Environment.Variables, id).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'kraeftkapacitet',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        POWERTOOLS_LOGGER_SAMPLE_RATE: expect.stringMatching(/^0\.\d+$/),
        POWERTOOLS_METRICS_NAMESPACE: 'Kraeftkapacitet',
      });
      // A Lambda application log level would override POWERTOOLS_LOG_LEVEL and drop sampled debug.
      expect(fn.Properties.LoggingConfig.ApplicationLogLevel, id).toBeUndefined();
    }
  });

  it('are bundled as minified ESM with source maps that load in Node 22 (require shim for CommonJS dependencies)', () => {
    for (const id of Object.values(ids)) {
      const key: string = s.json.Resources[id]?.Properties.Code.S3Key;
      const dir = join(s.outdir, `asset.${key.replace(/\.zip$/, '')}`);
      const bundle = join(dir, 'index.mjs');
      expect(existsSync(bundle), `${id} bundle`).toBe(true);
      expect(existsSync(`${bundle}.map`)).toBe(true);
      const code = readFileSync(bundle, 'utf8');
      expect(code.startsWith('import { createRequire as __kkCreateRequire }')).toBe(true);
      // Import the bundle in a fresh Node process: fails on "Dynamic require ... is not supported".
      const out = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(bundle)}); console.log(typeof m.handler);`,
        ],
        {
          env: { ...process.env, TABLE_NAME: 't', AWS_REGION: 'eu-north-1', MAILER: 'ses' },
          encoding: 'utf8',
        },
      );
      expect(out.trim(), `${id} exports handler`).toBe('function');
    }
  });

  it('the api bundle carries the manifest of hashed asset names the layout links to, not the files (CloudFront serves them)', () => {
    const key: string = s.json.Resources[ids.api]?.Properties.Code.S3Key;
    const dir = join(s.outdir, `asset.${key.replace(/\.zip$/, '')}`);
    const manifest = JSON.parse(readFileSync(join(dir, 'asset-manifest.json'), 'utf8'));
    expect(manifest.files['app.css']).toMatch(/^app\.[0-9a-f]{10}\.css$/);
    expect(existsSync(join(dir, 'static'))).toBe(false);
    expect(s.json.Resources[ids.api]?.Properties.Environment.Variables.ASSET_MANIFEST).toBe(
      '/var/task/asset-manifest.json',
    );
  });

  it('each get their own bundle (code bundled locally is told apart by its entry)', () => {
    const keys = Object.values(ids).map((id) => s.json.Resources[id]?.Properties.Code.S3Key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("the api is the split build: a cold start loads the router and the route table, a page's group and texts come with its first request", () => {
    const key: string = s.json.Resources[ids.api]?.Properties.Code.S3Key;
    const dir = join(s.outdir, `asset.${key.replace(/\.zip$/, '')}`);
    const chunks = readdirSync(join(dir, 'chunks')).filter((f) => f.endsWith('.mjs'));
    const statically = (file: string) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /(?:^|[;}\n])import(?:[^"'()]*?from)?\s*["']\.\/(?:chunks\/)?([^"']+\.mjs)["']/g,
        ),
      ].map((m) => m[1] as string);
    // The entry and every chunk it imports statically: what a cold start reads.
    const cold = new Set<string>();
    const next = [join(dir, 'index.mjs')];
    for (let file = next.pop(); file; file = next.pop()) {
      if (cold.has(file)) continue;
      cold.add(file);
      next.push(...statically(file).map((chunk) => join(dir, 'chunks', chunk)));
    }
    const text = (files: Iterable<string>) => [...files].map((f) => readFileSync(f, 'utf8')).join('\n');
    const coldCode = text(cold);
    const allCode = text(chunks.map((c) => join(dir, 'chunks', c)));
    // The page texts of both languages and the S3 client ship, but not in the cold start.
    for (const marker of ['Hovedmenu', 'Skip to content', 'x-amz-bucket-region']) {
      expect(allCode, marker).toContain(marker);
      expect(coldCode, marker).not.toContain(marker);
    }
  });
});

describe('DynamoDB table', () => {
  it('is on-demand, with point-in-time recovery, KMS encryption, TTL and the two indexes the store queries', () => {
    s.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    s.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      GlobalSecondaryIndexes: ['GSI1', 'GSI2'].map((name) => ({
        IndexName: name,
        KeySchema: [
          { AttributeName: `${name}PK`, KeyType: 'HASH' },
          { AttributeName: `${name}SK`, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('is deleted with a test stage (no deletion protection)', () => {
    s.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});

describe('state machine', () => {
  /** The escalation state machine (the jobs' fan-out machines are tested in job-registry.test.ts). */
  const escalation = () => s.json.Resources[stateMachineId] as CfnJsonResource;

  it('is a Standard state machine logging ALL events with execution data, traced', () => {
    const machine = escalation();
    expect(machine.Properties.StateMachineType).toBe('STANDARD');
    expect(machine.Properties.LoggingConfiguration).toMatchObject({
      Level: 'ALL',
      IncludeExecutionData: true,
    });
    const logGroupId =
      machine.Properties.LoggingConfiguration.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn[
        'Fn::GetAtt'
      ][0];
    expect(s.json.Resources[logGroupId]?.Type).toBe('AWS::Logs::LogGroup');
    expect(machine.Properties.TracingConfiguration).toEqual({ Enabled: true });
  });

  it('deploys exactly the ASL file the local runtime runs, every Task invoking the ladder-step function', () => {
    const machine = escalation();
    // DefinitionBody.fromFile uploads the file as an asset; read what will be uploaded.
    const key: string = machine.Properties.DefinitionS3Location.Key;
    const deployed = readFileSync(join(s.outdir, `asset.${key}`), 'utf8');
    const local = readFileSync(fromRoot(ESCALATION_ASL), 'utf8');
    expect(machine.Properties.DefinitionSubstitutions).toEqual({
      [LADDER_STEP_VARIABLE]: arnOf(ids.ladderStep),
    });

    // Substitute as Step Functions does, then compare the parsed definitions.
    const fakeArn = 'arn:aws:lambda:eu-north-1:111122223333:function:ladder-step';
    const substitute = (text: string) => text.replaceAll(`\${${LADDER_STEP_VARIABLE}}`, fakeArn);
    const definition = JSON.parse(substitute(deployed));
    expect(definition).toEqual(JSON.parse(substitute(local)));
    expect(deployed).not.toMatch(/\$\{(?!LadderStepFunctionArn\})/); // no other substitution variable left
    const tasks = Object.values(definition.States as Record<string, Json>).filter((st) => st.Type === 'Task');
    expect(tasks.length).toBeGreaterThanOrEqual(5);
    for (const task of tasks) {
      expect(task.Resource).toBe('arn:aws:states:::lambda:invoke');
      expect(task.Parameters.FunctionName).toBe(fakeArn);
    }
  });

  it('may invoke the ladder-step function and nothing else; the ladder step may start a new execution of it', () => {
    const smRole = escalation().Properties.RoleArn['Fn::GetAtt'][0];
    const invoke = statements().filter(
      (x) => x.roles.includes(smRole) && actionsOf(x.statement).includes('lambda:InvokeFunction'),
    );
    expect(invoke.map((x) => x.statement.Resource)).toEqual([arnOf(ids.ladderStep)]);
    const start = statements().filter(
      (x) =>
        x.roles.includes(roleOf(ids.ladderStep)) && actionsOf(x.statement).includes('states:StartExecution'),
    );
    expect(start).toHaveLength(1);
    expect(JSON.stringify(start[0]?.statement.Resource)).toMatch(
      /:stateMachine:kraeftkapacitet-test-escalation"\]\]\}$/,
    );
  });
});

describe('escalation failure path', () => {
  const definition = () => JSON.parse(readFileSync(fromRoot(ESCALATION_ASL), 'utf8'));

  it('catches every error of every Task state into the failure path, which ends the execution as failed', () => {
    const states = definition().States as Record<string, Json>;
    const tasks = Object.entries(states).filter(([, st]) => st.Type === 'Task');
    for (const [name, task] of tasks) {
      expect(task.Catch, name).toBeDefined();
      const catchAll = (task.Catch as Json[]).find((c) => c.ErrorEquals.includes('States.ALL'));
      expect(catchAll, `${name} catches States.ALL`).toBeDefined();
      expect(['RecordFailure', 'Stopped'], name).toContain(catchAll?.Next);
    }
    expect(states.RecordFailure?.Parameters.Payload).toMatchObject({
      action: 'failed',
      'executionId.$': '$$.Execution.Id',
      'error.$': '$.error',
    });
    expect(states.RecordFailure?.Next).toBe('Stopped');
    expect(states.Stopped?.Type).toBe('Fail');
  });
});

describe('HTTP API', () => {
  it('sends every request ($default route) to the api function with payload format 2.0', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: arnOf(ids.api),
    });
  });

  it('throttles the default stage and writes a JSON access log without paths (links carry secrets there)', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: API_THROTTLE.rateLimit,
        ThrottlingBurstLimit: API_THROTTLE.burstLimit,
      },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
    const stage = theOne(s.json, 'AWS::ApiGatewayV2::Stage');
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format.status).toBe('$context.status');
    expect(Object.values(format)).not.toContain('$context.path');
  });
});

describe('SES', () => {
  it('has a configuration set that requires TLS and suppresses bounced and complaining addresses', () => {
    s.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'kraeftkapacitet-test',
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('routes bounces and complaints through an encrypted SNS topic to the ses-events function', () => {
    const destination = resourcesOf(s.json, 'AWS::SES::ConfigurationSetEventDestination').find(
      ([, d]) => d.Properties.EventDestination.SnsDestination,
    )?.[1];
    expect(destination?.Properties.EventDestination.MatchingEventTypes.sort()).toEqual([
      'bounce',
      'complaint',
    ]);
    const topicId = destination?.Properties.EventDestination.SnsDestination.TopicARN.Ref;
    expect(s.json.Resources[topicId]?.Properties.KmsMasterKeyId).toBeDefined();
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: ref(topicId),
      Endpoint: arnOf(ids.sesEvents),
      RedrivePolicy: Match.anyValue(),
    });
    // SES may publish to it, only from this account's configuration set.
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [ref(topicId)],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'ses.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: { StringEquals: Match.objectLike({ 'AWS:SourceArn': Match.anyValue() }) },
          }),
        ]),
      },
    });
  });

  it('publishes sending events to CloudWatch by configuration set', () => {
    const destination = resourcesOf(s.json, 'AWS::SES::ConfigurationSetEventDestination').find(
      ([, d]) => d.Properties.EventDestination.CloudWatchDestination,
    )?.[1];
    expect(destination?.Properties.EventDestination.MatchingEventTypes).toEqual(
      expect.arrayContaining(['send', 'bounce', 'complaint', 'reject', 'renderingFailure']),
    );
    expect(destination?.Properties.EventDestination.CloudWatchDestination.DimensionConfigurations).toEqual([
      {
        DimensionName: 'ses:configuration-set',
        DimensionValueSource: 'messageTag',
        DefaultDimensionValue: 'kraeftkapacitet-test',
      },
    ]);
  });

  it('lets exactly the api, ladder-step and ses-events functions send, from the sender address through the configuration set', () => {
    const send = statements().filter((x) => actionsOf(x.statement).includes('ses:SendEmail'));
    expect(send.length).toBeGreaterThan(0);
    for (const { statement } of send) {
      expect(actionsOf(statement)).toEqual(['ses:SendEmail']);
      const resources = resourcesOfStatement(statement).map((r) => JSON.stringify(r));
      expect(resources).toHaveLength(3);
      expect(resources.filter((r) => r.includes(':identity/regionh.example"'))).toHaveLength(1);
      expect(resources.filter((r) => r.includes(':identity/kraeftkapacitet@regionh.example"'))).toHaveLength(
        1,
      );
      expect(resources.filter((r) => r.includes(':configuration-set/kraeftkapacitet-test"'))).toHaveLength(1);
      expect(statement.Condition).toEqual({
        StringEquals: { 'ses:FromAddress': 'kraeftkapacitet@regionh.example' },
      });
    }
    const senders = new Set(send.flatMap((x) => x.roles));
    // Plus the scheduled jobs that need `mail` (quarterly status, reminders …) in the job registry.
    const mailJobs = jobRegistry()
      .filter((j) => j.needs.mail)
      .map((j) => roleOf(jobId(constructIdOf(j))));
    expect(senders).toEqual(
      new Set([roleOf(ids.api), roleOf(ids.ladderStep), roleOf(ids.sesEvents), ...mailJobs]),
    );
  });
});

describe('IAM', () => {
  it('has no statement with a wildcard action', () => {
    const all = statements();
    expect(all.length).toBeGreaterThan(10);
    for (const { statement } of all) {
      for (const action of actionsOf(statement)) expect(action, JSON.stringify(statement)).not.toContain('*');
    }
  });

  it('uses Resource "*" only for X-Ray and log delivery, which have no resource-level permissions', () => {
    const allowed = new Set([
      'xray:PutTraceSegments',
      'xray:PutTelemetryRecords',
      'xray:GetSamplingRules',
      'xray:GetSamplingTargets',
      'logs:CreateLogDelivery',
      'logs:GetLogDelivery',
      'logs:UpdateLogDelivery',
      'logs:DeleteLogDelivery',
      'logs:ListLogDeliveries',
      'logs:PutResourcePolicy',
      'logs:DescribeResourcePolicies',
      'logs:DescribeLogGroups',
    ]);
    for (const { statement } of statements()) {
      if (resourcesOfStatement(statement).includes('*')) {
        for (const action of actionsOf(statement))
          expect(allowed, JSON.stringify(statement)).toContain(action);
      }
    }
  });

  it('has wildcard resources only for this state machine’s executions (stopped and described by the api, described by the reconcile job), presigning uploads (api), reading and deleting uploads (ingest)', () => {
    const patterned = statements().filter(({ statement }) =>
      resourcesOfStatement(statement).some((r) => r !== '*' && JSON.stringify(r).includes('*')),
    );
    const summary = patterned.map(({ statement, roles }) => ({
      actions: actionsOf(statement).sort(),
      resource: JSON.stringify(statement.Resource),
      roles,
    }));
    const executions = summary.filter((x) => x.actions.some((a) => a.startsWith('states:')));
    const granted = new Map<string, Set<string>>();
    for (const { actions, resource, roles } of executions) {
      expect(resource).toContain(':execution:kraeftkapacitet-test-escalation:*');
      for (const role of roles)
        for (const action of actions) granted.set(role, new Set([...(granted.get(role) ?? []), action]));
    }
    expect(Object.fromEntries([...granted].map(([role, actions]) => [role, [...actions].sort()]))).toEqual({
      [roleOf(ids.api)]: ['states:DescribeExecution', 'states:StopExecution'],
      [roleOf(ids.reconcile)]: ['states:DescribeExecution'],
    });
    const others = summary.filter((x) => !executions.includes(x));
    expect(others).toHaveLength(2);
    const presign = others.find((x) => x.actions.includes('s3:PutObject'));
    expect(presign).toMatchObject({ actions: ['s3:PutObject'], roles: [roleOf(ids.api)] });
    expect(presign?.resource).toContain('-monitoring-');
    expect(presign?.resource).toContain('/uploads/*');
    const ingest = others.find((x) => x.actions.includes('s3:GetObject'));
    expect(ingest).toMatchObject({
      actions: ['s3:DeleteObject', 's3:GetObject'],
      roles: [roleOf(ids.ingest)],
    });
    expect(ingest?.resource).toContain('/uploads/*');
  });

  it("attaches no AWS managed policies to the app's roles", () => {
    for (const [id, role] of resourcesOf(s.json, 'AWS::IAM::Role'))
      if (!CDK_PROVIDED.test(id)) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('gives each function only the capabilities its handler uses', () => {
    const has = (fn: string, action: string) => actionsGrantedTo(fn).includes(action);
    expect(has(ids.api, 'states:StartExecution') && has(ids.api, 'states:StopExecution')).toBe(true);
    expect(has(ids.ladderStep, 'states:StartExecution')).toBe(true);
    expect(has(ids.ladderStep, 'states:StopExecution')).toBe(false);
    expect(has(ids.reconcile, 'states:StartExecution')).toBe(true);
    expect(has(ids.reconcile, 'states:DescribeExecution')).toBe(true);
    expect(has(ids.reconcile, 'states:StopExecution')).toBe(false);
    expect(has(ids.ladderStep, 'states:DescribeExecution')).toBe(false);
    expect(has(ids.reconcile, 'ses:SendEmail')).toBe(false);
    expect(has(ids.sesEvents, 'states:StartExecution')).toBe(false);
    expect(has(ids.ingest, 's3:GetObject') && has(ids.ingest, 's3:DeleteObject')).toBe(true);
    expect(has(ids.ingest, 's3:PutObject') || has(ids.ingest, 'ses:SendEmail')).toBe(false);
    expect(has(ids.ingest, 'states:StartExecution')).toBe(false);
    expect(has(ids.api, 's3:GetObject') || has(ids.api, 's3:DeleteObject')).toBe(false);
    for (const fn of Object.values(ids)) {
      expect(has(fn, 'dynamodb:Scan')).toBe(false);
      expect(has(fn, 'dynamodb:Query')).toBe(true);
    }
  });
});

describe('monitoring bucket', () => {
  const bucket = () =>
    resourcesOf(s.json, 'AWS::S3::Bucket').find(([, b]) =>
      JSON.stringify(b.Properties.BucketName ?? '').includes('-monitoring-'),
    )?.[1] as { Properties: Json };

  it('is private, encrypted and expires every object after a day', () => {
    const props = bucket().Properties;
    expect(props.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(props.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual(
      {
        SSEAlgorithm: 'AES256',
      },
    );
    expect(props.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({
        ExpirationInDays: 1,
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        Status: 'Enabled',
      }),
    ]);
    expect(props.CorsConfiguration.CorsRules[0].AllowedMethods).toEqual(['PUT']);
  });

  it('refuses requests without TLS', () => {
    s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('invokes the ingest function when an upload object is created, and S3 may invoke it from this bucket only', () => {
    const notification = bucket().Properties.NotificationConfiguration.LambdaConfigurations;
    expect(notification).toEqual([
      {
        Event: 's3:ObjectCreated:*',
        Function: arnOf(ids.ingest),
        Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'uploads/' }] } },
      },
    ]);
    const [permissionId, permission] = resourcesOf(s.json, 'AWS::Lambda::Permission').find(
      ([, p]) => p.Properties.Principal === 's3.amazonaws.com',
    ) as [string, { Properties: Json }];
    expect(permission.Properties.FunctionName).toEqual(arnOf(ids.ingest));
    expect(JSON.stringify(permission.Properties.SourceArn)).toContain('-monitoring-');
    expect(bucket()).toMatchObject({
      DependsOn: expect.arrayContaining([permissionId]),
    });
  });

  it('gives the ingest the memory and time the benchmark sized, failures to the dead-letter queue, and the bucket name to both functions', () => {
    const ingest = s.json.Resources[ids.ingest]?.Properties;
    expect(ingest.MemorySize).toBe(1024);
    expect(ingest.Timeout).toBe(120);
    const bucketName = JSON.stringify(ingest.Environment.Variables.MONITORING_BUCKET);
    expect(bucketName).toContain('kraeftkapacitet-test-monitoring-');
    expect(
      JSON.stringify(s.json.Resources[ids.api]?.Properties.Environment.Variables.MONITORING_BUCKET),
    ).toBe(bucketName);
    s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: ref(ids.ingest),
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it("gives the api the bucket's origin for the pages' CSP connect-src (the upload form's PUT), and CloudFront's headers allow it too", () => {
    const origin = rendered(s.json.Resources[ids.api]?.Properties.Environment.Variables.UPLOAD_ORIGIN);
    expect(origin).toBe(
      'https://kraeftkapacitet-test-monitoring-<AWS::AccountId>-<AWS::Region>.s3.<AWS::Region>.<AWS::URLSuffix>',
    );
    const headers = theOne(s.json, 'AWS::CloudFront::ResponseHeadersPolicy').Properties
      .ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(rendered(headers.ContentSecurityPolicy.ContentSecurityPolicy)).toContain(
      `; connect-src 'self' ${origin}`,
    );
  });
});

describe('scheduled jobs', () => {
  it('run reconciliation every five minutes with retries and a dead-letter queue', () => {
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(*/5 * * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Copenhagen',
      State: 'ENABLED',
      Target: {
        Arn: arnOf(ids.reconcile),
        DeadLetterConfig: { Arn: Match.anyValue() },
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 3 }),
      },
    });
    s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: ref(ids.reconcile),
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });
});

describe('alarms', () => {
  const alarms = () => resourcesOf(s.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
  const opsTopic = () => s.stack.resolve(s.stack.alarms.topic.topicArn);

  it('all notify the operations topic, on ALARM and on OK', () => {
    expect(alarms().length).toBeGreaterThanOrEqual(15);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions).toEqual([opsTopic()]);
      expect(alarm.OKActions).toEqual([opsTopic()]);
      expect(alarm.TreatMissingData).toBe('notBreaching');
      expect(alarm.AlarmDescription.length).toBeGreaterThan(40);
    }
  });

  it('e-mail the operations address through an encrypted topic CloudWatch is allowed to use', () => {
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: TEST_CONTEXT.opsEmail,
      TopicArn: opsTopic(),
    });
    const topic = s.json.Resources[opsTopic().Ref];
    const keyId = topic?.Properties.KmsMasterKeyId['Fn::GetAtt'][0];
    const key = s.json.Resources[keyId];
    expect(key?.Properties.EnableKeyRotation).toBe(true);
    for (const service of ['cloudwatch.amazonaws.com', 'ses.amazonaws.com']) {
      expect(key?.Properties.KeyPolicy.Statement).toContainEqual(
        expect.objectContaining({
          Principal: { Service: service },
          Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        }),
      );
    }
  });

  it('watch errors and throttles of every function', () => {
    for (const fn of Object.values(ids)) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(
          alarms().some(
            (a) =>
              a.Namespace === 'AWS/Lambda' && a.MetricName === metric && a.Dimensions?.[0]?.Value?.Ref === fn,
          ),
          `${metric} of ${fn}`,
        ).toBe(true);
      }
    }
  });

  it('watch failed and timed-out executions, API 5xx, the dead-letter queue and SES sending', () => {
    const has = (namespace: string, metric: string) =>
      alarms().some((a) => a.Namespace === namespace && a.MetricName === metric && a.Threshold > 0);
    expect(has('AWS/States', 'ExecutionsFailed')).toBe(true);
    expect(has('AWS/States', 'ExecutionsTimedOut')).toBe(true);
    expect(has('AWS/ApiGateway', '5xx')).toBe(true);
    expect(has('AWS/SQS', 'ApproximateNumberOfMessagesVisible')).toBe(true);
    expect(has('AWS/SES', 'Reject')).toBe(true);
    expect(has('AWS/SES', 'Reputation.BounceRate')).toBe(true);
    expect(has('AWS/SES', 'Reputation.ComplaintRate')).toBe(true);
    const reject = alarms().find((a) => a.MetricName === 'Reject');
    expect(reject?.Dimensions).toEqual([{ Name: 'ses:configuration-set', Value: 'kraeftkapacitet-test' }]);
  });

  it('watch the application’s own counts: failed ladder steps and failed e-mails', () => {
    for (const metric of ['LadderFailures', 'MailsFailed']) {
      const alarm = alarms().find((a) => a.Namespace === 'Kraeftkapacitet' && a.MetricName === metric);
      expect(alarm, metric).toBeDefined();
      expect(alarm?.Threshold).toBe(1);
      // The functions write their metrics with this one dimension (functions/adapters/telemetry.ts).
      expect(alarm?.Dimensions).toEqual([{ Name: 'service', Value: 'kraeftkapacitet' }]);
    }
  });
});

describe('dashboard', () => {
  it('shows every application metric the functions write', () => {
    const dashboards = resourcesOf(s.json, 'AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(s.stack.resolve(dashboards[0]?.[1].Properties.DashboardBody));
    for (const name of Object.values(METRIC)) expect(body, name).toContain(`\\"${name}\\"`);
    expect(body).toContain('Kraeftkapacitet');
  });
});

describe('outputs', () => {
  it('print the application URL, the table for the contact import and the alarm topic', () => {
    const outputs = s.json.Outputs ?? {};
    const domain = { 'Fn::GetAtt': [distributionId(), 'DomainName'] };
    expect(outputs.AppUrl?.Value).toEqual({ 'Fn::Join': ['', ['https://', domain]] });
    expect(outputs.ReportFormUrl?.Value).toEqual({ 'Fn::Join': ['', ['https://', domain, '/indberet']] });
    expect(outputs.DistributionDomainName?.Value).toEqual(domain);
    expect(outputs.TableName?.Value).toEqual(
      ref(resourcesOf(s.json, 'AWS::DynamoDB::Table')[0]?.[0] as string),
    );
    expect(outputs.OpsTopicArn).toBeDefined();
    expect(outputs.StateMachineArn).toBeDefined();
  });
});
