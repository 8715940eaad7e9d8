/**
 * The weekly exchange's settings (issue 4). Its schedules (reminder Mondays 09:00, overview
 * Tuesdays 13:00, Copenhagen) are entries of the job registry, functions/jobs/registry.ts.
 */

/**
 * The weekly exchange's settings for every function, read at synth time (like the quarterly
 * schedule's): only the ones set, so an unset variable keeps the code's default.
 * WEEKLY_DEADLINE `<ISO weekday>,<HH:MM>` (default 2,12:00), WAIT_ESCALATION_WEEKS (default 2),
 * AUTO_ESCALATE `true|false` (default false).
 */
export function weeklyEnvironment(
  env: Record<string, string | undefined> = process.env,
): Record<string, string> {
  const out: Record<string, string> = {};
  const { WEEKLY_DEADLINE, WAIT_ESCALATION_WEEKS, AUTO_ESCALATE } = env;
  if (WEEKLY_DEADLINE !== undefined) {
    if (!/^[1-7],([01]?\d|2[0-3]):[0-5]\d$/.test(WEEKLY_DEADLINE))
      throw new Error('WEEKLY_DEADLINE must be "<ISO weekday 1-7>,<HH:MM>", e.g. 2,12:00');
    out.WEEKLY_DEADLINE = WEEKLY_DEADLINE;
  }
  if (WAIT_ESCALATION_WEEKS !== undefined) {
    if (!/^([1-9]|1[0-2])$/.test(WAIT_ESCALATION_WEEKS))
      throw new Error('WAIT_ESCALATION_WEEKS must be a whole number from 1 to 12');
    out.WAIT_ESCALATION_WEEKS = WAIT_ESCALATION_WEEKS;
  }
  if (AUTO_ESCALATE !== undefined) {
    if (AUTO_ESCALATE !== 'true' && AUTO_ESCALATE !== 'false')
      throw new Error('AUTO_ESCALATE must be true or false');
    out.AUTO_ESCALATE = AUTO_ESCALATE;
  }
  return out;
}
