/** Lambda invoked by every Task state of statemachines/escalation.asl.json. */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { withReferenceData } from '#adapters/reference-store.ts';
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
  .use(withReferenceData())
  .handler(async (event) => runStep(inputSchema.parse(event)));
