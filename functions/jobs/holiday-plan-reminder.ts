/** Scheduled (Mondays 09:30 Copenhagen), fanned out: reminds departments without a plan for an upcoming holiday period. */
import { holidayReminderUnits, sendHolidayReminderUnit } from '../services/holiday.ts';
import { fanOutHandler } from './fan-out.ts';

export const handler = fanOutHandler({
  name: 'holiday plan reminders',
  units: holidayReminderUnits,
  work: sendHolidayReminderUnit,
  none: { sent: 0 },
});
