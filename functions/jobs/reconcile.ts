/**
 * Scheduled: starts every open problem whose ladder is not running — never started, or stopped by
 * an error — asking Step Functions for each execution's real status (nothing accepted is lost).
 */
import middy from '@middy/core';
import { reconcileLadders } from '../services/recovery.ts';

export const handler = middy().handler(async () => {
  const result = await reconcileLadders();
  console.log(JSON.stringify({ message: 'reconciled ladders', ...result }));
  return result;
});
