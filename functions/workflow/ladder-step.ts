/** Lambda invoked by every Task state of statemachines/escalation.asl.json. */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { METRIC } from '#adapters/metric-names.ts';
import { withReferenceData } from '#adapters/reference-store.ts';
import { count, logger, withLogContext } from '#adapters/telemetry.ts';
import { executionName } from '#adapters/workflow.ts';
import { runStep, type StepState } from '../services/ladder.ts';

// zod/mini: this input is all the step validates, and it runs on every cold start of the ladder.
const inputSchema = z.object({
  action: z.enum(['begin', 'notify', 'check', 'continue']),
  problemId: z.string().check(z.regex(/^[0-9A-Z]{10}$/)),
  generation: z._default(z.int().check(z.gte(0)), 0),
  level: z.optional(z.int().check(z.gte(1), z.lte(4))),
  round: z.optional(z.int().check(z.gte(0))),
});

export const handler = middy<unknown, StepState>()
  .use(withLogContext())
  .use(withReferenceData())
  .handler(async (event) => {
    const input = inputSchema.parse(event);
    // Every line of this step names the problem and its execution (the execution name is derived).
    logger.appendKeys({ problemId: input.problemId, execution: executionName(input), action: input.action });
    try {
      return await runStep(input);
    } catch (error) {
      // Step Functions retries the step; the count shows a ladder in trouble before it fails.
      count(METRIC.ladderFailures);
      logger.error('ladder step failed', error as Error);
      throw error;
    }
  });
