/** Lambda invoked by every Task state of statemachines/escalation.asl.json. */
import middy from '@middy/core';
import { z } from 'zod';
import { runStep, type StepState } from '../services/ladder.ts';

const problemId = z.string().regex(/^[0-9A-Z]{10}$/);
const generation = z.number().int().min(0).default(0);

const inputSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.enum(['begin', 'notify', 'check', 'continue']),
    problemId,
    generation,
    level: z.number().int().min(1).max(4).optional(),
    round: z.number().int().min(0).optional(),
  }),
  // The failure path (RecordFailure): the Catch's error and the execution's id.
  z.object({
    action: z.literal('failed'),
    problemId,
    generation,
    executionId: z.string().min(1).max(2048),
    error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
  }),
]);

export const handler = middy<unknown, StepState | undefined>().handler(async (event) =>
  runStep(inputSchema.parse(event)),
);
