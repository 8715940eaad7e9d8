/** Lambda invoked by every Task state of statemachines/escalation.asl.json. */
import middy from '@middy/core';
import { z } from 'zod';
import { withReferenceData } from '#adapters/reference-store.ts';
import { runStep, type StepState } from '../services/ladder.ts';

const inputSchema = z.object({
  action: z.enum(['begin', 'notify', 'check', 'continue']),
  problemId: z.string().regex(/^[0-9A-Z]{10}$/),
  generation: z.number().int().min(0).default(0),
  level: z.number().int().min(1).max(4).optional(),
  round: z.number().int().min(0).optional(),
});

export const handler = middy<unknown, StepState>()
  .use(withReferenceData())
  .handler(async (event) => runStep(inputSchema.parse(event)));
