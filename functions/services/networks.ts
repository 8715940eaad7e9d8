/**
 * National networks: activated by a recorded decision of sundhedsdirektørkredsen (a director or
 * the secretariat) or automatically when a problem reaches level 4; put on standby by a person
 * (the system only proposes it); members, coordination meetings with action reminders, and the
 * "inform Danske Regioner" e-mail. Every change is in the audit trail.
 */
import { randomUUID } from 'node:crypto';
import { config } from '#adapters/config.ts';
import { currentTime } from '#adapters/deps.ts';
import {
  claimSend,
  getNetwork,
  listNetworks,
  listProblemsCreatedBefore,
  releaseSend,
  saveNetwork,
} from '#adapters/followup-store.ts';
import { mailer } from '#adapters/mailer.ts';
import { listContacts } from '#adapters/store.ts';
import {
  actionsToRemind,
  changeState,
  DEFAULT_STANDBY_WEEKS,
  type Meeting,
  type MeetingAction,
  type Network,
  type NetworkState,
  type StandbyProposal,
  standbyProposal,
} from '#domain/networks.ts';
import type { Problem } from '#domain/problem.ts';
import { type Contact, referenceData } from '#domain/reference.ts';
import { addCalendarDays, localDate } from '#domain/time.ts';
import { actionReminderEmail, danskeRegionerEmail } from '#web/followup-emails.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { storedText } from '#web/stored-phrase.ts';
import { type Actor, asPerson, ForbiddenError, NotFoundError } from './actors.ts';
import { recordAudit, SYSTEM_PERSON } from './audit.ts';
import { preferredLanguage } from './contacts.ts';
import { weeksWithinMaximumFor } from './weekly.ts';

/** Calm weeks before standby is proposed (NETWORK_STANDBY_WEEKS, default 4). */
export function standbyWeeks(): number {
  const value = Number(process.env.NETWORK_STANDBY_WEEKS ?? DEFAULT_STANDBY_WEEKS);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_STANDBY_WEEKS;
}

/** Sundhedsdirektørkredsen decides (directors), with the secretariat recording on its behalf. */
export function mayDecide(actor: Pick<Actor, 'role'>): boolean {
  return ['director', 'secretariat', 'admin'].includes(actor.role);
}

/**
 * The circle and the secretariat coordinate every network; a `network` user only its own cancer
 * types' networks, or one it was added to as a member.
 */
export function mayCoordinate(
  actor: Pick<Actor, 'role' | 'email' | 'cancerTypes'>,
  cancerType: string,
  network?: Pick<Network, 'members'>,
): boolean {
  if (mayDecide(actor)) return true;
  if (actor.role !== 'network') return false;
  if ((actor.cancerTypes ?? []).includes(cancerType)) return true;
  const email = actor.email.toLowerCase();
  return (network?.members ?? []).some((m) => m.email.toLowerCase() === email);
}

function knownCancerType(cancerType: string): void {
  if (!referenceData().cancerTypes.some((c) => c.id === cancerType))
    throw new NotFoundError(phrase('error.network.unknownCancerType'));
}

/** Read–change–write with a version check, retried on a concurrent change. */
async function update(
  cancerType: string,
  change: (current: Network | undefined) => Network | undefined,
): Promise<Network | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await getNetwork(cancerType);
    const next = change(current);
    if (!next) return current;
    if (await saveNetwork(next, current?.version ?? 0))
      return { ...next, version: (current?.version ?? 0) + 1 };
  }
  throw new Error(`Network ${cancerType}: too many concurrent changes`);
}

export async function setNetworkState(
  actor: Actor,
  cancerType: string,
  state: NetworkState,
  reason: string,
): Promise<Network> {
  knownCancerType(cancerType);
  if (!mayDecide(actor)) throw new ForbiddenError(phrase('error.network.stateForbidden'));
  let changed = false;
  const at = currentTime().toISOString();
  const network = await update(cancerType, (current) => {
    if (!current && state === 'standby') throw new NotFoundError(phrase('error.network.notCreated'));
    const result = changeState(current, cancerType, {
      at,
      state,
      who: asPerson(actor),
      reason,
      source: 'decision',
    });
    changed = result.changed;
    return result.changed ? result.network : undefined;
  });
  if (changed)
    await recordAudit(
      asPerson(actor),
      'network',
      cancerType,
      state === 'active' ? 'activated' : 'standby',
      { asWritten: reason },
      {
        after: { state },
      },
    );
  return network as Network;
}

