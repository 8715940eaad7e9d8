/**
 * The steps the escalation state machine invokes. The ASL holds only the flow; these hold the
 * rules, with the domain core deciding levels, recipients and deadlines.
 */

import { config } from '#adapters/config.ts';
import { currentTime } from '#adapters/deps.ts';
import { mailer } from '#adapters/mailer.ts';
import { METRIC } from '#adapters/metric-names.ts';
import {
  appendEvent,
  claimDelivery,
  claimNotification,
  confirmDeliveries,
  confirmDelivery,
  type DeliveryClaim,
  getProblem,
  markRecipientUnreachable,
  mutateProblem,
  recentContacts,
  recordRecipient,
  releaseClaim,
} from '#adapters/store.ts';
import { count, logger } from '#adapters/telemetry.ts';
import { startUnderFreeName, workflow } from '#adapters/workflow.ts';
import { afterDeadline, isLevel, LEVEL_NAMES, type Level, levelDeadline } from '#domain/ladder.ts';
import { mapSettled, withRetries } from '#domain/limit.ts';
import { classifySendError, SEND_ATTEMPTS, sendRetryDelayMs } from '#domain/mail-errors.ts';
import type { Problem } from '#domain/problem.ts';
import { type Recipient, recipientsFor } from '#domain/recipients.ts';
import type { FinderSection } from '#domain/weekly.ts';
import { escalationEmail, nobodyReachedEmail, reporterLevelEmail } from '#web/emails.ts';
import { phrase } from '#web/i18n/phrase.ts';
import type { Lang } from '#web/i18n/translate.ts';
import { type TimelineMessage, timelineEntry } from '#web/timeline.ts';
import { auditProblem, SYSTEM_PERSON } from './audit.ts';
import { createActionToken, createActionTokens } from './auth.ts';
import { activateNetworkAutomatically } from './networks.ts';
import { contactLanguage, problemUrl, respondUrl } from './problems.ts';
import { recordLadderFailure } from './recovery.ts';
import { tellSecretariat } from './secretariat.ts';
import { finderAnswerFor } from './weekly.ts';

/**
 * Reminder rounds at the network level per execution: about 300 days of reminders, leaving room
 * for the lower levels' windows within Step Functions Standard's one-year limit.
 */
export function roundsPerExecution(networkReminderDays: number): number {
  return Math.max(1, Math.floor(300 / networkReminderDays));
}

export interface StepInput {
  action: 'begin' | 'notify' | 'check' | 'continue';
  problemId: string;
  generation: number;
  level?: number;
  round?: number;
}

/** The state machine's failure path (RecordFailure): what failed, in which execution. */
export interface FailureInput {
  action: 'failed';
  problemId: string;
  generation: number;
  executionId: string;
  error?: { Error?: string; Cause?: string };
}

export interface StepState {
  problemId: string;
  generation: number;
  level: Level;
  round: number;
  deadline?: string;
  resolved: boolean;
  notify: boolean;
  continueAsNew: boolean;
}

function state(problem: Problem, generation: number, extra: Partial<StepState>): StepState {
  return {
    problemId: problem.id,
    generation,
    level: problem.level,
    round: problem.round,
    deadline: problem.deadline,
    resolved: problem.status === 'resolved',
    notify: false,
    continueAsNew: false,
    ...extra,
  };
}

async function load(problemId: string): Promise<Problem> {
  const problem = await getProblem(problemId);
  if (!problem) throw new Error(`Problem ${problemId} not found`);
  return problem;
}

export async function runStep(input: StepInput | FailureInput): Promise<StepState | undefined> {
  switch (input.action) {
    case 'failed':
      await recordLadderFailure(input);
      return undefined;
    case 'begin':
      return begin(input);
    case 'notify':
      return notify(input);
    case 'check':
      return check(input);
    case 'continue':
      return continueAsNew(input);
  }
}

/**
 * Entry: a fresh problem is notified at its entry level. A resumed one (local restart, or a
 * continued execution) repeats its current step: the per-recipient claims send only what was not
 * sent, and the stored deadline is kept.
 */
