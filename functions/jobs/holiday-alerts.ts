/** Scheduled (daily 07:45 Copenhagen): mails weeks at risk in the holiday plans ahead of time; evaluates ended periods. */
import middy from '@middy/core';
import { withReferenceData } from '#adapters/reference-store.ts';
import { logger, withLogContext } from '#adapters/telemetry.ts';
import { runHolidayAlerts } from '../services/holiday.ts';

export const handler = middy()
  .use(withLogContext())
  .use(withReferenceData())
  .handler(async () => {
    const result = await runHolidayAlerts();
    logger.info('holiday alerts run', { ...result });
    return result;
  });
