/** Scheduled, fanned out: one unit per national network, reminding owners of meeting actions that fall due. */
import { actionReminderUnits, sendActionReminderUnit } from '../services/networks.ts';
import { fanOutHandler } from './fan-out.ts';

export const handler = fanOutHandler({
  name: 'network action reminders',
  units: actionReminderUnits,
  work: sendActionReminderUnit,
  none: { reminded: 0 },
});
