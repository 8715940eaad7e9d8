/** Scheduled: reminds maintainers of contact entries not verified within the period. */
import middy from '@middy/core';
import { withReferenceData } from '#adapters/reference-store.ts';
import { sendVerificationReminders } from '../services/contacts.ts';

export const handler = middy()
  .use(withReferenceData())
  .handler(async () => {
    const result = await sendVerificationReminders();
    console.log(JSON.stringify({ message: 'contact verification reminders sent', ...result }));
    return result;
  });
