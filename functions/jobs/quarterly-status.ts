/** Scheduled: prepares the last quarter's status for sundhedsdirektørkredsen and e-mails it. */
import middy from '@middy/core';
import { withReferenceData } from '#adapters/reference-store.ts';
import { logger, withLogContext } from '#adapters/telemetry.ts';
import { sendQuarterlyStatus } from '../services/quarterly.ts';

export const handler = middy()
  .use(withLogContext())
  .use(withReferenceData())
  .handler(async () => {
    const result = await sendQuarterlyStatus();
    logger.info('quarterly status sent', { ...result });
    return result;
  });
