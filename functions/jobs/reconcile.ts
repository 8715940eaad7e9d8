/** Scheduled: starts the workflow of every stored problem whose start failed (nothing accepted is lost). */
import middy from '@middy/core';
import { reconcileWorkflowStarts } from '../services/problems.ts';

export const handler = middy().handler(async () => {
  const result = await reconcileWorkflowStarts();
  console.log(JSON.stringify({ message: 'reconciled workflow starts', ...result }));
  return result;
});
