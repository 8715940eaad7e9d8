/** Scheduled: prepares the last quarter's status for sundhedsdirektørkredsen and e-mails it. */
import middy from '@middy/core';
import { withReferenceData } from '#adapters/reference-store.ts';
import { sendQuarterlyStatus } from '../services/quarterly.ts';

export const handler = middy()
  .use(withReferenceData())
  .handler(async () => {
    const result = await sendQuarterlyStatus();
    console.log(JSON.stringify({ message: 'quarterly status sent', ...result }));
    return result;
  });