async function begin(input: StepInput): Promise<StepState> {
  const problem = await load(input.problemId);
  if (problem.status === 'resolved') return state(problem, input.generation, { resolved: true });
  if (problem.levelSince && problem.deadline) {
    return state(problem, input.generation, { notify: true });
  }
  return state(problem, input.generation, { level: problem.entryLevel, round: 0, notify: true });
}

async function notify(input: StepInput): Promise<StepState> {
  const level = isLevel(input.level) ? input.level : undefined;
  if (!level) throw new Error(`Invalid level ${input.level}`);
  const round = input.round ?? 0;
  let problem = await load(input.problemId);
  if (problem.status === 'resolved') return state(problem, input.generation, { resolved: true });

  const now = currentTime();
  const entering = problem.level !== level || !problem.levelSince || problem.round !== round;
  const deadline =
    !entering && problem.deadline ? new Date(problem.deadline) : levelDeadline(level, now, config().ladder);
  if (entering) {
    const updated = await mutateProblem(problem.id, (p) =>
      p.status === 'resolved'
        ? undefined
        : {
            ...p,
            level,
            round,
            levelSince: now.toISOString(),
            deadline: deadline.toISOString(),
            // The ladder moved on: a later failure alerts the secretariat again.
            workflow: { ...p.workflow, failures: 0 },
          },
    );
    if (!updated || updated.status === 'resolved')
      return state(problem, input.generation, { resolved: true });
    problem = updated;
    await appendEvent(problem.id, {
      kind: round === 0 ? 'level-entered' : 'reminder',
      level,
      ...(round === 0
        ? timelineEntry('timeline.levelEntered', { level, deadline: deadline.toISOString() })
        : timelineEntry('timeline.reminder', { round })),
      data: { deadline: deadline.toISOString() },
    });
    if (round === 0) {
      await auditProblem(
        SYSTEM_PERSON,
        problem.id,
        'level',
        phrase('trail.problem.level', { level, levelName: LEVEL_NAMES[level].da }),
      );
      count(METRIC.levelReached, 1, { level: String(level) });
    }
    if (level === 4 && round === 0) {
      await appendEvent(problem.id, {
        kind: 'network-activated',
        level,
        ...timelineEntry('timeline.networkActivated'),
      });
      // The network record (issue 5): activated idempotently; a failure must not stop the ladder.
      await activateNetworkAutomatically(problem).catch((error: unknown) =>
        logger.error('Network activation failed', error as Error),
      );
    }
  }

  // One contact list serves the recipients, the finder and the reporter's language.
  const contacts = await recentContacts();
  const recipients = recipientsFor(level, problem, contacts);
  // Levels 1–2 ask for capacity: the e-mail carries the capacity finder's answer.
  const finder = level <= 2 ? await finderAnswerFor(problem, contacts) : [];
  const outcomes = await deliverLevel({ problem, level, round, deadline, finder, now }, recipients);
  if (outcomes.some((o) => o.status === 'fulfilled' && o.value === 'resolved')) {
    return state(problem, input.generation, { resolved: true });
  }
  const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed.length > 0) {
    // Everyone else has had their mail; the step's retry sends only to these.
    throw new LevelDeliveryError(level, failed.length, recipients.length, failed[0]?.reason);
  }
  const sentTo = recipients.filter((_, i) => {
    const o = outcomes[i];
    return o?.status === 'fulfilled' && o.value === 'sent';
  });
  const unreachable = recipients.filter((_, i) => {
    const o = outcomes[i];
    return o?.status === 'fulfilled' && o.value === 'unreachable';
  });

  if (sentTo.length > 0) {
    await appendEvent(problem.id, {
      kind: 'notified',
      level,
      ...timelineEntry('timeline.notified', {
        count: sentTo.length,
        names: sentTo.map((r) => r.name).join(', '),
      }),
      data: {
        recipients: recipients.map((r) => ({ email: r.email, name: r.name, kind: r.kind, role: r.role })),
      },
    });
  }
  // Re-read: a resolution during the sends stops every further e-mail.
  if ((await getProblem(problem.id))?.status !== 'open')
    return state(problem, input.generation, { resolved: true });
  if (entering && recipients.filter((r) => r.kind === 'action').length === 0) {
    await alertNobodyReached(problem, level, { key: 'timeline.why.noRecipients' });
  }
  const actionRecipients = recipients.filter((r) => r.kind === 'action');
  if (
    unreachable.length > 0 &&
    actionRecipients.length > 0 &&
    actionRecipients.every((r) => unreachable.includes(r))
  ) {
    await alertNobodyReached(
      problem,
      level,
      { key: 'timeline.why.noneAccepted' },
      {
        claimKey: `nobody#${level}#${round}`,
      },
    );
  }
  if (
    round === 0 &&
    level !== problem.entryLevel &&
    (await claimNotification(problem.id, `reporter#${level}`))
  ) {
    const token = await createActionToken(problem.id, problem.reportedBy.email, true);
    const mail = reporterLevelEmail(
      problem,
      problem.reportedBy.name,
      level,
      respondUrl(token),
      await contactLanguage(problem.reportedBy.email, contacts),
    );
    await mailer().send({
      to: problem.reportedBy.email,
      ...mail,
      purpose: 'level-changed',
      problemId: problem.id,
      level,
    });
  }
  return state(problem, input.generation, { level, round, deadline: deadline.toISOString() });
}

