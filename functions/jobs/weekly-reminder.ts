/** Scheduled (Mondays 09:00 Copenhagen), fanned out: reminds departments without a report, 25 departments a unit. */
import { sendWeeklyReminderUnit, weeklyReminderUnits } from '../services/weekly.ts';
import { fanOutHandler } from './fan-out.ts';

export const handler = fanOutHandler({
  name: 'weekly reminders',
  units: weeklyReminderUnits,
  work: sendWeeklyReminderUnit,
  none: { sent: 0, departments: 0 },
});
