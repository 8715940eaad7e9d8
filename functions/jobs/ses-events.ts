/**
 * SES bounce and complaint events (configuration set → SNS → this Lambda). The e-mail's tags
 * (problemId, level, recipient) tie the event to the ladder step.
 */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { logger, withLogContext } from '../adapters/telemetry.ts';
import { type DeliveryFailure, recordDeliveryFailure } from '../services/bounces.ts';

// zod/mini: the full zod API would cost this function milliseconds of cold start for two schemas.
const sesEvent = z.object({
  eventType: z.string(),
  mail: z.object({
    destination: z._default(z.array(z.string()), []),
    tags: z._default(z.record(z.string(), z.array(z.string())), {}),
  }),
  bounce: z.optional(
    z.object({
      bounceType: z.optional(z.string()),
      bouncedRecipients: z._default(
        z.array(z.object({ emailAddress: z.string(), diagnosticCode: z.optional(z.string()) })),
        [],
      ),
    }),
  ),
  complaint: z.optional(
    z.object({ complainedRecipients: z._default(z.array(z.object({ emailAddress: z.string() })), []) }),
  ),
});

const snsEvent = z.object({ Records: z.array(z.object({ Sns: z.object({ Message: z.string() }) })) });

/** Turns one SES event into the failures it reports (one per recipient). */
export function failuresFrom(message: unknown): DeliveryFailure[] {
  const parsed = sesEvent.safeParse(message);
  if (!parsed.success) return [];
  const { eventType, mail, bounce, complaint } = parsed.data;
  const tag = (name: string) => mail.tags[name]?.[0];
  const level = Number(tag('level'));
  // Only escalation e-mails are ladder steps; a bounced receipt or alert must not raise another alert.
  if (tag('purpose') !== 'escalation') return [];
  const base = { problemId: tag('problemId'), level: Number.isFinite(level) ? level : undefined };
  if (eventType === 'Bounce' && bounce) {
    // SES publishes a bounce only once it has given up (soft bounces after its own retries):
    // every Bounce event means the message did not arrive.
    return bounce.bouncedRecipients.map((r) => ({
      ...base,
      kind: 'bounce' as const,
      recipient: r.emailAddress.toLowerCase(),
      detail: r.diagnosticCode,
    }));
  }
  if (eventType === 'Complaint' && complaint) {
    return complaint.complainedRecipients.map((r) => ({
      ...base,
      kind: 'complaint' as const,
      recipient: r.emailAddress.toLowerCase(),
    }));
  }
  return [];
}

export const handler = middy()
  .use(withLogContext())
  .handler(async (event: unknown) => {
    const records = snsEvent.parse(event).Records;
    let recorded = 0;
    for (const record of records) {
      let message: unknown;
      try {
        message = JSON.parse(record.Sns.Message);
      } catch {
        logger.warn('Ignoring a non-JSON SNS message');
        continue;
      }
      for (const failure of failuresFrom(message)) {
        if ((await recordDeliveryFailure(failure)) === 'recorded') recorded++;
      }
    }
    return { recorded };
  });
