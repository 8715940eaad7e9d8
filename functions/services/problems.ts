/**
 * Use cases of a capacity problem: report, start (or reconcile) its workflow, acknowledge,
 * offer capacity, resolve. The report is always stored before anything else happens, so a
 * failed workflow start loses nothing: the reconciler starts it later.
 */
import { createHash } from 'node:crypto';
import { config } from '#adapters/config.ts';
import { currentTime } from '#adapters/deps.ts';
import { auditItem } from '#adapters/followup-store.ts';
import { mailer } from '#adapters/mailer.ts';
import { METRIC } from '#adapters/metric-names.ts';
import {
  appendEvent,
  claimNotification,
  createProblem,
  getProblem,
  getRecipient,
  listRecipients,
  markWorkflowStarted,
  mutateProblem,
  putItems,
  recentContacts,
  timelineItem,
} from '#adapters/store.ts';
import { count, logger } from '#adapters/telemetry.ts';
import { startUnderFreeName, workflow } from '#adapters/workflow.ts';
import { entryLevel } from '#domain/ladder.ts';
import { withRetries } from '#domain/limit.ts';
import { type Offer, type Problem, type ProblemReport, problemRef } from '#domain/problem.ts';
import { type Contact, findDepartment } from '#domain/reference.ts';
import { offerEmail, offerorText, receiptEmail, resolvedEmail } from '#web/emails.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { timelineEntry } from '#web/timeline.ts';
import { mayReportFor } from './access.ts';
import { type Actor, asPerson, ForbiddenError, NotFoundError } from './actors.ts';
import { auditEntry, auditProblem } from './audit.ts';
import { createActionToken, newActionLink } from './auth.ts';
import { preferredLanguage } from './contacts.ts';

/**
 * The language a person's e-mails are written in: their phone-list entry's choice, Danish
 * otherwise. Read from the phone list as the ladder's steps read it (`recentContacts`: one Query
 * per container every CONTACTS_CACHE_SECONDS), so a submission reads no list of its own.
 */
