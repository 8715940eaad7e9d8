/** The weekly exchange's schedules (reminder, overview) in the synthesised template, in Copenhagen time. */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { weeklyEnvironment } from '../../lib/weekly-schedules.ts';
import {
  functionIdWithDescription,
  resourcesOf,
  scheduleTargetOf,
  synthOnce,
  TEST_CONTEXT,
} from './helpers.ts';

const s = synthOnce(TEST_CONTEXT);

const REMINDER = 'Reminds departments that have not reported this week’s waiting times';
const OVERVIEW = 'E-mails the weekly waiting-time overview per cancer type to the departments treating it';

describe('weekly exchange schedules', () => {
  it('remind departments on Mondays at 09:00 Copenhagen time, with retries and a dead-letter queue', () => {
    const fn = functionIdWithDescription(s.json, REMINDER);
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/Copenhagen',
      State: 'ENABLED',
      Target: {
        Arn: scheduleTargetOf(s.json, fn),
        DeadLetterConfig: { Arn: Match.anyValue() },
        RetryPolicy: Match.anyValue(),
      },
    });
  });

  it('send the overviews on Tuesdays at 13:00 Copenhagen time, after the 12:00 deadline', () => {
    const fn = functionIdWithDescription(s.json, OVERVIEW);
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 13 ? * TUE *)',
      ScheduleExpressionTimezone: 'Europe/Copenhagen',
      Target: Match.objectLike({ Arn: scheduleTargetOf(s.json, fn) }),
    });
  });

  it('let both jobs send e-mail', () => {
    for (const description of [REMINDER, OVERVIEW]) {
      const fn = functionIdWithDescription(s.json, description);
      const role = s.json.Resources[fn]?.Properties.Role['Fn::GetAtt'][0];
      const policies = resourcesOf(s.json, 'AWS::IAM::Policy').filter(([, p]) =>
        JSON.stringify(p.Properties.Roles).includes(role),
      );
      expect(JSON.stringify(policies)).toContain('ses:SendEmail');
    }
  });

  it('pass the weekly settings to the functions only when set, validated at synth time', () => {
    expect(weeklyEnvironment({})).toEqual({});
    expect(
      weeklyEnvironment({ WEEKLY_DEADLINE: '1,09:30', WAIT_ESCALATION_WEEKS: '3', AUTO_ESCALATE: 'true' }),
    ).toEqual({
      WEEKLY_DEADLINE: '1,09:30',
      WAIT_ESCALATION_WEEKS: '3',
      AUTO_ESCALATE: 'true',
    });
    expect(() => weeklyEnvironment({ WEEKLY_DEADLINE: 'tirsdag' })).toThrow(/WEEKLY_DEADLINE/);
    expect(() => weeklyEnvironment({ WAIT_ESCALATION_WEEKS: '0' })).toThrow(/WAIT_ESCALATION_WEEKS/);
    expect(() => weeklyEnvironment({ AUTO_ESCALATE: 'ja' })).toThrow(/AUTO_ESCALATE/);
  });
});
