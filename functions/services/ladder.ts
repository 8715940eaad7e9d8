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
  claimNotification,
  getProblem,
  listContacts,
  mutateProblem,
  recordRecipient,
  releaseNotification,
} from '#adapters/store.ts';
import { count, logger } from '#adapters/telemetry.ts';
import { workflow } from '#adapters/workflow.ts';
import { afterDeadline, isLevel, LEVEL_NAMES, type Level, levelDeadline } from '#domain/ladder.ts';
import type { Problem } from '#domain/problem.ts';
import { recipientsFor } from '#domain/recipients.ts';
import { formatDateTime } from '#domain/time.ts';
import { escalationEmail, networkReminderText, nobodyReachedEmail, reporterLevelEmail } from '#web/emails.ts';
import { auditProblem, SYSTEM_PERSON } from './audit.ts';
import { createActionToken } from './auth.ts';
import { activateNetworkAutomatically } from './networks.ts';
import { contactLanguage, problemUrl, respondUrl } from './problems.ts';
import { finderLinesFor } from './weekly.ts';

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

export async function runStep(input: StepInput): Promise<StepState> {
  switch (input.action) {
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
        : { ...p, level, round, levelSince: now.toISOString(), deadline: deadline.toISOString() },
    );
    if (!updated || updated.status === 'resolved')
      return state(problem, input.generation, { resolved: true });
    problem = updated;
    await appendEvent(problem.id, {
      kind: round === 0 ? 'level-entered' : 'reminder',
      level,
      text:
        round === 0
          ? `Niveau ${level}: ${LEVEL_NAMES[level].da}. Svarfrist ${formatDateTime(deadline)}.`
          : `${networkReminderText(round)}.`,
      data: { deadline: deadline.toISOString() },
    });
    if (round === 0) {
      await auditProblem(SYSTEM_PERSON, problem.id, 'level', `Niveau ${level} (${LEVEL_NAMES[level].da}).`);
      count(METRIC.levelReached, 1, { level: String(level) });
    }
    if (level === 4 && round === 0) {
      await appendEvent(problem.id, {
        kind: 'network-activated',
        level,
        text: 'Det nationale netværk for kræftformen er aktiveret.',
      });
      // The network record (issue 5): activated idempotently; a failure must not stop the ladder.
      await activateNetworkAutomatically(problem).catch((error: unknown) =>
        logger.error('Network activation failed', error as Error),
      );
    }
  }

  const recipients = recipientsFor(level, problem, await listContacts());
  // Levels 1–2 ask for capacity: the e-mail carries the capacity finder's answer.
  const extra = level <= 2 ? await finderLinesFor(problem) : [];
  const sentTo: string[] = [];
  for (const recipient of recipients) {
    const key = `${level}#${round}#${recipient.email}`;
    if (!(await claimNotification(problem.id, key))) continue;
    // Re-read before every send: a resolution must stop the ladder at once.
    const fresh = await getProblem(problem.id);
    if (!fresh || fresh.status === 'resolved') {
      await releaseNotification(problem.id, key);
      return state(problem, input.generation, { resolved: true });
    }
    try {
      const token = await createActionToken(problem.id, recipient.email, false);
      const mail = escalationEmail({
        problem,
        recipient,
        level,
        round,
        deadline,
        respondUrl: respondUrl(token),
        finderLines: extra,
      });
      await recordRecipient(problem.id, recipient, level, now.toISOString());
      await mailer().send({
        to: recipient.email,
        ...mail,
        purpose: 'escalation',
        problemId: problem.id,
        level,
      });
      sentTo.push(recipient.name);
    } catch (error) {
      await releaseNotification(problem.id, key);
      throw error;
    }
  }

  if (sentTo.length > 0) {
    await appendEvent(problem.id, {
      kind: 'notified',
      level,
      text: `E-mail sendt til ${sentTo.length}: ${sentTo.join(', ')}.`,
      data: {
        recipients: recipients.map((r) => ({ email: r.email, name: r.name, kind: r.kind, role: r.role })),
      },
    });
  }
  // Re-read: a resolution during the sends stops every further e-mail.
  if ((await getProblem(problem.id))?.status !== 'open')
    return state(problem, input.generation, { resolved: true });
  if (entering && recipients.filter((r) => r.kind === 'action').length === 0) {
    await alertNobodyReached(
      problem,
      level,
      'Kontaktlisten har ingen modtagere for dette niveau og denne kræftform.',
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
      await contactLanguage(problem.reportedBy.email),
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
export async function alertNobodyReached(problem: Problem, level: Level, reason: string): Promise<void> {
  await appendEvent(problem.id, {
    kind: 'contact-unreachable',
    level,
    text: `Ingen modtagere nået på niveau ${level}. ${reason}`,
  });
  const secretariat = (await listContacts()).filter((c) => c.role === 'secretariat');
  for (const s of secretariat) {
    const mail = nobodyReachedEmail(problem, level, reason, problemUrl(problem.id));
    await mailer().send({
      to: s.email,
      ...mail,
      purpose: 'nobody-reached',
      problemId: problem.id,
      level,
    });
  }
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
      text: `Svarfristen på niveau ${level} er udløbet uden løsning. Sagen går videre til niveau ${transition.level} (${LEVEL_NAMES[transition.level].da}).`,
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
  const executionId = await workflow().start({ problemId: problem.id, generation: next });
  count(METRIC.ladderRestarts);
  await mutateProblem(problem.id, (p) => ({ ...p, workflow: { ...p.workflow, executionId } }));
  await appendEvent(problem.id, {
    kind: 'continued',
    level: problem.level,
    text: 'Sagen har været åben længe og fortsætter i en ny kørsel af arbejdsgangen. Historikken er bevaret.',
  });
  return state(problem, input.generation, { resolved: false });
}
