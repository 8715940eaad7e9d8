/** Scheduled: reminds owners of national-network meeting actions that fall due. */
import middy from '@middy/core';
import { sendActionReminders } from '../services/networks.ts';

export const handler = middy().handler(async () => {
  const result = await sendActionReminders();
  console.log(JSON.stringify({ message: 'network action reminders sent', ...result }));
  return result;
});
