/**
 * Specialenheden's tools' schedules in the synthesised template, in Copenhagen time: the holiday
 * plans' reminders, alerts and evaluation, the yearly capacity check and its reminders, and the
 * external-provider register's verification reminders.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { jobRegistry } from '../../functions/jobs/registry.ts';
import { holidayEnvironment } from '../../lib/holiday-settings.ts';
import { scheduleExpressionOf } from '../../lib/schedules.ts';
import {
  functionIdWithDescription,
  resourcesOf,
  scheduleTargetOf,
  synthOnce,
  TEST_CONTEXT,
} from './helpers.ts';

const s = synthOnce(TEST_CONTEXT);

const CHECK =
  'Opens the yearly capacity check of the highly specialised functions and asks the approved departments';
const CHECK_REMINDER = 'Reminds departments that have not answered the yearly capacity check';

const REMINDER = 'Reminds departments that have not sent their plan for an upcoming holiday period';
const ALERTS =
  'E-mails weeks at risk in the holiday plans ahead of time and keeps the evaluation of ended periods';

describe('holiday plan schedules', () => {
  it('remind departments without a plan on Mondays at 09:30 Copenhagen time, through the fan-out state machine', () => {
    const fn = functionIdWithDescription(s.json, REMINDER);
    const schedules = resourcesOf(s.json, 'AWS::Scheduler::Schedule').filter(
      ([, r]) => r.Properties.ScheduleExpression === 'cron(30 9 ? * MON *)',
    );
    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.[1].Properties.ScheduleExpressionTimezone).toBe('Europe/Copenhagen');
    // A fanned-out job's schedule starts its state machine, which invokes the function.
    expect(JSON.stringify(schedules[0]?.[1].Properties.Target.Arn)).toContain('HolidayPlanReminder');
    expect(fn).toBeDefined();
  });

  it('mail weeks at risk and evaluate ended periods every day at 07:45 Copenhagen time, with a dead-letter queue', () => {
    const fn = functionIdWithDescription(s.json, ALERTS);
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(45 7 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Copenhagen',
      State: 'ENABLED',
      Target: {
        Arn: scheduleTargetOf(s.json, fn),
        DeadLetterConfig: { Arn: Match.anyValue() },
        RetryPolicy: Match.anyValue(),
      },
    });
  });

  it('pass the holiday settings to the functions only when set, validated at synth time', () => {
    expect(holidayEnvironment({})).toEqual({});
    expect(holidayEnvironment({ HOLIDAY_RISK_SHARE: '80', HOLIDAY_ALERT_WEEKS: '4' })).toEqual({
      HOLIDAY_RISK_SHARE: '80',
      HOLIDAY_ALERT_WEEKS: '4',
    });
    expect(() => holidayEnvironment({ HOLIDAY_RISK_SHARE: '170' })).toThrow(/HOLIDAY_RISK_SHARE/);
    expect(() => holidayEnvironment({ HOLIDAY_DEADLINE_WEEKS: 'otte' })).toThrow(/HOLIDAY_DEADLINE_WEEKS/);
  });
});

describe('capacity check schedules', () => {
  it('open the check on 1 September at 08:00 Copenhagen time by default, and remind on Mondays at 10:00', () => {
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 1 9 ? *)',
      ScheduleExpressionTimezone: 'Europe/Copenhagen',
      Target: Match.objectLike({ Arn: scheduleTargetOf(s.json, functionIdWithDescription(s.json, CHECK)) }),
    });
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 10 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/Copenhagen',
      Target: Match.objectLike({
        Arn: scheduleTargetOf(s.json, functionIdWithDescription(s.json, CHECK_REMINDER)),
      }),
    });
  });

  it('take the month from CAPACITY_CHECK_MONTH, read at synth time', () => {
    const job = jobRegistry({ CAPACITY_CHECK_MONTH: '11' }).find((j) => j.id === 'capacity-check');
    if (!job) throw new Error('no capacity-check job');
    const expression = scheduleExpressionOf(job.schedule);
    expect(expression.expressionString).toBe('cron(0 8 1 11 ? *)');
    expect(expression.timeZone?.timezoneName).toBe('Europe/Copenhagen');
  });
});

describe('external-provider verification schedule', () => {
  it('reminds Specialenheden on Mondays at 08:15 Copenhagen time, with a dead-letter queue', () => {
    const fn = functionIdWithDescription(
      s.json,
      'Reminds the secretariat of external providers whose details were not confirmed within the period',
    );
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(15 8 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/Copenhagen',
      State: 'ENABLED',
      Target: {
        Arn: scheduleTargetOf(s.json, fn),
        DeadLetterConfig: { Arn: Match.anyValue() },
        RetryPolicy: Match.anyValue(),
      },
    });
  });
});
