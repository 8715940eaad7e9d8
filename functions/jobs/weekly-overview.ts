/** Scheduled (Tuesdays 13:00 Copenhagen): the overview per cancer type to the departments treating it. */
import middy from '@middy/core';
import { withReferenceData } from '#adapters/reference-store.ts';
import { sendWeeklyOverviews } from '../services/weekly.ts';

export const handler = middy()
  .use(withReferenceData())
  .handler(async () => {
    const result = await sendWeeklyOverviews();
    console.log(JSON.stringify({ message: 'weekly overviews sent', ...result }));
    return result;
  });
