import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isNonWorkingDay,
  isoWeek,
  isoWeekKey,
  isPublicHoliday,
  weekStart,
} from '../../functions/domain/time.ts';

/*
 * Danish public holidays (functions/domain/holidays.ts; cross-checked against date-holidays 3.37.0 for 2023–2027):
 * - 'public': nytårsdag, skærtorsdag, langfredag, påskedag, 2. påskedag, Kristi himmelfartsdag,
 *   pinsedag, 2. pinsedag, juledag (25/12), 2. juledag (26/12); Store Bededag only up to 2023.
 * - 'observance' (so ordinary working days here): fastelavn, 1. maj, grundlovsdag, juleaftensdag (24/12).
 * That matches Danish law: 25 and 26 December are helligdage, 24 December is not, and
 * Store Bededag was abolished as a helligdag from 2024.
 *
 * Times below are written with their Copenhagen offset: +01:00 in winter (CET), +02:00 in summer (CEST).
 */

describe('addWorkingDays: response windows in Copenhagen working days', () => {
  it('skips the weekend: Friday 14:00 + 2 working days is Tuesday 14:00', () => {
    const friday = new Date('2026-11-20T14:00:00+01:00');

    const deadline = addWorkingDays(friday, 2);

    expect(deadline).toEqual(new Date('2026-11-24T14:00:00+01:00'));
  });

  it('keeps the wall-clock time on an ordinary weekday', () => {
    const tuesday = new Date('2026-11-17T09:30:00+01:00');

    expect(addWorkingDays(tuesday, 1)).toEqual(new Date('2026-11-18T09:30:00+01:00'));
  });

  it('skips juledag and 2. juledag (25 and 26 December) as helligdage', () => {
    // 2028: 24 Dec is a Sunday, 25–26 Dec are Monday–Tuesday, so only the helligdage are in play.
    const friday = new Date('2028-12-22T10:00:00+01:00');

    expect(addWorkingDays(friday, 1)).toEqual(new Date('2028-12-27T10:00:00+01:00'));
  });

  it('counts juleaftensdag (24 December) as a working day, as it is not a helligdag', () => {
    // Wed 23 Dec 2026 14:00 + 2: Thu 24 Dec (1), Fri 25 + weekend skipped, Mon 28 Dec (2).
    const wednesday = new Date('2026-12-23T14:00:00+01:00');

    expect(isPublicHoliday('2026-12-24')).toBe(false);
    expect(addWorkingDays(wednesday, 2)).toEqual(new Date('2026-12-28T14:00:00+01:00'));
  });

  it('skips skærtorsdag, langfredag and 2. påskedag at Easter 2027 (and the DST change that Sunday)', () => {
    // Easter Sunday 2027 is 28 March, also the day summer time starts.
    const wednesday = new Date('2027-03-24T14:00:00+01:00');

    expect(addWorkingDays(wednesday, 1)).toEqual(new Date('2027-03-30T14:00:00+02:00'));
  });

  it('marks each Easter 2027 helligdag as a non-working day', () => {
    for (const date of ['2027-03-25', '2027-03-26', '2027-03-29']) {
      expect(isNonWorkingDay(date), date).toBe(true);
    }
  });

  it('skips nytårsdag: 31 December 2026 + 1 working day is Monday 4 January 2027', () => {
    const thursday = new Date('2026-12-31T10:00:00+01:00');

    expect(addWorkingDays(thursday, 1)).toEqual(new Date('2027-01-04T10:00:00+01:00'));
  });

  it('skips Kristi himmelfartsdag (Thursday 14 May 2026)', () => {
    const wednesday = new Date('2026-05-13T10:00:00+02:00');

    expect(addWorkingDays(wednesday, 1)).toEqual(new Date('2026-05-15T10:00:00+02:00'));
  });

  it('skips 2. pinsedag (Monday 25 May 2026)', () => {
    const friday = new Date('2026-05-22T10:00:00+02:00');

    expect(addWorkingDays(friday, 1)).toEqual(new Date('2026-05-26T10:00:00+02:00'));
  });

  it('treats the former Store Bededag as a working day from 2024 (1 May 2026, 23 April 2027)', () => {
    const thursday2026 = new Date('2026-04-30T10:00:00+02:00');
    const thursday2027 = new Date('2027-04-22T10:00:00+02:00');

    expect(addWorkingDays(thursday2026, 1)).toEqual(new Date('2026-05-01T10:00:00+02:00'));
    expect(addWorkingDays(thursday2027, 1)).toEqual(new Date('2027-04-23T10:00:00+02:00'));
  });

  it('starts a weekend report from the beginning of Monday (08:00)', () => {
    const saturday = new Date('2026-11-21T15:00:00+01:00');

    expect(addWorkingDays(saturday, 2)).toEqual(new Date('2026-11-25T08:00:00+01:00'));
  });

  it('keeps the Copenhagen wall-clock time across the start of summer time (last Sunday of March)', () => {
    // Summer time starts Sunday 29 March 2026.
    const friday = new Date('2026-03-27T14:00:00+01:00');

    const deadline = addWorkingDays(friday, 1);

    expect(deadline).toEqual(new Date('2026-03-30T14:00:00+02:00'));
    expect(deadline.toISOString()).toBe('2026-03-30T12:00:00.000Z');
  });

  it('keeps the Copenhagen wall-clock time across the end of summer time (last Sunday of October)', () => {
    // Summer time ends Sunday 25 October 2026.
    const friday = new Date('2026-10-23T14:00:00+02:00');

    const deadline = addWorkingDays(friday, 1);

    expect(deadline).toEqual(new Date('2026-10-26T14:00:00+01:00'));
    expect(deadline.toISOString()).toBe('2026-10-26T13:00:00.000Z');
  });

  it('uses the Copenhagen date, not the UTC date, to decide the starting day', () => {
    // Friday 23:30 UTC is already Saturday 00:30 in Copenhagen: a weekend start.
    const lateFridayUtc = new Date('2026-11-20T23:30:00Z');

    expect(addWorkingDays(lateFridayUtc, 1)).toEqual(new Date('2026-11-24T08:00:00+01:00'));
  });
});