/** Called by the ladder when a problem enters level 4; idempotent (retries, several problems). */
export async function activateNetworkAutomatically(problem: Problem): Promise<void> {
  let changed = false;
  const at = currentTime().toISOString();
  const reason = phrase('network.reason.reachedLevel4', { ref: problem.ref });
  await update(problem.cancerType, (current) => {
    const result = changeState(current, problem.cancerType, {
      at,
      state: 'active',
      who: SYSTEM_PERSON,
      reason: storedText(reason),
      reasonPhrase: reason,
      source: 'automatic',
      problemId: problem.id,
    });
    changed = result.changed;
    return result.changed ? result.network : undefined;
  });
  if (changed)
    await recordAudit(
      SYSTEM_PERSON,
      'network',
      problem.cancerType,
      'activated',
      phrase('trail.network.autoActivated', { ref: problem.ref }),
      {
        after: { state: 'active' },
      },
    );
}

export async function addMember(
  actor: Actor,
  cancerType: string,
  member: { name: string; title: string; email: string },
): Promise<void> {
  if (!mayDecide(actor)) throw new ForbiddenError(phrase('error.network.membersForbidden'));
  const at = currentTime().toISOString();
  const network = await update(cancerType, (current) => {
    if (!current) throw new NotFoundError(phrase('error.network.notCreated'));
    if (current.members.some((m) => m.email.toLowerCase() === member.email.toLowerCase())) return undefined;
    return {
      ...current,
      members: [...current.members, { ...member, addedAt: at, addedBy: asPerson(actor) }],
    };
  });
  if (network)
    await recordAudit(
      asPerson(actor),
      'network',
      cancerType,
      'member-added',
      phrase('trail.network.memberAdded', { name: member.name, email: member.email }),
    );
}

export async function recordMeeting(
  actor: Actor,
  cancerType: string,
  meeting: { date: string; participants: string[]; actions: Omit<MeetingAction, 'id'>[] },
): Promise<void> {
  if (!mayCoordinate(actor, cancerType, await getNetwork(cancerType)))
    throw new ForbiddenError(phrase('error.network.meetingsForbidden'));
  await update(cancerType, (current) => {
    if (!current) throw new NotFoundError(phrase('error.network.notCreated'));
    return {
      ...current,
      meetings: [
        ...current.meetings,
        {
          id: randomUUID(),
          date: meeting.date,
          participants: meeting.participants,
          actions: meeting.actions.map((a) => ({ ...a, id: randomUUID() })),
          recordedBy: asPerson(actor),
        },
      ],
    };
  });
  await recordAudit(
    asPerson(actor),
    'network',
    cancerType,
    'meeting',
    phrase('trail.network.meeting', {
      date: meeting.date,
      participants: meeting.participants.length,
      actions: meeting.actions.length,
    }),
  );
}

export async function completeAction(actor: Actor, cancerType: string, actionId: string): Promise<void> {
  if (!mayCoordinate(actor, cancerType, await getNetwork(cancerType)))
    throw new ForbiddenError(phrase('error.network.actionsForbidden'));
  await update(cancerType, (current) => {
    if (!current) throw new NotFoundError(phrase('error.network.notCreated'));
    return {
      ...current,
      meetings: current.meetings.map((m) => ({
        ...m,
        actions: m.actions.map((a) => (a.id === actionId ? { ...a, done: true } : a)),
      })),
    };
  });
  await recordAudit(
    asPerson(actor),
    'network',
    cancerType,
    'action-done',
    phrase('trail.network.actionDone', { action: actionId }),
  );
}

/** The network's members: its cancer type's `network` contacts plus added members. */
export function networkMembers(network: Network | undefined, cancerType: string, contacts: Contact[]) {
  const fromList = contacts
    .filter((c) => c.role === 'network' && (c.cancerTypes.length === 0 || c.cancerTypes.includes(cancerType)))
    .map((c) => ({
      name: c.name,
      title: c.title,
      email: c.email,
      region: c.region,
      source: 'contacts' as const,
    }));
  const added = (network?.members ?? [])
    .filter((m) => !fromList.some((c) => c.email.toLowerCase() === m.email.toLowerCase()))
    .map((m) => ({
      name: m.name,
      title: m.title,
      email: m.email,
      region: undefined,
      source: 'added' as const,
    }));
  return [...fromList, ...added];
}

export async function networkOverview(
  cancerType: string,
  lang: 'da' | 'en' = 'da',
): Promise<{
  network: Network | undefined;
  problems: Problem[];
  proposal: StandbyProposal;
  members: ReturnType<typeof networkMembers>;
}> {
  knownCancerType(cancerType);
  const now = currentTime();
  const network = await getNetwork(cancerType);
  const problems = (await listProblemsCreatedBefore(now.toISOString())).filter(
    (p) => p.cancerType === cancerType,
  );
  const proposal = standbyProposal({
    network,
    problems,
    now,
    weeks: standbyWeeks(),
    weeksWithinMaximum: await weeksWithinMaximumFor(cancerType, now),
    lang,
  });
  return { network, problems, proposal, members: networkMembers(network, cancerType, await listContacts()) };
}

