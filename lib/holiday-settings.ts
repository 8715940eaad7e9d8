/**
 * The holiday-period plans' settings (issue 13). Their schedules (plan reminders Mondays 09:30,
 * alerts and evaluation daily 07:45, Copenhagen) are entries of the job registry,
 * functions/jobs/registry.ts.
 */
import { parseHolidaySettings } from '../functions/domain/holiday.ts';

const NAMES = ['HOLIDAY_RISK_SHARE', 'HOLIDAY_ALERT_WEEKS', 'HOLIDAY_DEADLINE_WEEKS'] as const;

/**
 * The settings for every function, read at synth time: only the ones set, so an unset variable
 * keeps the code's default; checked by the same rule the functions use, so a bad value stops synth.
 */
export function holidayEnvironment(
  env: Record<string, string | undefined> = process.env,
): Record<string, string> {
  parseHolidaySettings(env);
  const out: Record<string, string> = {};
  for (const name of NAMES) {
    const value = env[name];
    if (value !== undefined && value !== '') out[name] = value;
  }
  return out;
}