export async function contactLanguage(email: string, contacts?: Contact[]): Promise<'da' | 'en'> {
  return (await preferredLanguage(email, contacts ?? (await recentContacts()))) ?? 'da';
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short, unambiguous id derived from the submission key: the same submission gives the same id. */
export function problemIdFor(reporterEmail: string, submissionKey: string): string {
  const digest = createHash('sha256').update(`${reporterEmail.toLowerCase()}\n${submissionKey}`).digest();
  let id = '';
  for (let i = 0; i < 10; i++) id += CROCKFORD[(digest[i] ?? 0) % 32];
  return id;
}

export function problemUrl(id: string): string {
  return `${config().BASE_URL}/problemer/${id}`;
}

export function respondUrl(token: string): string {
  return `${config().BASE_URL}/svar/${token}`;
}

/**
 * Stores a report once per (reporter, `submissionKey`). `alsoStore`: items written with the new
 * report's timeline entry and audit record (the API's Idempotency-Key record), only when this
 * call stored the report.
 */
export async function reportProblem(
  report: ProblemReport & Pick<Problem, 'weeklyBasis'>,
  actor: Actor,
  submissionKey: string,
  alsoStore: Record<string, unknown>[] = [],
): Promise<{ problem: Problem; created: boolean }> {
  const department = findDepartment(report.departmentId);
  if (!department) throw new NotFoundError(phrase('error.problem.unknownDepartment'));
  if (!mayReportFor(actor, report.departmentId)) {
    throw new ForbiddenError(phrase('error.problem.ownDepartmentOnly'));
  }
  const now = currentTime().toISOString();
  const level = entryLevel({ scope: report.scope, longLasting: report.longLasting });
  const id = problemIdFor(actor.email, submissionKey);
  const candidate: Problem = {
    ...report,
    id,
    ref: problemRef(id),
    status: 'open',
    hospital: department.hospital,
    region: department.region,
    entryLevel: level,
    level,
    round: 0,
    reportedBy: asPerson(actor),
    createdAt: now,
    updatedAt: now,
    offeredPatients: 0,
    workflow: { state: 'pending', attempts: 0, generation: 0 },
    version: 1,
  };
  const { created, problem } = await createProblem(candidate);
  if (!created) return { problem, created };
  count(METRIC.problemsReported);

  // The report is stored. What follows runs side by side, and none of it can lose the report:
  // a failed workflow start stays pending for reconcile, a failed receipt or record is logged.
  const receiptLink = newActionLink(id, problem.reportedBy.email, true);
  const recorded = recordReported(problem, actor, [receiptLink.item, ...alsoStore]);
  const [started] = await Promise.all([
    startWorkflow(id, problem),
    recorded,
    sendReceipt(problem, receiptLink.token, recorded),
  ]);
  return {
    problem: started ? { ...problem, workflow: { ...problem.workflow, state: 'started' } } : problem,
    created,
  };
}

/**
 * The timeline entry and the audit record of a new report, with the receipt's link and `more`:
 * one BatchWriteItem. True when they are stored.
 */
async function recordReported(
  problem: Problem,
  actor: Actor,
  more: Record<string, unknown>[],
): Promise<boolean> {
  const { id, level, createdAt } = problem;
  try {
    await putItems([
      timelineItem(id, {
        at: createdAt,
        kind: 'reported',
        actor: asPerson(actor),
        level,
        ...timelineEntry('timeline.reported', { name: actor.name, level }),
      }),
      auditItem(
        auditEntry(
          asPerson(actor),
          'problem',
          id,
          'reported',
          phrase('trail.problem.reported', { ref: problem.ref, level }),
          {
            after: {
              status: 'open',
              level,
              cancerType: problem.cancerType,
              departmentId: problem.departmentId,
            },
            at: new Date(createdAt),
          },
        ),
      ),
      ...more,
    ]);
    return true;
  } catch (error) {
    logger.error('Timeline and audit entry of a new report failed', { problemId: id, error });
    return false;
  }
}

/**
 * The reporter's receipt, once: only the request whose conditional put stored the report gets
 * here, so that put is the receipt's claim (a retried request finds the report and sends none).
 * Sent once its link is stored (`linkStored`). A failure is logged, never thrown: the report is
 * stored.
 */
async function sendReceipt(problem: Problem, token: string, linkStored: Promise<boolean>): Promise<void> {
  try {
    const language = await contactLanguage(problem.reportedBy.email);
    if (!(await linkStored)) throw new Error('The receipt link could not be stored');
    const mail = receiptEmail(problem, problem.reportedBy.name, respondUrl(token), language);
    await mailer().send({
      to: problem.reportedBy.email,
      ...mail,
      purpose: 'receipt',
      problemId: problem.id,
    });
  } catch (error) {
    logger.error('Receipt e-mail failed', { problemId: problem.id, error });
  }
}

/**
 * Starts the problem's workflow once. A failure is recorded and left for the reconciler
 * (`reconcileLadders` in recovery.ts), never thrown at the person who reported.
 */
export async function startWorkflow(problemId: string, known?: Problem): Promise<boolean> {
  const problem = known ?? (await getProblem(problemId));
  const notStarted = problem?.workflow.state === 'pending' || problem?.workflow.state === 'failed';
  if (problem?.status !== 'open' || !notStarted) return false;
  try {
    const { executionId } = await startUnderFreeName(workflow(), {
      problemId,
      generation: problem.workflow.generation,
    });
    // The execution already runs: its timeline entry must not be lost to one failed write.
    await Promise.all([
      markWorkflowStarted(problemId, executionId),
      withRetries(() =>
        appendEvent(problemId, { kind: 'workflow-started', ...timelineEntry('timeline.workflowStarted') }),
      ),
    ]);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await mutateProblem(problemId, (p) => ({
      ...p,
      workflow: {
        ...p.workflow,
        state: 'failed',
        attempts: p.workflow.attempts + 1,
        lastError: message.slice(0, 500),
      },
    }));
    await appendEvent(problemId, {
      kind: 'workflow-start-failed',
      ...timelineEntry('timeline.workflowStartFailed'),
      data: { error: message.slice(0, 500) },
    });
    return false;
  }
}

/** May this actor respond (acknowledge/offer) to the problem? Only people it was sent to. */
export async function assertRecipient(problemId: string, actor: Actor): Promise<Problem> {
  const problem = await getProblem(problemId);
  if (!problem) throw new NotFoundError(phrase('problem.notFound'));
  if (problem.status === 'resolved') throw new ForbiddenError(phrase('error.problem.alreadyResolved'));
  if (actor.role === 'secretariat' || actor.role === 'admin') return problem;
  if (!(await getRecipient(problemId, actor.email))) {
    throw new ForbiddenError(phrase('error.problem.notSentToYou'));
  }
  return problem;
}

export async function acknowledge(problemId: string, actor: Actor, note: string): Promise<void> {
  await assertRecipient(problemId, actor);
  await appendEvent(problemId, {
    kind: 'acknowledged',
    actor: asPerson(actor),
    ...(note
      ? timelineEntry('timeline.acknowledgedNote', { name: actor.name, note })
      : timelineEntry('timeline.acknowledged', { name: actor.name })),
  });
  await auditProblem(asPerson(actor), problemId, 'acknowledged', phrase('trail.problem.acknowledged'));
}

/**
 * Records an offer once per `offerKey` (the form's hidden key, or the API's Idempotency-Key), so a
 * double click or a retried request does not count the patients twice.
 */
export async function offerCapacity(
  problemId: string,
  actor: Actor,
  offer: Offer,
  offerKey?: string,
): Promise<Problem> {
  const current = await assertRecipient(problemId, actor);
  if (offerKey && !(await claimNotification(problemId, `offer#${actor.email}#${offerKey}`))) return current;
  const updated = await mutateProblem(problemId, (p) => ({
    ...p,
    offeredPatients: p.offeredPatients + offer.patients,
  }));
  if (!updated) throw new NotFoundError(phrase('problem.notFound'));
  // Named with hospital: many hospitals have a department of the same name.
  const from = offerorText(actor.name, actor.department);
  await appendEvent(problemId, {
    kind: 'offer',
    actor: asPerson(actor),
    level: updated.level,
    ...timelineEntry(
      'timeline.offer',
      { from, patients: offer.patients, modality: offer.modality, date: offer.earliest },
      offer.note,
    ),
    data: { ...offer },
  });
  await auditProblem(
    asPerson(actor),
    problemId,
    'offer',
    phrase('trail.problem.offer', { patients: offer.patients }),
    {
      before: { offeredPatients: current.offeredPatients },
      after: { offeredPatients: updated.offeredPatients },
    },
  );
  if (updated.status === 'open') {
    const token = await createActionToken(problemId, updated.reportedBy.email, true);
    const mail = offerEmail(
      updated,
      updated.reportedBy.name,
      from,
      offer,
      respondUrl(token),
      await contactLanguage(updated.reportedBy.email),
    );
    await mailer().send({ to: updated.reportedBy.email, ...mail, purpose: 'offer', problemId });
  }
  return updated;
}

/** Who may mark a problem resolved: the reporting department, or the secretariat. */
export function mayResolve(actor: Actor, problem: Problem): boolean {
  if (actor.role === 'secretariat' || actor.role === 'admin') return true;
  if (actor.email === problem.reportedBy.email) return true;
  return actor.role === 'department' && actor.department === problem.departmentId;
}

/**
 * Resolves a problem: recorded first, then the workflow is stopped at once (no e-mail after it;
 * the ladder step also re-checks before every send), then everyone contacted is told.
 */
export async function resolveProblem(problemId: string, actor: Actor, note: string): Promise<Problem> {
  const current = await getProblem(problemId);
  if (!current) throw new NotFoundError(phrase('problem.notFound'));
  if (!mayResolve(actor, current)) throw new ForbiddenError(phrase('error.problem.reporterResolves'));
  if (current.status === 'resolved') {
    // A retry after a partial failure finishes the job; stop and notices are idempotent.
    await finishResolution(current, actor);
    return current;
  }
  const now = currentTime().toISOString();
  const resolved = await mutateProblem(problemId, (p) =>
    p.status === 'resolved'
      ? undefined
      : {
          ...p,
          status: 'resolved',
          resolvedAt: now,
          resolvedBy: asPerson(actor),
          resolution: note || undefined,
        },
  );
  if (!resolved) throw new NotFoundError(phrase('problem.notFound'));
  await appendEvent(problemId, {
    at: now,
    kind: 'resolved',
    actor: asPerson(actor),
    level: resolved.level,
    ...timelineEntry('timeline.resolved', { name: actor.name }, note),
  });
  await auditProblem(asPerson(actor), problemId, 'resolved', phrase('trail.problem.resolved'), {
    before: { status: 'open' },
    after: { status: 'resolved', resolvedAt: now },
  });
  await finishResolution(resolved, actor);
  return resolved;
}

async function finishResolution(problem: Problem, actor: Actor): Promise<void> {
  if (problem.workflow.executionId) {
    await workflow().stop(problem.workflow.executionId, `Resolved by ${actor.email}`);
  }
  await notifyResolution(problem);
}

async function notifyResolution(problem: Problem): Promise<void> {
  const recipients = await listRecipients(problem.id);
  let told = 0;
  for (const r of recipients) {
    if (r.unreachable) continue;
    if (!(await claimNotification(problem.id, `resolved#${r.email}`))) continue;
    const mail = resolvedEmail(problem, r.name, problemUrl(problem.id), r.language ?? 'da');
    await mailer().send({
      to: r.email,
      ...mail,
      purpose: 'resolved',
      problemId: problem.id,
      level: problem.level,
    });
    told++;
  }
  if (told === 0) return;
  await appendEvent(problem.id, {
    kind: 'resolution-notified',
    ...(told === 1
      ? timelineEntry('timeline.resolutionNotifiedOne')
      : timelineEntry('timeline.resolutionNotified', { count: told })),
    data: { count: told },
  });
}
