/** Scheduled (Mondays 10:00 Copenhagen): reminds departments that have not answered the open capacity check. */
import middy from '@middy/core';
import { withReferenceData } from '#adapters/reference-store.ts';
import { logger, withLogContext } from '#adapters/telemetry.ts';
import { remindCapacityCheck } from '../services/capacity-check.ts';

export const handler = middy()
  .use(withLogContext())
  .use(withReferenceData())
  .handler(async () => {
    const result = await remindCapacityCheck();
    logger.info('capacity check reminders sent', { ...result });
    return result;
  });