/** Tells the secretariat at once that a ladder step reached nobody (no contacts, or all bounced). */
/** Why nobody was reached: a `timeline.why.*` phrase, worded for the timeline's reader and each mail's recipient. */
export type NobodyReachedReason = NonNullable<TimelineMessage['because']>;

export async function alertNobodyReached(
  problem: Problem,
  level: Level,
  reason: NobodyReachedReason,
  options: { claimKey?: string } = {},
): Promise<void> {
  await appendEvent(problem.id, {
    kind: 'contact-unreachable',
    level,
    ...timelineEntry('timeline.nobodyReached', { level }, reason),
  });
  const mail = (lang: Lang) => nobodyReachedEmail(problem, level, reason, problemUrl(problem.id), lang);
  await tellSecretariat(problem.id, mail, 'nobody-reached', { level, claimKey: options.claimKey });
}

/**
 * Escalation e-mails of one step sent at once; the rest wait their turn (a level has a few to a
 * few dozen recipients, so a step stays well within its time budget and SES's send rate).
 */
const SEND_CONCURRENCY = 4;

/**
 * Recipients handled as one batch: claimed, checked against a resolution with one read, given
 * their links in one write and confirmed in one write. Each e-mail is still claimed and sent on
 * its own; the batch only shares the store calls that need not be per recipient.
 */
const DELIVERY_BATCH = 10;

export class LevelDeliveryError extends Error {
  constructor(level: Level, failed: number, total: number, cause: unknown) {
    super(
      `Level ${level}: ${failed} of ${total} escalation e-mails failed (${cause instanceof Error ? cause.message : String(cause)})`,
      { cause },
    );
    this.name = 'LevelDeliveryError';
  }
}

/** Another run holds this delivery's lease: the step retries once it has run out. */
export class DeliveryInFlightError extends Error {
  constructor(key: string) {
    super(`Delivery ${key} is being sent by another run`);
    this.name = 'DeliveryInFlightError';
  }
}

type DeliveryOutcome = 'sent' | 'already-sent' | 'unreachable' | 'resolved';
type Outcome = PromiseSettledResult<DeliveryOutcome>;

interface LevelMail {
  problem: Problem;
  level: Level;
  round: number;
  deadline: Date;
  finder: FinderSection[];
  now: Date;
}

const fulfilled = (value: DeliveryOutcome): Outcome => ({ status: 'fulfilled', value });
const rejected = (reason: unknown): Outcome => ({ status: 'rejected', reason });

/**
 * One level's escalation e-mails, batch by batch, with an outcome per recipient in their order.
 * A resolution seen by a batch's re-read stops the level: later recipients are not mailed.
 */
async function deliverLevel(mail: LevelMail, recipients: Recipient[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < recipients.length; i += DELIVERY_BATCH) {
    const batch = await deliverBatch(mail, recipients.slice(i, i + DELIVERY_BATCH));
    outcomes.push(...batch);
    if (batch.some((o) => o.status === 'fulfilled' && o.value === 'resolved')) break;
  }
  return outcomes;
}

