/** Scheduled (the 1st of CAPACITY_CHECK_MONTH, default September, 08:00 Copenhagen): opens next year's capacity check and asks the approved departments. */
import middy from '@middy/core';
import { withReferenceData } from '#adapters/reference-store.ts';
import { logger, withLogContext } from '#adapters/telemetry.ts';
import { openCapacityCheck } from '../services/capacity-check.ts';

export const handler = middy()
  .use(withLogContext())
  .use(withReferenceData())
  .handler(async () => {
    const result = await openCapacityCheck();
    logger.info('capacity check opened', { ...result });
    return result;
  });
