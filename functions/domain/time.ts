/**
 * Calendar rules in Europe/Copenhagen: working days (weekends and Danish public holidays skipped)
 * and ISO weeks. All instants are UTC `Date`s; only the calendar arithmetic happens in local time.
 */
import { danishHolidays } from './holidays.ts';

export const TIME_ZONE = 'Europe/Copenhagen';

/**
 * `make()` on the first call, its value ever after: each Intl formatter built at module load costs
 * milliseconds of a Lambda's cold start.
 */
export function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

const dateFormatter = lazily(
  () =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }),
);

const partsFormatter = lazily(
  () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }),
);

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: Date): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter().formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return parts as unknown as LocalParts;
}

/** The local calendar date (YYYY-MM-DD) of an instant in Copenhagen. */
export function localDate(instant: Date): string {
  return dateFormatter().format(instant);
}

/** The UTC instant of a Copenhagen wall-clock time (DST-aware). */
export function fromLocal(p: LocalParts): Date {
  const guess = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // Two passes settle the offset even on DST transition days.
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const seen = localParts(new Date(instant));
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    instant += guess - seenUtc;
  }
  return new Date(instant);
}

/** True for Danish public holidays (helligdage): påske, pinse, Kristi himmelfart, jul, nytår. */
export function isPublicHoliday(date: string): boolean {
  return danishHolidays(Number(date.slice(0, 4))).has(date);
}

/** Saturday, Sunday or a Danish public holiday. */
export function isNonWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 || isPublicHoliday(date);
}

function nextDate(date: string, days = 1): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The instant `workingDays` working days after `start`, at the same Copenhagen wall-clock time.
 * A start on a non-working day counts from the next working day's beginning.
 *
 * @example addWorkingDays(new Date('2026-12-23T13:00:00Z'), 2) // 2026-12-28 14:00 Copenhagen (24 Dec is a working day)
 */
export function addWorkingDays(start: Date, workingDays: number): Date {
  const parts = localParts(start);
  let date = localDate(start);
  let time = { hour: parts.hour, minute: parts.minute, second: parts.second };
  if (isNonWorkingDay(date)) time = { hour: 8, minute: 0, second: 0 };
  let left = workingDays;
  while (isNonWorkingDay(date)) date = nextDate(date);
  while (left > 0) {
    date = nextDate(date);
    if (!isNonWorkingDay(date)) left--;
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return fromLocal({ year: y, month: m, day: d, ...time });
}

/**
 * The instant `days` calendar days after `start` at the same Copenhagen wall-clock time, so a
 * weekly reminder stays at 10:00 across the daylight-saving changes.
 */
export function addCalendarDays(start: Date, days: number): Date {
  const parts = localParts(start);
  const [y, m, d] = nextDate(localDate(start), days).split('-').map(Number) as [number, number, number];
  return fromLocal({
    year: y,
    month: m,
    day: d,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  });
}

/** ISO 8601 week of an instant, in Copenhagen: `{ year: 2026, week: 47 }` ("uge 47"). */
export function isoWeek(instant: Date): { year: number; week: number } {
  const date = localDate(instant);
  const d = new Date(`${date}T12:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4, 12));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return { year, week };
}

/** `2026-W47`: sortable key for an ISO week. */
export function isoWeekKey(instant: Date): string {
  const { year, week } = isoWeek(instant);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday 00:00 Copenhagen of an ISO week key. */
export function weekStart(key: string): Date {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) throw new Error(`Not an ISO week key: ${key}`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4, 12));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
  return fromLocal({
    year: monday.getUTCFullYear(),
    month: monday.getUTCMonth() + 1,
    day: monday.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
  });
}

const displayFormatters = {
  da: lazily(
    () => new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }),
  ),
  en: lazily(
    () => new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }),
  ),
};
const displayDateFormatters = {
  da: lazily(() => new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, dateStyle: 'long' })),
  en: lazily(() => new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'long' })),
};

/** "23. december 2026 kl. 14.00" */
export function formatDateTime(instant: Date | string, lang: 'da' | 'en' = 'da'): string {
  return displayFormatters[lang]().format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** "23. december 2026" ("23 December 2026" in English) */
export function formatDate(instant: Date | string, lang: 'da' | 'en' = 'da'): string {
  const d =
    typeof instant === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(instant) ? `${instant}T12:00:00Z` : instant;
  return displayDateFormatters[lang]().format(typeof d === 'string' ? new Date(d) : d);
}
