/** The holiday-period plans' schedules (plan reminders, alerts and evaluation) in the synthesised template, in Copenhagen time. */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { holidayEnvironment } from '../../lib/holiday-settings.ts';
import {
  functionIdWithDescription,
  resourcesOf,
  scheduleTargetOf,
  synthOnce,
  TEST_CONTEXT,
} from './helpers.ts';

const s = synthOnce(TEST_CONTEXT);

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