export { listNetworks };

/**
 * E-mails Danske Regioner's contact(s) a summary of the network's situation; recorded. The form's
 * submission key is claimed first, so a double click (or a resent form) sends one e-mail.
 * @returns the number of recipients; 0 when this submission was already sent
 */
export async function informDanskeRegioner(
  actor: Actor,
  cancerType: string,
  submissionKey: string,
): Promise<number> {
  const { network, problems } = await networkOverview(cancerType);
  if (!mayCoordinate(actor, cancerType, network))
    throw new ForbiddenError(phrase('error.network.informForbidden'));
  if (!network) throw new NotFoundError(phrase('error.network.notCreated'));
  const scope = `NETINFORM#${cancerType}`;
  if (!(await claimSend(scope, submissionKey))) return 0;
  const recipients = (await listContacts()).filter((c) => c.role === 'danske-regioner');
  try {
    for (const r of recipients) {
      const mail = danskeRegionerEmail({
        name: r.name,
        network,
        openProblems: problems.filter((p) => p.status === 'open'),
        from: asPerson(actor),
        url: `${config().BASE_URL}/netvaerk/${cancerType}`,
        lang: r.language,
      });
      await mailer().send({ to: r.email, ...mail, purpose: 'network-inform' });
    }
  } catch (error) {
    // Nothing recorded yet: let the user try again with the same form.
    await releaseSend(scope, submissionKey);
    throw error;
  }
  const to = recipients.map((r) => r.email);
  const at = currentTime().toISOString();
  await update(cancerType, (current) =>
    current ? { ...current, informed: [...current.informed, { at, who: asPerson(actor), to }] } : undefined,
  );
  await recordAudit(
    asPerson(actor),
    'network',
    cancerType,
    'informed-danske-regioner',
    phrase('trail.network.informed', { to: to.join(', ') }),
  );
  return recipients.length;
}

/** Sets (or, to give a claim back, clears) `remindedAt` on the given actions. */
function markReminded(network: Network, ids: Set<string>, remindedAt: string | undefined): Network {
  return {
    ...network,
    meetings: network.meetings.map((m) => ({
      ...m,
      actions: m.actions.map((a) => {
        if (!ids.has(a.id)) return a;
        const { remindedAt: _, ...rest } = a;
        return remindedAt ? { ...rest, remindedAt } : rest;
      }),
    })),
  };
}

/**
 * Reminds owners of open meeting actions due by tomorrow, once per action, network by network
 * (the network-actions job runs the same units in parallel). `remindedAt` is the claim, written
 * before sending; only actions this run claimed are sent, and a claim is given back when its send
 * fails, so a retried job neither repeats nor loses one.
 */
export async function sendActionReminders(): Promise<{ reminded: number }> {
  let reminded = 0;
  for (const unit of await actionReminderUnits()) reminded += (await sendActionReminderUnit(unit)).reminded;
  return { reminded };
}

/** One network with actions to remind: a work unit of the network-actions job. */
export interface ActionReminderUnit {
  cancerType: string;
}

/** The networks with actions due by tomorrow (Copenhagen) that nobody has been reminded of. */
export async function actionReminderUnits(): Promise<ActionReminderUnit[]> {
  const until = localDate(addCalendarDays(currentTime(), 1));
  return (await listNetworks())
    .filter((network) => actionsToRemind(network, until).length > 0)
    .map((network) => ({ cancerType: network.cancerType }));
}

/** Claims the network's due actions, then e-mails each owner; a failed send gives back its claims. */
export async function sendActionReminderUnit(unit: ActionReminderUnit): Promise<{ reminded: number }> {
  const now = currentTime();
  const at = now.toISOString();
  const until = localDate(addCalendarDays(now, 1));
  const { cancerType } = unit;
  let reminded = 0;
  let claimed: { meeting: Meeting; action: MeetingAction }[] = [];
  await update(cancerType, (current) => {
    claimed = current ? actionsToRemind(current, until) : [];
    if (claimed.length === 0) return undefined;
    return markReminded(current as Network, new Set(claimed.map((c) => c.action.id)), at);
  });
  for (const [index, { meeting, action }] of claimed.entries()) {
    const mail = actionReminderEmail({
      cancerType,
      meetingDate: meeting.date,
      action,
      url: `${config().BASE_URL}/netvaerk/${cancerType}`,
      lang: await preferredLanguage(action.owner),
    });
    try {
      await mailer().send({ to: action.owner, ...mail, purpose: 'network-action' });
    } catch (error) {
      // Give back this claim and the ones not sent yet.
      const unsent = new Set(claimed.slice(index).map((c) => c.action.id));
      await update(cancerType, (current) => (current ? markReminded(current, unsent, undefined) : undefined));
      throw error;
    }
    reminded++;
  }
  return { reminded };
}
