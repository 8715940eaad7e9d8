/** Scheduled (Mondays 09:00 Copenhagen): reminds departments without a report for the week. */
import middy from '@middy/core';
import { withReferenceData } from '#adapters/reference-store.ts';
import { sendWeeklyReminders } from '../services/weekly.ts';

export const handler = middy()
  .use(withReferenceData())
  .handler(async () => {
    const result = await sendWeeklyReminders();
    console.log(JSON.stringify({ message: 'weekly reminders sent', ...result }));
    return result;
  });
