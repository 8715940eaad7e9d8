/**
 * Danish public holidays (helligdage) — the days that are not working days besides weekends.
 * Computed, not looked up: a dozen lines instead of a 1.3 MB holiday library in every Lambda.
 * Juleaftensdag, nytårsaftensdag, 1. maj and grundlovsdag are not helligdage (they are agreed
 * days off in many workplaces, not public holidays); Store Bededag was abolished from 2024.
 */

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const cache = new Map<number, Map<string, string>>();

/** The year's helligdage as `YYYY-MM-DD` → Danish name. */
export function danishHolidays(year: number): Map<string, string> {
  const known = cache.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const easterUtc = Date.UTC(year, easter.month - 1, easter.day);
  const fromEaster = (days: number) => new Date(easterUtc + days * 86_400_000).toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  const fixed = (month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
  const days: [string, string][] = [
    [fixed(1, 1), 'Nytårsdag'],
    [fromEaster(-3), 'Skærtorsdag'],
    [fromEaster(-2), 'Langfredag'],
    [fromEaster(0), 'Påskedag'],
    [fromEaster(1), '2. påskedag'],
    ...(year <= 2023 ? [[fromEaster(26), 'Store bededag'] as [string, string]] : []),
    [fromEaster(39), 'Kristi himmelfartsdag'],
    [fromEaster(49), 'Pinsedag'],
    [fromEaster(50), '2. pinsedag'],
    [fixed(12, 25), 'Juledag'],
    [fixed(12, 26), '2. juledag'],
  ];
  const map = new Map(days);
  cache.set(year, map);
  return map;
}
