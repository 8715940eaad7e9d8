/**
 * A capacity problem: what a department reports (validated by schemas/problem.ts) and the record
 * the ladder works on.
 */
import { containsCprNumber } from './cpr.ts';
import type { Level, Scope } from './ladder.ts';
import { SCOPE_LIST } from './lists.ts';
import type { PathwayType, TreatmentModality } from './reference.ts';
import type { Offer, ProblemReport } from './schemas/problem.ts';
import type { WeeklyBasis } from './weekly.ts';

// The schemas are in schemas/problem.ts; the types they define are the problem's own.
export type { Offer, ProblemReport };

/** For ids, keys and addresses that are stored or mailed: never a CPR number either. */
export const notCpr = (text: string): boolean => !containsCprNumber(text);

/** The longest e-mail address a form takes (RFC 5321's limit); longer is refused, never cut. */
export const EMAIL_MAX = 254;

/** The longest id a form takes (ids end up in addresses and file names). */
export const ID_MAX = 60;

export const SCOPES = SCOPE_LIST.ids;
export const SCOPE_LABELS: Record<Scope, string> = SCOPE_LIST.labels('da');

/** Longest description of a problem, in characters. */
export const DESCRIPTION_MAX = 2000;
/** Longest note on an offer, a receipt or a resolution. */
export const OFFER_NOTE_MAX = 500;
export const RESOLVE_NOTE_MAX = 1000;

export interface Person {
  email: string;
  name: string;
  role: string;
}

/**
 * pending: stored, execution not started yet; started: an execution was started; failed: the
 * start failed (retried by the reconcile job); stopped: an execution ended in its failure path
 * ("Eskaleringen er stoppet af en fejl"), restarted by the reconcile job or the secretariat.
 */
export type WorkflowState = 'pending' | 'started' | 'failed' | 'stopped';

/** The reference people quote ("KK-6435-VRXX") for a problem's internal id ("6435VRXXZ3"). */
export function problemRef(id: string): string {
  return `KK-${id.slice(0, 4)}-${id.slice(4, 8)}`;
}

/** A reference as someone might type it: "kk-6435-vrxx" → "KK-6435-VRXX"; undefined if it is not one. */
export function parseProblemRef(text: string): string | undefined {
  const match = /^KK-([0-9A-Z]{4})-([0-9A-Z]{4})$/i.exec(text.trim());
  return match ? `KK-${match[1]}-${match[2]}`.toUpperCase() : undefined;
}

export interface Problem extends ProblemReport {
  id: string;
  /**
   * Set when the weekly exchange opened the problem by itself: its description is then written
   * from these figures in the reader's language (`description` stays empty).
   */
  weeklyBasis?: WeeklyBasis;
  /** problemRef(id). */
  ref: string;
  status: 'open' | 'resolved';
  hospital: string;
  region: string;
  entryLevel: Level;
  level: Level;
  levelSince?: string;
  /** Reminder round at the network level (0 on entry). */
  round: number;
  deadline?: string;
  reportedBy: Person;
  createdAt: string;
  updatedAt: string;
  resolvedAt?: string;
  resolvedBy?: Person;
  resolution?: string;
  offeredPatients: number;
  workflow: {
    state: WorkflowState;
    executionId?: string;
    attempts: number;
    lastError?: string;
    generation: number;
    /** Restarts so far: each restart runs under a new execution name (`executionName`). */
    restarts?: number;
    /** Failures since the ladder last moved on (backs off automatic restarts, alerts once). */
    failures?: number;
    /** When the last execution stopped on an error, and which one (the failure is recorded once). */
    stoppedAt?: string;
    stoppedExecution?: string;
    /** The stop is on the timeline (a retried failure step appends it if an earlier try could not). */
    stopRecorded?: boolean;
  };
  version: number;
}

export type PathwayOrModality = PathwayType | TreatmentModality;
