/** Scheduled (Mondays 08:15 Copenhagen): reminds Specialenheden of external providers not confirmed within the period. */
import middy from '@middy/core';
import { logger, withLogContext } from '#adapters/telemetry.ts';
import { sendProviderVerificationReminders } from '../services/provider-verification.ts';

export const handler = middy()
  .use(withLogContext())
  .handler(async () => {
    const result = await sendProviderVerificationReminders();
    logger.info('external provider verification reminders sent', { ...result });
    return result;
  });
