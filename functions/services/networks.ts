/**
 * National networks: activated by a recorded decision of sundhedsdirektørkredsen (a director or
 * the secretariat) or automatically when a problem reaches level 4; put on standby by a person
 * (the system only proposes it); members, coordination meetings with action reminders, and the
 * "inform Danske Regioner" e-mail. Every change is in the audit trail.
 */
import { randomUUID } from 'node:crypto';
import { config } from '#adapters/config.ts';
import { deps } from '#adapters/deps.ts';
import {
  getNetwork,
  listNetworks,
  listProblemsCreatedBefore,
  saveNetwork,
} from '#adapters/followup-store.ts';
import { listContacts } from '#adapters/store.ts';
import {
  actionsToRemind,
  changeState,
  DEFAULT_STANDBY_WEEKS,
  type MeetingAction,
  type Network,
  type NetworkState,
  type StandbyProposal,
  standbyProposal,
} from '#domain/networks.ts';
import type { Problem } from '#domain/problem.ts';
import { type Contact, cancerTypeName, referenceData } from '#domain/reference.ts';
import { addCalendarDays, localDate } from '#domain/time.ts';
import { actionReminderEmail, danskeRegionerEmail } from '#web/followup-emails.ts';
import { type Actor, asPerson, ForbiddenError, NotFoundError } from './actors.ts';
import { recordAudit, SYSTEM_PERSON } from './audit.ts';
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

/** Members and the circle may record meetings; the circle and the secretariat decide state. */
export function mayCoordinate(actor: Pick<Actor, 'role'>): boolean {
  return mayDecide(actor) || actor.role === 'network';
}

function knownCancerType(cancerType: string): void {
  if (!referenceData().cancerTypes.some((c) => c.id === cancerType))
    throw new NotFoundError('Ukendt kræftform.');
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
  if (!mayDecide(actor))
    throw new ForbiddenError('Kun sundhedsdirektørkredsen og Specialenheden kan ændre netværkets status.');
  let changed = false;
  const at = deps().now().toISOString();
  const network = await update(cancerType, (current) => {
    if (!current && state === 'standby') throw new NotFoundError('Netværket er ikke oprettet.');
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
      reason,
      {
        after: { state },
      },
    );
  return network as Network;
}

/** Called by the ladder when a problem enters level 4; idempotent (retries, several problems). */
export async function activateNetworkAutomatically(problem: Problem): Promise<void> {
  let changed = false;
  const at = deps().now().toISOString();
  await update(problem.cancerType, (current) => {
    const result = changeState(current, problem.cancerType, {
      at,
      state: 'active',
      who: SYSTEM_PERSON,
      reason: `Sag ${problem.ref} nåede niveau 4.`,
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
      `Aktiveret automatisk: ${problem.ref} nåede niveau 4.`,
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
  if (!mayDecide(actor))
    throw new ForbiddenError('Kun sundhedsdirektørkredsen og Specialenheden kan tilføje medlemmer.');
  const at = deps().now().toISOString();
  const network = await update(cancerType, (current) => {
    if (!current) throw new NotFoundError('Netværket er ikke oprettet.');
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
      `Medlem tilføjet: ${member.name} (${member.email}).`,
    );
}

export async function recordMeeting(
  actor: Actor,
  cancerType: string,
  meeting: { date: string; participants: string[]; actions: Omit<MeetingAction, 'id'>[] },
): Promise<void> {
  if (!mayCoordinate(actor))
    throw new ForbiddenError('Kun netværkets medlemmer og sundhedsdirektørkredsen kan registrere møder.');
  await update(cancerType, (current) => {
    if (!current) throw new NotFoundError('Netværket er ikke oprettet.');
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
    `Koordineringsmøde ${meeting.date} med ${meeting.participants.length} deltagere og ${meeting.actions.length} handlinger.`,
  );
}

export async function completeAction(actor: Actor, cancerType: string, actionId: string): Promise<void> {
  if (!mayCoordinate(actor)) throw new ForbiddenError('Du kan ikke ændre netværkets handlinger.');
  await update(cancerType, (current) => {
    if (!current) throw new NotFoundError('Netværket er ikke oprettet.');
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
    `Handling ${actionId} markeret som udført.`,
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
      source: 'Telefonlisten',
    }));
  const added = (network?.members ?? [])
    .filter((m) => !fromList.some((c) => c.email.toLowerCase() === m.email.toLowerCase()))
    .map((m) => ({ name: m.name, title: m.title, email: m.email, region: undefined, source: 'Tilføjet' }));
  return [...fromList, ...added];
}

export async function networkOverview(cancerType: string): Promise<{
  network: Network | undefined;
  problems: Problem[];
  proposal: StandbyProposal;
  members: ReturnType<typeof networkMembers>;
}> {
  knownCancerType(cancerType);
  const now = deps().now();
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
  });
  return { network, problems, proposal, members: networkMembers(network, cancerType, await listContacts()) };
}

export { listNetworks };

/** E-mails Danske Regioner's contact(s) a summary of the network's situation; recorded. */
export async function informDanskeRegioner(actor: Actor, cancerType: string): Promise<number> {
  if (!mayCoordinate(actor)) throw new ForbiddenError('Du kan ikke informere Danske Regioner for netværket.');
  const { network, problems } = await networkOverview(cancerType);
  if (!network) throw new NotFoundError('Netværket er ikke oprettet.');
  const recipients = (await listContacts()).filter((c) => c.role === 'danske-regioner');
  for (const r of recipients) {
    const mail = danskeRegionerEmail({
      name: r.name,
      network,
      openProblems: problems.filter((p) => p.status === 'open'),
      from: asPerson(actor),
      url: `${config().BASE_URL}/netvaerk/${cancerType}`,
    });
    await deps().mailer.send({ to: r.email, ...mail, purpose: 'network-inform' });
  }
  const to = recipients.map((r) => r.email);
  const at = deps().now().toISOString();
  await update(cancerType, (current) =>
    current ? { ...current, informed: [...current.informed, { at, who: asPerson(actor), to }] } : undefined,
  );
  await recordAudit(
    asPerson(actor),
    'network',
    cancerType,
    'informed-danske-regioner',
    `Danske Regioner informeret (${to.join(', ')}).`,
  );
  return recipients.length;
}

/** Scheduled: reminds owners of open meeting actions due by tomorrow, once per action. */
export async function sendActionReminders(): Promise<{ reminded: number }> {
  const now = deps().now();
  const until = localDate(addCalendarDays(now, 1));
  let reminded = 0;
  for (const network of await listNetworks()) {
    const due = actionsToRemind(network, until);
    if (due.length === 0) continue;
    const ids = new Set(due.map((d) => d.action.id));
    const saved = await update(network.cancerType, (current) =>
      current
        ? {
            ...current,
            meetings: current.meetings.map((m) => ({
              ...m,
              actions: m.actions.map((a) =>
                ids.has(a.id) && !a.remindedAt ? { ...a, remindedAt: now.toISOString() } : a,
              ),
            })),
          }
        : undefined,
    );
    if (!saved) continue;
    for (const { meeting, action } of due) {
      const mail = actionReminderEmail({
        cancerTypeName: cancerTypeName(network.cancerType),
        meetingDate: meeting.date,
        action,
        url: `${config().BASE_URL}/netvaerk/${network.cancerType}`,
      });
      await deps().mailer.send({ to: action.owner, ...mail, purpose: 'network-action' });
      reminded++;
    }
  }
  return { reminded };
}
