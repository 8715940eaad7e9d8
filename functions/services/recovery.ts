/**
 * Recovery of the escalation ladder, the same in AWS and locally. Every Task of the state
 * machine catches its failure into `recordLadderFailure` (the problem shows "Eskaleringen er
 * stoppet af en fejl", the secretariat is e-mailed once); the reconcile job asks the workflow
 * engine — not the stored state — whether each open problem's execution runs, and restarts the
 * ones that do not from their stored level and deadline under a new execution name. The
 * per-recipient claims make sure a restarted level mails nobody twice.
 */
import { config } from '#adapters/config.ts';
import { currentTime } from '#adapters/deps.ts';
import { appendEvent, getProblem, mutateProblem, openProblemPages } from '#adapters/store.ts';
import { logger } from '#adapters/telemetry.ts';
import { startUnderFreeName, workflow } from '#adapters/workflow.ts';
import { restartBackoffMs } from '#domain/ladder.ts';
import { mapSettled, withRetries } from '#domain/limit.ts';
import type { Person, Problem } from '#domain/problem.ts';
import { ladderStoppedEmail } from '#web/emails.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { timelineEntry } from '#web/timeline.ts';
import { ForbiddenError, NotFoundError } from './actors.ts';
import { auditProblem, SYSTEM_PERSON } from './audit.ts';
import { problemUrl, startWorkflow } from './problems.ts';
import { tellSecretariat } from './secretariat.ts';

/** How long a stored problem may wait for its workflow before the job reports an error (and alarms). */
export const STUCK_AFTER_MS = 15 * 60 * 1000;

/** Open problems the reconcile job handles at once (each asks the engine and maybe starts one). */
const RECONCILE_CONCURRENCY = 5;

export class StuckWorkflowStartError extends Error {
  constructor(ids: string[]) {
    super(`Workflow start has failed for more than 15 minutes for problems: ${ids.join(', ')}`);
    this.name = 'StuckWorkflowStartError';
  }
}

export interface StepFailure {
  problemId: string;
  executionId: string;
  /** The Catch's `$.error`: `{ Error, Cause }`. */
  error?: { Error?: string; Cause?: string };
}

/** A short, readable reason from a Step Functions error (the Cause is often a JSON string). */
export function failureReason(error: StepFailure['error']): string {
  let cause = error?.Cause ?? '';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: string };
    if (parsed.errorMessage) cause = parsed.errorMessage;
  } catch {
    // not JSON: keep as it is
  }
  return [error?.Error, cause].filter(Boolean).join(': ').slice(0, 500) || 'Ukendt fejl';
}

/**
 * The state machine's failure path: records once per execution that the ladder stopped, and
 * tells the secretariat the first time it stops since it last moved on (no mail storm while a
 * fault persists). The problem is left open for the reconcile job.
 */
export async function recordLadderFailure(failure: StepFailure): Promise<void> {
  const reason = failureReason(failure.error);
  const now = currentTime().toISOString();
  let firstRecord = false;
  let problem = await mutateProblem(failure.problemId, (p) => {
    if (p.status !== 'open' || p.workflow.stoppedExecution === failure.executionId) return undefined;
    firstRecord = true;
    return {
      ...p,
      workflow: {
        ...p.workflow,
        state: 'stopped',
        failures: (p.workflow.failures ?? 0) + 1,
        stoppedAt: now,
        stoppedExecution: failure.executionId,
        stopRecorded: false,
        lastError: reason,
      },
    };
  });
  if (problem?.status !== 'open') return;
  // A retry of this step after the timeline write failed still appends it (never lost).
  if (!firstRecord && problem.workflow.stopRecorded) return;
  await appendEvent(problem.id, {
    kind: 'workflow-stopped',
    level: problem.level,
    ...timelineEntry('timeline.stopped'),
    data: { executionId: failure.executionId, error: reason },
  });
  problem =
    (await mutateProblem(problem.id, (p) =>
      p.workflow.stoppedExecution === failure.executionId
        ? { ...p, workflow: { ...p.workflow, stopRecorded: true } }
        : undefined,
    )) ?? problem;
  if ((problem.workflow.failures ?? 0) === 1) {
    await tellSecretariat(
      problem.id,
      // Each secretariat contact reads it in the language of its entry.
      (lang) => ladderStoppedEmail(problem, reason, problemUrl(problem.id), lang),
      'ladder-stopped',
      { claimKey: `stopped#${failure.executionId}`, level: problem.level },
    );
  }
}

/**
 * Starts a new execution for an open problem whose execution does not run, from its stored level
 * and deadline (the `begin` step resumes there). `by` is the person who asked, or the system.
 */