/**
 * Each recipient's e-mail claimed on its own: sent at most once per level and round (a crashed
 * sender's claim is taken over after its lease). After the claims, one re-read of the problem (a
 * resolution must stop the ladder at once) and one write of the batch's links; then each e-mail
 * is sent — a failure touches only its own recipient — and the sent ones confirmed together.
 */
async function deliverBatch(mail: LevelMail, batch: Recipient[]): Promise<Outcome[]> {
  const pk = `PROBLEM#${mail.problem.id}`;
  const keyOf = (recipient: Recipient) => `SENT#${mail.level}#${mail.round}#${recipient.email}`;
  const leaseMs = config().SEND_LEASE_SECONDS * 1000;
  const claims = await mapSettled(batch, SEND_CONCURRENCY, (r) => claimDelivery(pk, keyOf(r), leaseMs));
  const outcomes: Outcome[] = [];
  const claimed: { index: number; recipient: Recipient; claim: DeliveryClaim }[] = [];
  claims.forEach((claim, index) => {
    const recipient = batch[index] as Recipient;
    if (claim.status === 'rejected') outcomes[index] = claim;
    else if (claim.value.state === 'sent') outcomes[index] = fulfilled('already-sent');
    else if (claim.value.state === 'in-flight')
      outcomes[index] = rejected(new DeliveryInFlightError(keyOf(recipient)));
    else claimed.push({ index, recipient, claim: claim.value });
  });
  if (claimed.length === 0) return outcomes;

  /** Nothing was sent to these: their claims go back for the step's retry (or for nobody). */
  const giveBack = async (outcome: Outcome) => {
    await mapSettled(claimed, SEND_CONCURRENCY, ({ recipient }) => releaseClaim(pk, keyOf(recipient)));
    for (const { index } of claimed) outcomes[index] = outcome;
    return outcomes;
  };
  let tokens: string[];
  try {
    const fresh = await getProblem(mail.problem.id);
    if (!fresh || fresh.status === 'resolved') return giveBack(fulfilled('resolved'));
    tokens = await createActionTokens(
      mail.problem.id,
      claimed.map(({ recipient }) => recipient.email),
      false,
    );
  } catch (error) {
    return giveBack(rejected(error));
  }

  const sends = await mapSettled(
    claimed.map((c, i) => ({ ...c, token: tokens[i] as string })),
    SEND_CONCURRENCY,
    ({ recipient, claim, token }) => sendClaimed(mail, recipient, claim, token, keyOf(recipient)),
  );
  // The sent ones, confirmed together. If that cannot be stored, their claims keep the lease and
  // a later run delivers the same messages again (the same items in the outbox) — never a second.
  const wasSent = (i: number) => sends[i]?.status === 'fulfilled' && sends[i].value === 'sent';
  const sent = claimed.filter((_, i) => wasSent(i));
  let confirmError: unknown;
  if (sent.length > 0) {
    await withRetries(() =>
      confirmDeliveries(sent.map(({ recipient, claim }) => ({ pk, sk: keyOf(recipient), claim }))),
    ).catch((error: unknown) => {
      confirmError = error;
    });
  }
  claimed.forEach(({ index }, i) => {
    outcomes[index] =
      confirmError !== undefined && wasSent(i) ? rejected(confirmError) : (sends[i] as Outcome);
  });
  return outcomes;
}

/**
 * Sends one claimed recipient's e-mail: throttling and transient errors retried with backoff, a
 * refused address marked unreachable with the secretariat told — and the level goes on. Any other
 * failure gives the claim back and throws, for the step's retry.
 */
