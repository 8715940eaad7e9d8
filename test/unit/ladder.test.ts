import { describe, expect, it } from 'vitest';
import {
  afterDeadline,
  DEFAULT_LADDER_SETTINGS,
  entryLevel,
  type LadderSettings,
  levelDeadline,
} from '../../functions/domain/ladder.ts';

const SECOND = 1000;
const DAY = 86_400_000;

describe('entryLevel: where a report enters the ladder', () => {
  it('starts a short problem at one hospital between hospitals (level 1)', () => {
    expect(entryLevel({ scope: 'hospital', longLasting: false })).toBe(1);
  });

  it("starts a problem across the region's hospitals with the other regions (level 2)", () => {
    expect(entryLevel({ scope: 'region', longLasting: false })).toBe(2);
  });

  it('takes a problem across several regions straight to sundhedsdirektørkredsen (level 3)', () => {
    expect(entryLevel({ scope: 'regions', longLasting: false })).toBe(3);
  });

  it.each(['hospital', 'region', 'regions'] as const)(
    'takes a long-lasting problem (scope %s) to sundhedsdirektørkredsen (level 3)',
    (scope) => {
      expect(entryLevel({ scope, longLasting: true })).toBe(3);
    },
  );
});

describe('afterDeadline: what happens when a response window runs out', () => {
  it.each([1, 2, 3, 4] as const)('ends the workflow when the problem is resolved (level %i)', (level) => {
    expect(afterDeadline(level, true)).toEqual({ kind: 'resolved' });
  });

  it('climbs one level at a time from hospital to the national network', () => {
    expect(afterDeadline(1, false)).toEqual({ kind: 'escalate', level: 2 });
    expect(afterDeadline(2, false)).toEqual({ kind: 'escalate', level: 3 });
    expect(afterDeadline(3, false)).toEqual({ kind: 'escalate', level: 4 });
  });

  it('keeps reminding the national network instead of climbing past the top level', () => {
    expect(afterDeadline(4, false)).toEqual({ kind: 'remind', level: 4 });
  });
});

describe('levelDeadline: how long each level has to respond', () => {
  // Monday 16 November 2026, 10:00 in Copenhagen (CET, UTC+1); no holidays that fortnight.
  const monday10 = new Date('2026-11-16T10:00:00+01:00');

  it('gives the hospital level 2 working days by default', () => {
    expect(levelDeadline(1, monday10, DEFAULT_LADDER_SETTINGS)).toEqual(
      new Date('2026-11-18T10:00:00+01:00'),
    );
  });

  it('gives the region level 3 working days by default', () => {
    expect(levelDeadline(2, monday10, DEFAULT_LADDER_SETTINGS)).toEqual(
      new Date('2026-11-19T10:00:00+01:00'),
    );
  });

  it('gives sundhedsdirektørkredsen 5 working days by default, skipping the weekend', () => {
    expect(levelDeadline(3, monday10, DEFAULT_LADDER_SETTINGS)).toEqual(
      new Date('2026-11-23T10:00:00+01:00'),
    );
  });

  it('skips the weekend for a hospital-level report made on a Friday afternoon', () => {
    const friday14 = new Date('2026-11-20T14:00:00+01:00');

    expect(levelDeadline(1, friday14, DEFAULT_LADDER_SETTINGS)).toEqual(
      new Date('2026-11-24T14:00:00+01:00'),
    );
  });

  it('reminds the national network every 7 calendar days, weekends included', () => {
    const saturdayNoon = new Date('2026-11-21T12:00:00+01:00');

    expect(levelDeadline(4, saturdayNoon, DEFAULT_LADDER_SETTINGS)).toEqual(
      new Date('2026-11-28T12:00:00+01:00'),
    );
  });

  it('uses the configured windows and reminder interval instead of the defaults', () => {
    const settings: LadderSettings = { windows: { 1: 1, 2: 4, 3: 10 }, networkReminderDays: 3, timeScale: 1 };

    expect(levelDeadline(1, monday10, settings)).toEqual(new Date('2026-11-17T10:00:00+01:00'));
    expect(levelDeadline(2, monday10, settings)).toEqual(new Date('2026-11-20T10:00:00+01:00'));
    expect(levelDeadline(3, monday10, settings)).toEqual(new Date('2026-11-30T10:00:00+01:00'));
    expect(levelDeadline(4, monday10, settings)).toEqual(new Date('2026-11-19T10:00:00+01:00'));
  });

  it('divides every wait by the time scale so a whole ladder can be watched locally', () => {
    const settings: LadderSettings = { ...DEFAULT_LADDER_SETTINGS, timeScale: 1000 };

    // 2 working days = 48 h → 172.8 s; 7 calendar days = 168 h → 604.8 s.
    expect(levelDeadline(1, monday10, settings).getTime() - monday10.getTime()).toBe(172.8 * SECOND);
    expect(levelDeadline(4, monday10, settings).getTime() - monday10.getTime()).toBe(604.8 * SECOND);
  });

  it('keeps the working-day calendar when scaling (a Friday wait still spans the weekend)', () => {
    const friday14 = new Date('2026-11-20T14:00:00+01:00');
    const settings: LadderSettings = { ...DEFAULT_LADDER_SETTINGS, timeScale: 1000 };

    // Friday 14:00 → Tuesday 14:00 is 4 calendar days; divided by 1000 → 345.6 s.
    expect(levelDeadline(1, friday14, settings).getTime() - friday14.getTime()).toBe((4 * DAY) / 1000);
  });

  it('never lets a scaled deadline fall on or before the moment the window opened', () => {
    const settings: LadderSettings = { ...DEFAULT_LADDER_SETTINGS, timeScale: 1e12 };

    expect(levelDeadline(1, monday10, settings).getTime()).toBeGreaterThan(monday10.getTime());
  });

  it('uses real time when the time scale is 1', () => {
    const settings: LadderSettings = { ...DEFAULT_LADDER_SETTINGS, timeScale: 1 };

    expect(levelDeadline(1, monday10, settings)).toEqual(new Date('2026-11-18T10:00:00+01:00'));
  });
});

describe('network reminders across daylight saving', () => {
  it('keeps the Copenhagen wall-clock time when summer time ends', () => {
    // 20 Oct 2026 10:00 summer time (08:00Z) + 7 days → 27 Oct 10:00 winter time (09:00Z).
    const deadline = levelDeadline(4, new Date('2026-10-20T08:00:00Z'), DEFAULT_LADDER_SETTINGS);
    expect(deadline.toISOString()).toBe('2026-10-27T09:00:00.000Z');
  });
});