export async function restartLadder(problem: Problem, by: Person = SYSTEM_PERSON): Promise<string> {
  const input = { problemId: problem.id, generation: problem.workflow.generation };
  const { executionId, attempt } = await startUnderFreeName(
    workflow(),
    input,
    (problem.workflow.restarts ?? 0) + 1,
  );
  await mutateProblem(problem.id, (p) => ({
    ...p,
    workflow: {
      ...p.workflow,
      state: 'started',
      executionId,
      restarts: Math.max(attempt, p.workflow.restarts ?? 0),
    },
  }));
  const place = { level: problem.level, ...(problem.deadline ? { deadline: problem.deadline } : {}) };
  const byHand = by === SYSTEM_PERSON ? undefined : { ...place, name: by.name };
  // The execution already runs: its timeline entry must not be lost to one failed write.
  await withRetries(() =>
    appendEvent(problem.id, {
      kind: 'workflow-restarted',
      level: problem.level,
      actor: by === SYSTEM_PERSON ? undefined : by,
      ...(byHand
        ? timelineEntry(byHand.deadline ? 'timeline.restartedByDeadline' : 'timeline.restartedBy', byHand)
        : timelineEntry(
            place.deadline ? 'timeline.restartedAutomaticallyDeadline' : 'timeline.restartedAutomatically',
            place,
          )),
      data: { executionId, attempt },
    }),
  );
  await auditProblem(by, problem.id, 'restarted', phrase('trail.problem.restarted', { attempt }));
  return executionId;
}

/** Does this open problem's ladder run? The engine answers; a never-started one does not. */
async function ladderRuns(problem: Problem): Promise<boolean> {
  const id = problem.workflow.executionId;
  return id !== undefined && (await workflow().isRunning(id));
}

/** May this person restart a ladder by hand? Specialenheden (and administrators). */
export function mayRestart(actor: Person): boolean {
  return actor.role === 'secretariat' || actor.role === 'admin';
}

/** The secretariat's "Genstart eskaleringen" on the problem page. */
export async function restartByHand(problemId: string, actor: Person): Promise<'restarted' | 'running'> {
  if (!mayRestart(actor)) throw new ForbiddenError(phrase('error.problem.restartSecretariatOnly'));
  const problem = await getProblem(problemId);
  if (!problem) throw new NotFoundError(phrase('problem.notFound'));
  if (problem.status !== 'open') throw new ForbiddenError(phrase('error.problem.restartResolved'));
  if (await ladderRuns(problem)) return 'running';
  await restartLadder(problem, actor);
  return 'restarted';
}

export interface ReconcileResult {
  /** Open problems looked at. */
  open: number;
  /** Never-started problems started. */
  started: number;
  /** Problems whose execution had ended, restarted. */
  restarted: number;
  /** Problems waiting for their restart backoff, or whose start failed again. */
  waiting: number;
}

/**
 * The reconcile job (every 5 minutes in AWS, every minute and at start-up locally): pages through
 * every open problem, starts the ones never started and restarts the ones whose execution is not
 * running. Handles the whole batch, then throws if a start has failed for too long, so operations
 * hear of it (the job's error alarm).
 */
export async function reconcileLadders(): Promise<ReconcileResult> {
  const result: ReconcileResult = { open: 0, started: 0, restarted: 0, waiting: 0 };
  const stuck: string[] = [];
  const now = currentTime().getTime();
  const timeScale = config().ladder.timeScale;
  for await (const page of openProblemPages()) {
    result.open += page.length;
    const outcomes = await mapSettled(page, RECONCILE_CONCURRENCY, async (problem) => {
      if (problem.workflow.state === 'pending' || problem.workflow.state === 'failed') {
        if (await startWorkflow(problem.id)) return 'started';
        if (now - Date.parse(problem.createdAt) > STUCK_AFTER_MS) stuck.push(problem.id);
        return 'waiting';
      }
      if (await ladderRuns(problem)) return 'running';
      const stoppedAt = problem.workflow.stoppedAt ? Date.parse(problem.workflow.stoppedAt) : 0;
      if (now - stoppedAt < restartBackoffMs(problem.workflow.failures ?? 0, timeScale)) return 'waiting';
      await restartLadder(problem);
      return 'restarted';
    });
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        result.waiting++;
        logger.error('Reconcile failed for a problem', outcome.reason as Error);
      } else if (outcome.value !== 'running') result[outcome.value]++;
    }
  }
  if (stuck.length > 0) throw new StuckWorkflowStartError(stuck);
  return result;
}
