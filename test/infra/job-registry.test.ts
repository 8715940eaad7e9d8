/**
 * The job registry (functions/jobs/registry.ts) is the one definition of every scheduled job:
 * the synthesised stack and the local scheduler both follow it, and the README shows it.
 */
import { readFileSync } from 'node:fs';
import { Cron } from 'croner';
import { afterAll, describe, expect, it } from 'vitest';
import { constructIdOf, jobRegistry } from '../../functions/jobs/registry.ts';
import { scheduleJobs } from '../../local/jobs.ts';
import { jobsPage } from '../../local/pages.ts';
import { jobsTable, README } from '../../scripts/jobs-table.ts';
import { functionIdWithDescription, resourcesOf, synthOnce, TEST_CONTEXT } from './helpers.ts';

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
  const schedules = resourcesOf(s.json, 'AWS::Scheduler::Schedule').filter(
    ([, r]) => r.Properties.Target.Arn['Fn::GetAtt']?.[0] === fnId,
  );
  expect(schedules).toHaveLength(1);
  return schedules[0]?.[1].Properties;
}

function actionsOfRole(fnId: string): string[] {
  const role = s.json.Resources[fnId]?.Properties.Role['Fn::GetAtt'][0];
  return resourcesOf(s.json, 'AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(role))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
    .flatMap((st: { Action: string | string[] }) => (Array.isArray(st.Action) ? st.Action : [st.Action]));
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
      'network-actions',
      'weekly-reminder',
      'weekly-overview',
    ]);
    expect(constructIdOf({ id: 'weekly-reminder' })).toBe('WeeklyReminder');
  });

  it('is what /local/jobs lists', async () => {
    const page = await jobsPage(true);
    expect(JSON.parse(page.body ?? '{}').jobs.map((j: { id: string }) => j.id)).toEqual(
      jobs.map((j) => j.id),
    );
  });

  it('is what the README’s job table shows (regenerate with `npx tsx scripts/jobs-table.ts`)', () => {
    expect(readFileSync(README, 'utf8')).toContain(jobsTable(jobs));
  });
});
