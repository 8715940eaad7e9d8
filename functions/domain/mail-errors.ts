/**
 * What a failed e-mail send means for the ladder, from the error's name (SES v2 names; the
 * outbox raises none). Throttling and transient errors are retried with backoff; a rejected
 * address marks that contact unreachable and the level goes on; a fatal error (the sending
 * account paused, the sender not verified) fails the step, since no retry of one address helps.
 */
export type SendFailure = 'throttled' | 'transient' | 'rejected' | 'fatal';

const THROTTLED = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'Throttling',
  'ThrottlingException',
]);
const FATAL = new Set([
  'AccountSuspendedException',
  'SendingPausedException',
  'MailFromDomainNotVerifiedException',
  'AccessDeniedException',
  'ConfigurationSetDoesNotExistException',
]);

export function classifySendError(error: unknown): SendFailure {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (THROTTLED.has(name)) return 'throttled';
  if (FATAL.has(name)) return 'fatal';
  // SES refuses the message for this recipient (sandbox: address not verified; an invalid address).
  if (name === 'MessageRejected') return 'rejected';
  if (name === 'BadRequestException' && /address|recipient|e-?mail/i.test(message)) return 'rejected';
  return 'transient';
}

/** Attempts per recipient before a throttled or transient failure fails the step (which retries). */
export const SEND_ATTEMPTS = 4;

/** Full-jitter exponential backoff before retry `attempt` (1-based): up to 200, 400, 800 ms … */
export function sendRetryDelayMs(attempt: number, random: () => number = Math.random): number {
  return Math.round(random() * 200 * 2 ** (attempt - 1));
}
