import { describe, expect, it } from 'vitest';
import { danishHolidays, easterSunday } from '../../functions/domain/holidays.ts';

describe('Danish public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('puts Easter Sunday %i on %s', (year, date) => {
    const { month, day } = easterSunday(year);
    expect(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).toBe(date);
  });

  it('lists the ten helligdage of 2026 and no Store bededag', () => {
    const days = danishHolidays(2026);
    expect([...days.keys()]).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect([...days.values()]).not.toContain('Store bededag');
  });

  it('still knows Store bededag before it was abolished in 2024', () => {
    expect(danishHolidays(2023).get('2023-05-05')).toBe('Store bededag');
  });
});
