/**
 * The follow-up features' settings (issue 5). Their schedules (quarterly status, contact
 * verification, network actions) are entries of the job registry, functions/jobs/registry.ts.
 */

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
