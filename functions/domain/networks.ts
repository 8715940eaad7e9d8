import type { Person, Problem } from './problem.ts';
import type { StoredPhrase } from './stored-phrase.ts';

/** The most characters of the networks' free-text fields (the forms show the same limits). */
/** Characters per field; `participants` and `actions` are whole textareas (one line each, lines limited too). */
export const NETWORK_TEXT_MAX = {
  reason: 500,
  memberName: 120,
  memberTitle: 120,
  participant: 200,
  participants: 2000,
  actionText: 300,
  actions: 4000,
} as const;

export type NetworkState = 'active' | 'standby';

export const NETWORK_STATE_LABELS: Record<NetworkState, string> = { active: 'Aktivt', standby: 'Standby' };

/** Default number of calm weeks before the system proposes standby (NETWORK_STANDBY_WEEKS). */
export const DEFAULT_STANDBY_WEEKS = 4;

export interface StateChange {
  at: string;
  state: NetworkState;
  who: Person;
  /** The decision's reason as written, or the system's Danish text for an automatic change. */
  reason: string;
  /** An automatic change's reason as a phrase, read in the reader's language. */
  reasonPhrase?: StoredPhrase;
  /** A recorded decision by a person, or automatic when a problem reached level 4. */
  source: 'decision' | 'automatic';
  problemId?: string;
}

export interface NetworkMember {
  name: string;
  email: string;
  title: string;
  addedAt: string;
  addedBy: Person;
}

export interface MeetingAction {
  id: string;
  text: string;
  owner: string;
  due: string;
  done?: boolean;
  remindedAt?: string;
}

export interface Meeting {
  id: string;
  date: string;
  participants: string[];
  actions: MeetingAction[];
  recordedBy: Person;
}

export interface Network {
  cancerType: string;
  state: NetworkState;
  history: StateChange[];
  members: NetworkMember[];
  meetings: Meeting[];
  informed: { at: string; who: Person; to: string[] }[];
  version: number;
}

/**
 * The network after a state change; `changed: false` when it already was in that state (the
 * automatic activation at level 4 runs on every retry of a ladder step and must be idempotent).
 */
export function changeState(
  network: Network | undefined,
  cancerType: string,
  change: StateChange,
): { network: Network; changed: boolean } {
  if (network?.state === change.state) return { network, changed: false };
  if (!network && change.state === 'standby') throw new Error('A network is created by activating it.');
  const base: Network = network ?? {
    cancerType,
    state: change.state,
    history: [],
    members: [],
    meetings: [],
    informed: [],
    version: 0,
  };
  return { network: { ...base, state: change.state, history: [...base.history, change] }, changed: true };
}

export interface StandbyProposal {
  propose: boolean;
  /** Why (not), in the language asked for. */
  reason: string;
}

/**
 * Standby is proposed when the network is active, no problem for the cancer type is open, and
 * for `weeks` weeks nothing has happened: since the latest of activation, report or resolution.
 * When the weekly exchange says waits were within the maximum, that must hold too; without
 * weekly data the proposal says so.
 */
export function standbyProposal(args: {
  network: Network | undefined;
  problems: Problem[];
  now: Date;
  weeks: number;
  /** From the weekly exchange: weeks in a row (up to now) the waits stayed within the maximum. */
  weeksWithinMaximum?: number;
  lang?: 'da' | 'en';
}): StandbyProposal {
  const { network, now, weeks } = args;
  const en = args.lang === 'en';
  if (network?.state !== 'active')
    return { propose: false, reason: en ? 'The network is not active.' : 'Netværket er ikke aktivt.' };
  const problems = args.problems.filter((p) => p.cancerType === network.cancerType);
  const open = problems.filter((p) => p.status === 'open');
  if (open.length > 0) {
    const one = open.length === 1;
    return {
      propose: false,
      reason: en
        ? `${open.length} ${one ? 'problem is' : 'problems are'} still open.`
        : `${open.length} ${one ? 'sag er' : 'sager er'} stadig åben${one ? '' : 'e'}.`,
    };
  }
  const lastActivation = [...network.history].reverse().find((h) => h.state === 'active')?.at ?? '';
  const lastEvent = [lastActivation, ...problems.flatMap((p) => [p.createdAt, p.resolvedAt ?? ''])].reduce(
    (a, b) => (a > b ? a : b),
    '',
  );
  const calmWeeks = Math.floor((now.getTime() - Date.parse(lastEvent)) / (7 * 86_400_000));
  if (calmWeeks < weeks)
    return {
      propose: false,
      reason: en
        ? `It has been calm for only ${calmWeeks} of ${weeks} weeks.`
        : `Der har kun været roligt i ${calmWeeks} af ${weeks} uger.`,
    };
  if (args.weeksWithinMaximum !== undefined && args.weeksWithinMaximum < weeks)
    return {
      propose: false,
      reason: en
        ? `The waiting times have been within the maximum for only ${args.weeksWithinMaximum} of ${weeks} weeks.`
        : `Ventetiderne har kun været inden for det maksimale i ${args.weeksWithinMaximum} af ${weeks} uger.`,
    };
  const noWeekly = args.weeksWithinMaximum === undefined;
  return {
    propose: true,
    reason: en
      ? `No open problems and calm for ${calmWeeks} weeks${noWeekly ? ' (no weekly waiting-time data)' : ', and the waiting times have been within the maximum'}.`
      : `Ingen åbne sager og roligt i ${calmWeeks} uger${noWeekly ? ' (ingen ugentlige ventetidsdata)' : ', og ventetiderne har været inden for det maksimale'}.`,
  };
}

/** Open actions due on or before `until` (YYYY-MM-DD) that have not been reminded. */
export function actionsToRemind(
  network: Network,
  until: string,
): { meeting: Meeting; action: MeetingAction }[] {
  return network.meetings.flatMap((meeting) =>
    meeting.actions
      .filter((a) => !a.done && !a.remindedAt && a.due <= until)
      .map((action) => ({ meeting, action })),
  );
}

/** Networks' states at an instant (from their history): for the quarterly status. */
export function networkStatesAt(networks: Network[], atIso: string): { active: string[]; standby: string[] } {
  const active: string[] = [];
  const standby: string[] = [];
  for (const n of networks) {
    const last = n.history.filter((h) => h.at < atIso).at(-1);
    if (last?.state === 'active') active.push(n.cancerType);
    else if (last?.state === 'standby') standby.push(n.cancerType);
  }
  return { active: active.sort(), standby: standby.sort() };
}
