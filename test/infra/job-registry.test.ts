/**
 * The job registry (functions/jobs/registry.ts) is the one definition of every scheduled job:
 * the synthesised stack and the local scheduler both follow it, and the README shows it.
 */
import { readFileSync } from 'node:fs';
import { Cron } from 'croner';
import { afterAll, describe, expect, it } from 'vitest';
import {
  constructIdOf,
  FAN_OUT_ASL,
  FAN_OUT_FUNCTION_VARIABLE,
  jobRegistry,
} from '../../functions/jobs/registry.ts';
import { fromRoot } from '../../lib/paths.ts';
import { scheduleJobs } from '../../local/jobs.ts';
import { jobsPage } from '../../local/pages.ts';
import { jobsTable, README } from '../../scripts/jobs-table.ts';
import {
  functionIdWithDescription,
  resourcesOf,
  scheduleTargetOf,
  synthOnce,
  TEST_CONTEXT,
} from './helpers.ts';

const s = synthOnce(TEST_CONTEXT);
const jobs = jobRegistry({});
const local = scheduleJobs(jobs, { paused: true });
afterAll(() => {
  for (const cron of local) cron.stop();
});

/** EventBridge's six-field cron → croner's five fields: `?` means "any", the year field goes. */
function asCroner(expression: string): string {
  const fields = /^cron\((.*)\)$/.exec(expression)?.[1]?.split(' ') ?? [];
  expect(fields, expression).toHaveLength(6);
  return fields
    .slice(0, 5)
    .map((f) => (f === '?' ? '*' : f))
    .join(' ');
}

function scheduleOf(fnId: string) {
  const target = JSON.stringify(scheduleTargetOf(s.json, fnId));
  const schedules = resourcesOf(s.json, 'AWS::Scheduler::Schedule').filter(
    ([, r]) => JSON.stringify(r.Properties.Target.Arn) === target,
  );
  expect(schedules).toHaveLength(1);
  return schedules[0]?.[1].Properties;
}

type Statement = { Action: string | string[]; Resource: unknown };

