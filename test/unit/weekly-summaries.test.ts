/** The stored form of a week summary item: newer wins per department, nothing else is touched. */
import { describe, expect, it } from 'vitest';
import type { TimedWeekSummary } from '../../functions/domain/weekly.ts';
import {
  decodeWeekSummaries,
  mergeWeekSummaries,
  type StoredWeekSummaries,
} from '../../functions/domain/weekly-summaries.ts';

const at = (submittedAt: string, pressure: TimedWeekSummary['pressure'], worstDays?: number) => ({
  submittedAt,
  pressure,
  ...(worstDays !== undefined ? { worstDays } : {}),
});

describe('week summary items', () => {
  const first = mergeWeekSummaries(undefined, [
    { departmentId: 'rh-brystkirurgi', summary: at('2026-11-16T09:00:00.000Z', 'over', 16) },
    { departmentId: 'ouh-brystkirurgi', summary: at('2026-11-16T10:00:00.000Z', 'ok') },
  ]) as StoredWeekSummaries;

  it('reads back what was put in, a department without waits included', () => {
    expect(decodeWeekSummaries(first.summaries)).toEqual(
      new Map([
        ['ouh-brystkirurgi', { pressure: 'ok' }],
        ['rh-brystkirurgi', { pressure: 'over', worstDays: 16 }],
      ]),
    );
  });

  it('takes a later report of a department and keeps the others', () => {
    const corrected = mergeWeekSummaries(first, [
      { departmentId: 'rh-brystkirurgi', summary: at('2026-11-16T09:00:00.001Z', 'tight', 12) },
      { departmentId: 'suh-brystkirurgi', summary: at('2026-11-17T08:00:00.000Z', 'severe', 30) },
    ]) as StoredWeekSummaries;
    expect(decodeWeekSummaries(corrected.summaries)).toEqual(
      new Map([
        ['ouh-brystkirurgi', { pressure: 'ok' }],
        ['rh-brystkirurgi', { pressure: 'tight', worstDays: 12 }],
        ['suh-brystkirurgi', { pressure: 'severe', worstDays: 30 }],
      ]),
    );
  });

  it('changes nothing for an earlier or the same submission (a slow retry cannot undo a correction)', () => {
    expect(
      mergeWeekSummaries(first, [
        { departmentId: 'rh-brystkirurgi', summary: at('2026-11-16T08:59:59.999Z', 'ok', 1) },
      ]),
    ).toBeUndefined();
    expect(
      mergeWeekSummaries(first, [
        { departmentId: 'rh-brystkirurgi', summary: at('2026-11-16T09:00:00.000Z', 'over', 16) },
      ]),
    ).toBeUndefined();
  });

  it('reads an empty item as no departments', () => {
    expect(decodeWeekSummaries('')).toEqual(new Map());
  });
});