async function sendClaimed(
  mail: LevelMail,
  recipient: Recipient,
  claim: DeliveryClaim,
  token: string,
  sk: string,
): Promise<'sent' | 'unreachable'> {
  const { problem, level, round } = mail;
  const pk = `PROBLEM#${problem.id}`;
  let sendError: unknown;
  try {
    const message = escalationEmail({
      problem,
      recipient,
      level,
      round,
      deadline: mail.deadline,
      respondUrl: respondUrl(token),
      finder: mail.finder,
    });
    await recordRecipient(problem.id, recipient, level, mail.now.toISOString());
    const delivery = claim.id && claim.at ? { id: claim.id, at: claim.at } : undefined;
    await sendWithRetry(() =>
      mailer().send({
        to: recipient.email,
        ...message,
        purpose: 'escalation',
        problemId: problem.id,
        level,
        delivery,
      }),
    ).catch((error: unknown) => {
      sendError = error;
      throw error;
    });
    return 'sent';
  } catch (error) {
    if (sendError === undefined || classifySendError(sendError) !== 'rejected') {
      // Nothing was sent: give the claim back for the step's retry.
      await releaseClaim(pk, sk);
      throw error;
    }
    try {
      await markUnreachable(problem, recipient, level, round, sendError);
    } catch (markError) {
      // Not yet recorded: the retry tries the address again and records the refusal then.
      await releaseClaim(pk, sk);
      throw markError;
    }
    await withRetries(() => confirmDelivery(pk, sk, 'rejected'));
    return 'unreachable';
  }
}

/** Sends, retrying throttling and transient failures with backoff; anything else is thrown at once. */
async function sendWithRetry(send: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await send();
      return;
    } catch (error) {
      const kind = classifySendError(error);
      if (attempt >= SEND_ATTEMPTS || (kind !== 'throttled' && kind !== 'transient')) throw error;
      await new Promise((r) => setTimeout(r, sendRetryDelayMs(attempt)));
    }
  }
}

/** A refused address: the contact is unreachable on this problem, and the secretariat is told once. */
async function markUnreachable(
  problem: Problem,
  recipient: Recipient,
  level: Level,
  round: number,
  error: unknown,
): Promise<void> {
  const detail = error instanceof Error ? error.message : String(error);
  await markRecipientUnreachable(problem.id, recipient.email);
  await appendEvent(problem.id, {
    kind: 'contact-unreachable',
    level,
    ...timelineEntry('timeline.addressRejected', { name: recipient.name, email: recipient.email }),
    data: { email: recipient.email, error: detail.slice(0, 300) },
  });
  const reason: NobodyReachedReason = {
    key: 'timeline.why.addressRejected',
    params: { email: recipient.email, name: recipient.name, detail: detail.slice(0, 200) },
  };
  await tellSecretariat(
    problem.id,
    (lang) => nobodyReachedEmail(problem, level, reason, problemUrl(problem.id), lang),
    'contact-unreachable',
    {
      level,
      claimKey: `unreachable#${level}#${round}#${recipient.email}`,
    },
  );
}

async function check(input: StepInput): Promise<StepState> {
  const problem = await load(input.problemId);
  const level = isLevel(input.level) ? input.level : problem.level;
  const transition = afterDeadline(level, problem.status === 'resolved');
  if (transition.kind === 'resolved') return state(problem, input.generation, { resolved: true });
  if (transition.kind === 'escalate') {
    await appendEvent(problem.id, {
      kind: 'level-entered',
      level,
      ...timelineEntry('timeline.deadlinePassed', { level, toLevel: transition.level }),
    });
    return state(problem, input.generation, { level: transition.level, round: 0, notify: true });
  }
  const round = (input.round ?? 0) + 1;
  return state(problem, input.generation, {
    level,
    round,
    notify: true,
    continueAsNew: round >= (input.generation + 1) * roundsPerExecution(config().ladder.networkReminderDays),
  });
}

/** Hands a long-open problem to a fresh execution (Step Functions Standard runs at most a year). */
async function continueAsNew(input: StepInput): Promise<StepState> {
  const next = input.generation + 1;
  // Round and deadline stay as the last notification left them: the new execution's first
  // Check moves on to the next reminder at the right time.
  const problem = await mutateProblem(input.problemId, (p) => ({
    ...p,
    workflow: { ...p.workflow, generation: next },
  }));
  if (!problem) throw new Error(`Problem ${input.problemId} not found`);
  if (problem.status === 'resolved') return state(problem, input.generation, { resolved: true });
  const { executionId } = await startUnderFreeName(workflow(), { problemId: problem.id, generation: next });
  count(METRIC.ladderRestarts);
  await mutateProblem(problem.id, (p) => ({ ...p, workflow: { ...p.workflow, executionId } }));
  await appendEvent(problem.id, {
    kind: 'continued',
    level: problem.level,
    ...timelineEntry('timeline.continued'),
  });
  return state(problem, input.generation, { resolved: false });
}
