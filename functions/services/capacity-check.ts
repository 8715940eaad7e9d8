/**
 * Use cases of the yearly capacity check of the highly specialised functions: the register
 * (secretariat), opening the year's check and asking each approved department (yearly job),
 * reminders until answered (weekly job, the weekly exchange's once-a-week claims), answers (form
 * and bulk API, audit trail), the summary for sundhedsdirektørkredsen and its e-mail.
 */
import {
  createCapacityCheck,
  getCapacityCheck,
  getCheckAnswer,
  listCapacityChecks,
  listCheckAnswers,
  listSpecialisedFunctions,
  putCapacityCheck,
  putCheckAnswer,
} from '#adapters/capacity-check-store.ts';
import { config } from '#adapters/config.ts';
import { currentTime } from '#adapters/deps.ts';
import { claimSend, releaseSend } from '#adapters/followup-store.ts';
import { mailer } from '#adapters/mailer.ts';
import { listContacts } from '#adapters/store.ts';
import { sendOnceThisWeek } from '#adapters/weekly-store.ts';
import {
  ANSWER_WEEKS,
  askedPairs,
  type CapacityCheck,
  type CheckAnswer,
  checkSummary,
  checkSummaryCsv,
  type SpecialisedFunction,
  type SummaryRow,
} from '#domain/capacity-check.ts';
import { mayManageContacts } from '#domain/contact-lists.ts';
import { findDepartment, regionName } from '#domain/reference.ts';
import type { CheckAnswerInput } from '#domain/schemas/capacity-check.ts';
import { addCalendarDays, isoWeekKey, localDate } from '#domain/time.ts';
import { capacityCheckAskEmail, capacityCheckSummaryEmail } from '#web/capacity-check-emails.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { mayReportWeeklyFor } from './access.ts';
import { type Actor, asPerson, ForbiddenError, NotFoundError } from './actors.ts';
import { recordAudit, SYSTEM_PERSON } from './audit.ts';

// ---------------------------------------------------------------- the register

export function specialisedFunctions(): Promise<SpecialisedFunction[]> {
  return listSpecialisedFunctions();
}

// ---------------------------------------------------------------- opening and asking

function departmentContacts(contacts: Awaited<ReturnType<typeof listContacts>>, departmentId: string) {
  return contacts.filter((c) => c.role === 'department' && c.department === departmentId);
}

/**
 * Opens the check for next year (once; a second run only sends what the first did not) and asks
 * each approved department's coordinators, once per function.
 */
export async function openCapacityCheck(): Promise<{ year: number; asked: number; sent: number }> {
  const now = currentTime();
  const year = Number(localDate(now).slice(0, 4)) + 1;
  const functions = await listSpecialisedFunctions();
  const check: CapacityCheck = {
    year,
    openedAt: now.toISOString(),
    deadline: localDate(addCalendarDays(now, ANSWER_WEEKS * 7)),
    asked: askedPairs(functions),
  };
  if (await createCapacityCheck(check))
    await recordAudit(
      SYSTEM_PERSON,
      'capacity-check',
      String(year),
      'created',
      phrase('trail.check.opened', { year }),
      {
        after: check,
      },
    );
  const stored = (await getCapacityCheck(year)) ?? check;
  const answered = new Set((await listCheckAnswers(year)).map((a) => `${a.functionId}#${a.departmentId}`));
  const sent = await askDepartments(stored, functions, 'ask', answered);
  return { year, asked: stored.asked.length, sent };
}

async function askDepartments(
  check: CapacityCheck,
  functions: SpecialisedFunction[],
  kind: 'ask' | 'reminder',
  answered: Set<string> = new Set(),
): Promise<number> {
  const contacts = await listContacts();
  const byId = new Map(functions.map((f) => [f.id, f]));
  const week = isoWeekKey(currentTime());
  let sent = 0;
  for (const pair of check.asked) {
    if (answered.has(pair)) continue;
    const [functionId, departmentId] = pair.split('#') as [string, string];
    const fn = byId.get(functionId);
    if (!fn) continue;
    for (const contact of departmentContacts(contacts, departmentId)) {
      const mail = capacityCheckAskEmail({ contact, check, fn, departmentId, reminder: kind === 'reminder' });
      const send = () => mailer().send({ to: contact.email, ...mail, purpose: `capacity-check-${kind}` });
      const key = `capcheck-${kind}#${check.year}#${pair}#${contact.email}`;
      // The first question once per check; a reminder at most once a week (weekly exchange's claims).
      const first =
        kind === 'ask'
          ? await claimThenSend(`CAPCHECK${check.year}`, key, send)
          : await sendOnceThisWeek(week, key, send);
      if (first) sent++;
    }
  }
  return sent;
}

async function claimThenSend(scope: string, key: string, send: () => Promise<unknown>): Promise<boolean> {
  if (!(await claimSend(scope, key))) return false;
  try {
    await send();
    return true;
  } catch (error) {
    await releaseSend(scope, key);
    throw error;
  }
}

