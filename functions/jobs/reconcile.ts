/** Scheduled: starts the workflow of every stored problem whose start failed (nothing accepted is lost). */
import middy from '@middy/core';
import { METRIC } from '../adapters/metric-names.ts';
import { count, logger, withLogContext } from '../adapters/telemetry.ts';
import { reconcileWorkflowStarts } from '../services/problems.ts';

export const handler = middy()
  .use(withLogContext())
  .handler(async () => {
    const result = await reconcileWorkflowStarts();
    count(METRIC.ladderRestarts, result.started);
    logger.info('reconciled workflow starts', { ...result });
    return result;
  });
