/** Lambda invoked by every Task state of statemachines/escalation.asl.json. */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { withReferenceData } from '#adapters/reference-store.ts';
import { runStep, type StepState } from '../services/ladder.ts';

// zod/mini: this input is all the step validates, and it runs on every cold start of the ladder.
const problemId = z.string().check(z.regex(/^[0-9A-Z]{10}$/));
const generation = z._default(z.int().check(z.gte(0)), 0);

const inputSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.enum(['begin', 'notify', 'check', 'continue']),
    problemId,
    generation,
    level: z.optional(z.int().check(z.gte(1), z.lte(4))),
    round: z.optional(z.int().check(z.gte(0))),
  }),
  // The failure path (RecordFailure): the Catch's error and the execution's id.
  z.object({
    action: z.literal('failed'),
    problemId,
    generation,
    executionId: z.string().check(z.minLength(1), z.maxLength(2048)),
    error: z.optional(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
  }),
]);

export const handler = middy<unknown, StepState | undefined>()
  .use(withReferenceData())
  .handler(async (event) => runStep(inputSchema.parse(event)));