function statementsOfRole(role: string): Statement[] {
  return resourcesOf(s.json, 'AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
}

const actionsOf = (st: Statement) => (Array.isArray(st.Action) ? st.Action : [st.Action]);

function actionsOfRole(fnId: string): string[] {
  return statementsOfRole(s.json.Resources[fnId]?.Properties.Role['Fn::GetAtt'][0]).flatMap(actionsOf);
}

describe('the job registry', () => {
  it('is synthesised job by job with the same schedule, in the same zone, as the local scheduler runs', () => {
    expect(jobs.length).toBeGreaterThanOrEqual(6);
    expect(resourcesOf(s.json, 'AWS::Scheduler::Schedule')).toHaveLength(jobs.length);
    for (const [index, job] of jobs.entries()) {
      const aws = scheduleOf(functionIdWithDescription(s.json, job.description));
      const cron = local[index] as Cron;
      expect(aws.ScheduleExpressionTimezone, job.id).toBe('Europe/Copenhagen');
      expect(cron.options.timezone, job.id).toBe('Europe/Copenhagen');
      expect(asCroner(aws.ScheduleExpression), job.id).toBe(cron.getPattern());
      // The same instants, e.g. across the switch to summer time.
      const from = new Date('2027-03-20T00:00:00Z');
      const awsRuns = new Cron(asCroner(aws.ScheduleExpression), {
        timezone: 'Europe/Copenhagen',
        paused: true,
      });
      expect(awsRuns.nextRuns(5, from), job.id).toEqual(cron.nextRuns(5, from));
      awsRuns.stop();
    }
  });

  it('parks a failed asynchronous run of a directly invoked job in the dead-letter queue', () => {
    const configs = resourcesOf(s.json, 'AWS::Lambda::EventInvokeConfig').map(([, c]) => c.Properties);
    for (const job of jobs) {
      const fnId = functionIdWithDescription(s.json, job.description);
      const config = configs.find((c) => c.FunctionName.Ref === fnId);
      // A fanned-out job's function is only invoked synchronously, by its state machine.
      expect(config?.DestinationConfig.OnFailure.Destination, job.id).toEqual(
        job.fanOut ? undefined : { 'Fn::GetAtt': [expect.stringMatching(/^DeadLetters/), 'Arn'] },
      );
    }
  });

  it('grants each job exactly what it needs: mail and workflow only where the registry says', () => {
    for (const job of jobs) {
      const actions = actionsOfRole(functionIdWithDescription(s.json, job.description));
      expect(actions, job.id).toContain('dynamodb:Query');
      expect(actions.includes('ses:SendEmail'), job.id).toBe(job.needs.mail === true);
      expect(actions.includes('states:StartExecution'), job.id).toBe(job.needs.workflow === true);
    }
  });

  it('keeps the documented ids and construct names', () => {
    expect(jobs.map((j) => j.id)).toEqual([
      'reconcile',
      'quarterly-status',
      'contact-verification',
      'provider-verification',
      'network-actions',
      'weekly-reminder',
      'weekly-overview',
      'holiday-plan-reminder',
      'holiday-alerts',
      'capacity-check',
      'capacity-check-reminder',
    ]);
    expect(constructIdOf({ id: 'weekly-reminder' })).toBe('WeeklyReminder');
  });

  it('is what /local/jobs lists', async () => {
    const page = await jobsPage({
      method: 'GET',
      path: '/local/jobs',
      params: {},
      query: new URLSearchParams(),
      headers: { accept: 'application/json' },
      cookies: {},
      body: '',
      wantsJson: true,
      lang: 'da',
    });
    expect(JSON.parse(page.body ?? '{}').jobs.map((j: { id: string }) => j.id)).toEqual(
      jobs.map((j) => j.id),
    );
  });

  it('is what the README’s job table shows (regenerate with `npx tsx scripts/jobs-table.ts`)', () => {
    expect(readFileSync(README, 'utf8')).toContain(jobsTable(jobs));
  });
});

describe('fanned-out jobs', () => {
  const fanOut = jobs.filter((j) => j.fanOut);
  const machineOf = (fnId: string): string => scheduleTargetOf(s.json, fnId).Ref;

  it('are the jobs that mail departments, maintainers or action owners across the country', () => {
    expect(fanOut.map((j) => j.id).sort()).toEqual([
      'contact-verification',
      'holiday-plan-reminder',
      'network-actions',
      'weekly-overview',
      'weekly-reminder',
    ]);
  });

  it('each run a Standard state machine, logged and traced, that may invoke its job function and nothing else', () => {
    for (const job of fanOut) {
      const fnId = functionIdWithDescription(s.json, job.description);
      const machine = s.json.Resources[machineOf(fnId)];
      expect(machine?.Type, job.id).toBe('AWS::StepFunctions::StateMachine');
      expect(machine?.Properties.StateMachineType).toBe('STANDARD');
      expect(machine?.Properties.LoggingConfiguration).toMatchObject({
        Level: 'ALL',
        IncludeExecutionData: true,
      });
      expect(machine?.Properties.TracingConfiguration).toEqual({ Enabled: true });
      expect(machine?.Properties.DefinitionSubstitutions).toEqual({
        JobFunctionArn: { 'Fn::GetAtt': [fnId, 'Arn'] },
      });
      const invoke = statementsOfRole(machine?.Properties.RoleArn['Fn::GetAtt'][0]).filter((st) =>
        actionsOf(st).includes('lambda:InvokeFunction'),
      );
      expect(invoke.map((st) => st.Resource)).toEqual([{ 'Fn::GetAtt': [fnId, 'Arn'] }]);
    }
  });

  it('are started by their schedule, whose role may start that one state machine, with retries and a dead-letter queue', () => {
    for (const job of fanOut) {
      const machine = machineOf(functionIdWithDescription(s.json, job.description));
      const schedule = scheduleOf(functionIdWithDescription(s.json, job.description));
      expect(schedule.Target.DeadLetterConfig.Arn).toBeDefined();
      expect(schedule.Target.RetryPolicy.MaximumRetryAttempts).toBe(3);
      const start = statementsOfRole(schedule.Target.RoleArn['Fn::GetAtt'][0]);
      expect(start.map((st) => [actionsOf(st), st.Resource])).toEqual([
        [['states:StartExecution'], { Ref: machine }],
        [['sqs:SendMessage'], schedule.Target.DeadLetterConfig.Arn],
      ]);
    }
  });

  it('raise an alarm when a run fails or times out', () => {
    const alarms = resourcesOf(s.json, 'AWS::CloudWatch::Alarm').map(([, a]) => JSON.stringify(a.Properties));
    for (const job of fanOut) {
      const machine = machineOf(functionIdWithDescription(s.json, job.description));
      const alarm = alarms.find((a) => a.includes('ExecutionsFailed') && a.includes(`{"Ref":"${machine}"}`));
      expect(alarm, job.id).toContain('ExecutionsTimedOut');
      expect(alarm).toContain(`kraeftkapacitet-test-job-${constructIdOf(job).toLowerCase()}-failed`);
    }
  });

  it('work at most a few units at once, and a unit that keeps failing does not stop the others', () => {
    const asl = JSON.parse(readFileSync(fromRoot(FAN_OUT_ASL), 'utf8'));
    const map = asl.States.WorkUnits;
    expect(map.Type).toBe('Map');
    expect(map.MaxConcurrency).toBeGreaterThan(1);
    expect(map.MaxConcurrency).toBeLessThanOrEqual(10);
    const work = map.ItemProcessor.States.WorkUnit;
    expect(work.Catch).toEqual([
      expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'UnitFailed' }),
    ]);
    for (const task of [asl.States.ListUnits, work, asl.States.Summarise]) {
      expect(task.Parameters.FunctionName).toBe(`\${${FAN_OUT_FUNCTION_VARIABLE}}`);
    }
  });
});
