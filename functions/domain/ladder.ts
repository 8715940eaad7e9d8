/**
 * The escalation ladder from the regions' cooperation agreement
 * ("Styrket samarbejde mellem regionerne på kræftområdet"):
 *   1. hospital  — contact the departments treating the same cancer type at other hospitals
 *   2. region    — contact the other regions through their primærindgang; the directors are informed
 *   3. directors — the case is raised in sundhedsdirektørkredsen
 *   4. network   — the national network of chief physicians for the cancer type coordinates
 */
import type { SCOPE_LIST } from './lists.ts';
import { addCalendarDays, addWorkingDays } from './time.ts';

export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];
export const TOP_LEVEL: Level = 4;

export const LEVEL_NAMES: Record<Level, { da: string; en: string }> = {
  1: { da: 'Hospital', en: 'Hospital' },
  2: { da: 'Region', en: 'Region' },
  3: { da: 'Sundhedsdirektørkredsen', en: 'Sundhedsdirektørkredsen' },
  4: { da: 'Nationalt netværk', en: 'National network' },
};

export type Scope = (typeof SCOPE_LIST.ids)[number];

export interface EntryFacts {
  scope: Scope;
  /** Foreseen to be long-lasting (længerevarende). */
  longLasting: boolean;
}

/**
 * Where a report enters the ladder. Per the agreement, a long-lasting problem in one or more
 * regions, or a problem across several regions, goes to sundhedsdirektørkredsen (level 3);
 * a problem across a region's hospitals starts with the other regions (level 2);
 * anything else starts between hospitals (level 1).
 *
 * @example entryLevel({ scope: 'hospital', longLasting: false }) // 1
 */
export function entryLevel(facts: EntryFacts): Level {
  if (facts.longLasting || facts.scope === 'regions') return 3;
  if (facts.scope === 'region') return 2;
  return 1;
}

/** Response windows in working days per level; level 4 repeats a reminder every `networkReminderDays`. */
export interface LadderSettings {
  windows: Record<1 | 2 | 3, number>;
  networkReminderDays: number;
  /** Divides every wait (LOCAL_TIME_SCALE); 1 in production. */
  timeScale: number;
}

export const DEFAULT_LADDER_SETTINGS: LadderSettings = {
  windows: { 1: 2, 2: 3, 3: 5 },
  networkReminderDays: 7,
  timeScale: 1,
};

/**
 * When the response window opened at `from` on `level` runs out. Levels 1–3 count working
 * days (Copenhagen, holidays skipped); the network level reminds every N calendar days.
 * With a time scale N the wait is divided by N so a whole ladder can be watched locally.
 */
export function levelDeadline(level: Level, from: Date, settings: LadderSettings): Date {
  const real =
    level === TOP_LEVEL
      ? addCalendarDays(from, settings.networkReminderDays)
      : addWorkingDays(from, settings.windows[level as 1 | 2 | 3]);
  if (settings.timeScale <= 1) return real;
  return new Date(
    from.getTime() + Math.max(1, Math.round((real.getTime() - from.getTime()) / settings.timeScale)),
  );
}

export type Transition =
  | { kind: 'resolved' }
  | { kind: 'escalate'; level: Level }
  | { kind: 'remind'; level: Level };

/**
 * What happens when a level's window runs out: a resolved problem ends, the top level
 * keeps reminding the network, anything else climbs one level.
 */
export function afterDeadline(level: Level, resolved: boolean): Transition {
  if (resolved) return { kind: 'resolved' };
  if (level === TOP_LEVEL) return { kind: 'remind', level };
  return { kind: 'escalate', level: (level + 1) as Level };
}

/**
 * Is this ladder step one of the network level's repeated reminders (the Check that leads to the
 * next round, or a later round's Notify)? Entering a level is not: the network's first e-mail is.
 */
export function isReminderStep(step: { action?: string; level?: number; round?: number }): boolean {
  if (step.level !== TOP_LEVEL) return false;
  return step.action === 'check' || (step.action === 'notify' && (step.round ?? 0) > 0);
}

export function isLevel(value: unknown): value is Level {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/**
 * How long an automatic restart waits after the `failures`-th consecutive failure: the first
 * restart at once, then 2, 4, 8 … minutes up to 6 hours, so a step that keeps failing is
 * retried without hammering what it fails on. Divided by the time scale like every ladder wait.
 */
export function restartBackoffMs(failures: number, timeScale = 1): number {
  if (failures <= 1) return 0;
  const minutes = Math.min(2 ** (failures - 1), 6 * 60);
  return (minutes * 60_000) / Math.max(1, timeScale);
}
