/** Scheduled, fanned out: reminds maintainers of contact entries not verified within the period, 25 maintainers a unit. */
import { sendVerificationReminderUnit, verificationReminderUnits } from '../services/contacts.ts';
import { fanOutHandler } from './fan-out.ts';

export const handler = fanOutHandler({
  name: 'contact verification reminders',
  units: verificationReminderUnits,
  work: sendVerificationReminderUnit,
  none: { maintainers: 0, contacts: 0 },
});
