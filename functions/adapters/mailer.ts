/**
 * The mailer port: SES v2 in AWS, the outbox (stored in the table, shown at /local/outbox) locally.
 * One message per recipient, because every e-mail carries links bound to its recipient.
 */
import { randomUUID } from 'node:crypto';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Level } from '#domain/ladder.ts';
import { config } from './config.ts';
import { installedAdapter } from './deps.ts';
import { METRIC } from './metric-names.ts';
import { putOutboxMessage } from './store.ts';
import { count, logger } from './telemetry.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  purpose: string;
  problemId?: string;
  level?: Level;
  /**
   * The claimed delivery this message is (store.ts claimDelivery): a repeated delivery after a
   * sender died mid-send. The outbox writes the same item again; SES cannot tell, so there the
   * crash window between the send and its confirmation may deliver twice.
   */
  delivery?: { id: string; at: string };
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

/** SES tag values allow letters, digits, `_ - . @` only. */
function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);
}

export function sesMailer(client = new SESv2Client({ region: config().AWS_REGION })): Mailer {
  return {
    async send(message) {
      const { MAIL_FROM, SES_CONFIGURATION_SET } = config();
      const out = await client.send(
        new SendEmailCommand({
          FromEmailAddress: MAIL_FROM,
          Destination: { ToAddresses: [message.to] },
          ConfigurationSetName: SES_CONFIGURATION_SET,
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: message.text, Charset: 'UTF-8' },
                Html: { Data: message.html, Charset: 'UTF-8' },
              },
            },
          },
          // Tags come back on bounce/complaint events, tying them to the problem and recipient.
          EmailTags: [
            { Name: 'purpose', Value: tagValue(message.purpose) },
            { Name: 'recipient', Value: tagValue(message.to) },
            ...(message.problemId ? [{ Name: 'problemId', Value: tagValue(message.problemId) }] : []),
            ...(message.level ? [{ Name: 'level', Value: String(message.level) }] : []),
          ],
        }),
      );
      return { messageId: out.MessageId ?? 'unknown' };
    },
  };
}

export function outboxMailer(): Mailer {
  return {
    async send(message) {
      // A repeated delivery (store.ts claimDelivery) is written as the same item: never twice.
      const id = message.delivery?.id ?? randomUUID();
      await putOutboxMessage({
        id,
        sentAt: message.delivery?.at ?? new Date().toISOString(),
        from: config().MAIL_FROM,
        to: [message.to],
        subject: message.subject,
        text: message.text,
        html: message.html,
        purpose: message.purpose,
        problemId: message.problemId,
        level: message.level,
      });
      return { messageId: id };
    },
  };
}

let built: Mailer | undefined;

/**
 * The mailer: the installed one (local runtime, tests), else SES or the outbox per `MAILER`,
 * built on first use. Only code that sends mail imports this, so only its bundles hold SES.
 */
export function mailer(): Mailer {
  const installed = installedAdapter('mailer');
  if (installed) return counted(installed);
  built ??= counted(config().MAILER === 'ses' ? sesMailer() : outboxMailer());
  return built;
}

/** Every send counted as sent or failed (MailsSent / MailsFailed), whichever mailer sends. */
function counted(inner: Mailer): Mailer {
  return {
    async send(message) {
      try {
        const result = await inner.send(message);
        count(METRIC.mailsSent);
        return result;
      } catch (error) {
        count(METRIC.mailsFailed);
        logger.warn('e-mail not sent', { purpose: message.purpose, problemId: message.problemId, error });
        throw error;
      }
    },
  };
}