describe('ISO weeks ("uge") in Copenhagen', () => {
  it('puts Sunday 22 November 2026 in week 47', () => {
    const sunday = new Date('2026-11-22T12:00:00+01:00');

    expect(isoWeek(sunday)).toEqual({ year: 2026, week: 47 });
    expect(isoWeekKey(sunday)).toBe('2026-W47');
  });

  it('puts Thursday 31 December 2026 in week 53 of 2026', () => {
    expect(isoWeekKey(new Date('2026-12-31T12:00:00+01:00'))).toBe('2026-W53');
  });

  it('puts Friday 1 January 2027 in week 53 of 2026', () => {
    expect(isoWeek(new Date('2027-01-01T12:00:00+01:00'))).toEqual({ year: 2026, week: 53 });
  });

  it('starts 2027-W01 on Monday 4 January 2027', () => {
    expect(isoWeekKey(new Date('2027-01-04T00:00:00+01:00'))).toBe('2027-W01');
    expect(isoWeekKey(new Date('2027-01-03T23:59:00+01:00'))).toBe('2026-W53');
  });

  it('moves Sunday 23:30 UTC to the next week because it is already Monday in Copenhagen', () => {
    const sundayLateUtc = new Date('2026-11-22T23:30:00Z'); // Monday 00:30 in Copenhagen

    expect(isoWeekKey(sundayLateUtc)).toBe('2026-W48');
    expect(isoWeekKey(new Date('2026-11-22T22:30:00Z'))).toBe('2026-W47'); // Sunday 23:30 in Copenhagen
  });

  it('pads single-digit weeks so week keys sort correctly', () => {
    expect(isoWeekKey(new Date('2027-03-03T12:00:00+01:00'))).toBe('2027-W09');
    expect(isoWeekKey(new Date('2027-03-10T12:00:00+01:00'))).toBe('2027-W10');
  });

  it('starts week 2026-W47 on Monday 16 November 2026 at 00:00 Copenhagen', () => {
    expect(weekStart('2026-W47').toISOString()).toBe('2026-11-15T23:00:00.000Z');
  });

  it('starts a summer week at 00:00 Copenhagen summer time', () => {
    expect(weekStart('2026-W27')).toEqual(new Date('2026-06-29T00:00:00+02:00'));
  });

  it('round-trips: the week key of a week start is the same key', () => {
    for (const key of ['2026-W01', '2026-W47', '2026-W53', '2027-W01', '2027-W13']) {
      expect(isoWeekKey(weekStart(key))).toBe(key);
    }
  });

  it('refuses something that is not a week key', () => {
    expect(() => weekStart('uge 47')).toThrow(/Not an ISO week key/);
  });
});
