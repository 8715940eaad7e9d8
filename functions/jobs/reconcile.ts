/**
 * Scheduled: starts every open problem whose ladder is not running — never started, or stopped by
 * an error — asking Step Functions for each execution's real status (nothing accepted is lost).
 */
import middy from '@middy/core';
import { METRIC } from '../adapters/metric-names.ts';
import { count, logger, withLogContext } from '../adapters/telemetry.ts';
import { reconcileLadders } from '../services/recovery.ts';

export const handler = middy()
  .use(withLogContext())
  .handler(async () => {
    const result = await reconcileLadders();
    count(METRIC.ladderRestarts, result.started + result.restarted);
    logger.info('reconciled ladders', { ...result });
    return result;
  });
