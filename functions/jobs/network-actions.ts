/** Scheduled: reminds owners of national-network meeting actions that fall due. */
import middy from '@middy/core';
import { withReferenceData } from '#adapters/reference-store.ts';
import { sendActionReminders } from '../services/networks.ts';

export const handler = middy()
  .use(withReferenceData())
  .handler(async () => {
    const result = await sendActionReminders();
    console.log(JSON.stringify({ message: 'network action reminders sent', ...result }));
    return result;
  });
