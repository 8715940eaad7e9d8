/**
 * Schedules of the follow-up features (issue 5), in Europe/Copenhagen:
 * - QuarterlyStatus: the status for sundhedsdirektørkredsen, on day QUARTERLY_STATUS_DAY (default
 *   10) of January, April, July and October at QUARTERLY_STATUS_HOUR (default 7) — ahead of the
 *   circle's meeting; both read from the environment at synth time.
 * - ContactVerification: reminders to maintainers of unverified contacts, Mondays 08:00.
 * - NetworkActions: reminders for national-network meeting actions due by tomorrow, daily 07:30.
 */
import { TimeZone } from 'aws-cdk-lib';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import type { ScheduledJob } from './schedules.ts';

const COPENHAGEN = TimeZone.of('Europe/Copenhagen');

export function followupJobs(env: Record<string, string | undefined> = process.env): ScheduledJob[] {
  const day = env.QUARTERLY_STATUS_DAY ?? '10';
  const hour = env.QUARTERLY_STATUS_HOUR ?? '7';
  if (!/^([1-9]|1\d|2[0-8])$/.test(day)) throw new Error('QUARTERLY_STATUS_DAY must be a day 1–28');
  if (!/^(\d|1\d|2[0-3])$/.test(hour)) throw new Error('QUARTERLY_STATUS_HOUR must be an hour 0–23');
  return [
    {
      id: 'QuarterlyStatus',
      entry: 'functions/jobs/quarterly-status.ts',
      schedule: ScheduleExpression.cron({ minute: '0', hour, day, month: '1,4,7,10', timeZone: COPENHAGEN }),
      description: 'Prepares the quarterly status for the health directors and e-mails it',
      grants: { mail: true },
    },
    {
      id: 'ContactVerification',
      entry: 'functions/jobs/verify-contacts.ts',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '8', weekDay: 'MON', timeZone: COPENHAGEN }),
      description: 'Reminds maintainers of contact entries not verified within the period',
      grants: { mail: true },
    },
    {
      id: 'NetworkActions',
      entry: 'functions/jobs/network-actions.ts',
      schedule: ScheduleExpression.cron({ minute: '30', hour: '7', timeZone: COPENHAGEN }),
      description: 'Reminds owners of national-network meeting actions that fall due',
      grants: { mail: true },
    },
  ];
}

/**
 * The follow-up features' settings for every function, read at synth time like the quarterly
 * schedule's day and hour: only the ones set, so an unset variable keeps the code's default.
 * CONTACT_VERIFY_MONTHS (default 6), CONTACT_REMINDER_REPEAT_DAYS (default 30),
 * NETWORK_STANDBY_WEEKS (default 4).
 */
export function followupEnvironment(
  env: Record<string, string | undefined> = process.env,
): Record<string, string> {
  const out: Record<string, string> = {};
  const limits: Record<string, [number, number]> = {
    CONTACT_VERIFY_MONTHS: [1, 36],
    CONTACT_REMINDER_REPEAT_DAYS: [1, 365],
    NETWORK_STANDBY_WEEKS: [1, 52],
  };
  for (const [name, [min, max]] of Object.entries(limits)) {
    const value = env[name];
    if (value === undefined) continue;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`${name} must be a whole number from ${min} to ${max}`);
    out[name] = value;
  }
  return out;
}
