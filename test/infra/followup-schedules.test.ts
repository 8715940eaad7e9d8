/** The follow-up features' schedules (quarterly status, contact verification) in the synthesised template. */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { jobRegistry } from '../../functions/jobs/registry.ts';
import { followupEnvironment } from '../../lib/followup-schedules.ts';
import { scheduleExpressionOf } from '../../lib/schedules.ts';
import {
  functionIdWithDescription,
  resourcesOf,
  scheduleTargetOf,
  synthOnce,
  TEST_CONTEXT,
} from './helpers.ts';

const s = synthOnce(TEST_CONTEXT);

describe('follow-up schedules', () => {
  it('prepare the quarterly status on the 10th of Jan/Apr/Jul/Oct at 07:00 Copenhagen time, with a DLQ', () => {
    const fn = functionIdWithDescription(
      s.json,
      'Prepares the quarterly status for the health directors and e-mails it',
    );
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 10 1,4,7,10 ? *)',
      ScheduleExpressionTimezone: 'Europe/Copenhagen',
      State: 'ENABLED',
      Target: {
        Arn: scheduleTargetOf(s.json, fn),
        DeadLetterConfig: { Arn: Match.anyValue() },
        RetryPolicy: Match.anyValue(),
      },
    });
  });

  it('remind contact maintainers on Mondays at 08:00 Copenhagen time', () => {
    const fn = functionIdWithDescription(
      s.json,
      'Reminds maintainers of contact entries not verified within the period',
    );
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/Copenhagen',
      Target: Match.objectLike({ Arn: scheduleTargetOf(s.json, fn) }),
    });
  });

  it('remind owners of network meeting actions daily at 07:30 Copenhagen time', () => {
    const fn = functionIdWithDescription(
      s.json,
      'Reminds owners of national-network meeting actions that fall due',
    );
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 7 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Copenhagen',
      Target: Match.objectLike({ Arn: scheduleTargetOf(s.json, fn) }),
    });
  });

  it('let the three jobs send e-mail', () => {
    for (const description of [
      'Reminds owners of national-network meeting actions that fall due',
      'Prepares the quarterly status for the health directors and e-mails it',
      'Reminds maintainers of contact entries not verified within the period',
    ]) {
      const fn = functionIdWithDescription(s.json, description);
      const role = s.json.Resources[fn]?.Properties.Role['Fn::GetAtt'][0];
      const policies = resourcesOf(s.json, 'AWS::IAM::Policy').filter(([, p]) =>
        JSON.stringify(p.Properties.Roles).includes(role),
      );
      expect(JSON.stringify(policies)).toContain('ses:SendEmail');
    }
  });

  it('take the quarterly date from the environment', () => {
    const [quarterly] = jobRegistry({ QUARTERLY_STATUS_DAY: '3', QUARTERLY_STATUS_HOUR: '6' }).filter(
      (j) => j.id === 'quarterly-status',
    );
    if (!quarterly) throw new Error('no quarterly-status job');
    const expression = scheduleExpressionOf(quarterly.schedule);
    expect(expression.expressionString).toBe('cron(0 6 3 1,4,7,10 ? *)');
    expect(expression.timeZone?.timezoneName).toBe('Europe/Copenhagen');
    expect(() => jobRegistry({ QUARTERLY_STATUS_DAY: '31' })).toThrow(/QUARTERLY_STATUS_DAY/);
    expect(() => jobRegistry({ QUARTERLY_STATUS_HOUR: '24' })).toThrow(/QUARTERLY_STATUS_HOUR/);
  });
});

describe('follow-up settings for the functions', () => {
  it('passes only the settings given at synth and refuses values out of range', () => {
    expect(followupEnvironment({})).toEqual({});
    expect(followupEnvironment({ CONTACT_VERIFY_MONTHS: '12', NETWORK_STANDBY_WEEKS: '6' })).toEqual({
      CONTACT_VERIFY_MONTHS: '12',
      NETWORK_STANDBY_WEEKS: '6',
    });
    expect(() => followupEnvironment({ CONTACT_VERIFY_MONTHS: '0' })).toThrow(/CONTACT_VERIFY_MONTHS/);
    expect(() => followupEnvironment({ CONTACT_REMINDER_REPEAT_DAYS: 'ofte' })).toThrow(
      /CONTACT_REMINDER_REPEAT_DAYS/,
    );
  });
});