/** Weekly: reminds every department that has not answered an open check (until the year checked begins). */
export async function remindCapacityCheck(): Promise<{ sent: number }> {
  const now = currentTime();
  const year = Number(localDate(now).slice(0, 4)) + 1;
  const check = await getCapacityCheck(year);
  if (!check) return { sent: 0 };
  const answered = new Set((await listCheckAnswers(year)).map((a) => `${a.functionId}#${a.departmentId}`));
  return { sent: await askDepartments(check, await listSpecialisedFunctions(), 'reminder', answered) };
}

// ---------------------------------------------------------------- answers

export async function requireCheck(year: number): Promise<CapacityCheck> {
  const check = Number.isInteger(year) ? await getCapacityCheck(year) : undefined;
  if (!check) throw new NotFoundError(phrase('error.check.notFound'));
  return check;
}

/** Every answer is checked (asked, authorised) before anything is written. */
export async function submitCheckAnswers(
  year: number,
  answers: CheckAnswerInput[],
  actor: Actor,
  bulk = false,
): Promise<{ ok: true; stored: number } | { ok: false; errors: Record<string, string> }> {
  const check = await requireCheck(year);
  for (const a of answers)
    if (!mayReportWeeklyFor(actor, a.departmentId))
      throw new ForbiddenError(phrase('error.check.notYourDepartment', { department: a.departmentId }));
  const errors: Record<string, string> = {};
  answers.forEach((a, i) => {
    if (!check.asked.includes(`${a.functionId}#${a.departmentId}`))
      errors[bulk ? `answers.${i}.functionId` : 'functionId'] =
        'Afdelingen er ikke spurgt om denne funktion i årets kapacitetstjek.';
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const now = currentTime();
  for (const a of answers) {
    const department = findDepartment(a.departmentId);
    if (!department) continue;
    const before = await getCheckAnswer(year, a.functionId, a.departmentId);
    const answer: CheckAnswer = {
      ...a,
      year,
      region: department.region,
      submittedAt: now.toISOString(),
      submittedBy: actor.email,
    };
    await putCheckAnswer(answer);
    await recordAudit(
      asPerson(actor),
      'capacity-check',
      `${year}:${a.functionId}:${a.departmentId}`,
      before ? 'updated' : 'reported',
      phrase('trail.check.answered', { year, department: department.name }),
      { before, after: answer, at: now },
    );
  }
  return { ok: true, stored: answers.length };
}

export function checkAnswerOf(year: number, functionId: string, departmentId: string) {
  return getCheckAnswer(year, functionId, departmentId);
}

// ---------------------------------------------------------------- the summary

export interface CheckView {
  check: CapacityCheck;
  functions: SpecialisedFunction[];
  rows: SummaryRow[];
  statuses: { functionId: string; departmentId: string; answered: boolean; overdue: boolean }[];
}

export async function capacityCheckView(year: number): Promise<CheckView> {
  const check = await requireCheck(year);
  const [functions, answers, lastYear] = await Promise.all([
    listSpecialisedFunctions(),
    listCheckAnswers(year),
    listCheckAnswers(year - 1),
  ]);
  const done = new Set(answers.map((a) => `${a.functionId}#${a.departmentId}`));
  const overdue = localDate(currentTime()) > check.deadline;
  return {
    check,
    functions,
    rows: checkSummary({ functions, check, answers, lastYear }),
    statuses: check.asked.map((pair) => {
      const [functionId, departmentId] = pair.split('#') as [string, string];
      return { functionId, departmentId, answered: done.has(pair), overdue: overdue && !done.has(pair) };
    }),
  };
}

export function capacityChecks(): Promise<CapacityCheck[]> {
  return listCapacityChecks();
}

export async function capacityCheckCsv(year: number): Promise<string> {
  const view = await capacityCheckView(year);
  const names = new Map(view.functions.map((f) => [f.id, f.name]));
  return checkSummaryCsv(year, view.rows, { fn: (id) => names.get(id) ?? id, region: regionName });
}

/** E-mails the summary to the health directors and the secretariat, once each per year. */
export async function sendCheckSummary(actor: Actor, year: number): Promise<{ sent: number }> {
  if (!mayManageContacts(actor)) throw new ForbiddenError(phrase('error.check.sendSecretariatOnly'));
  const view = await capacityCheckView(year);
  const recipients = new Map<string, { name: string; language?: 'da' | 'en' }>();
  for (const c of await listContacts())
    if (c.role === 'director' || c.role === 'secretariat') recipients.set(c.email.toLowerCase(), c);
  let sent = 0;
  for (const [email, contact] of recipients) {
    const mail = capacityCheckSummaryEmail({
      name: contact.name,
      lang: contact.language ?? 'da',
      view,
      url: `${config().BASE_URL}/kapacitetstjek/${year}`,
    });
    if (
      await claimThenSend(`CAPCHECKSUMMARY${year}`, email, () =>
        mailer().send({ to: email, ...mail, purpose: 'capacity-check-summary' }),
      )
    )
      sent++;
  }
  await putCapacityCheck({ ...view.check, summarySentAt: currentTime().toISOString() });
  await recordAudit(
    asPerson(actor),
    'capacity-check',
    String(year),
    'sent',
    phrase('trail.check.sent', { count: sent }),
    {},
  );
  return { sent };
}
