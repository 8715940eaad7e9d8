/** The fan-out job handler: the three phases its state machine invokes, and the summary. */
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { inBatches } from '../../functions/domain/batches.ts';
import { fanOutHandler, JobUnitsFailedError, summarise } from '../../functions/jobs/fan-out.ts';

const context = {} as Context;

describe('a fanned-out job', () => {
  const job = fanOutHandler({
    name: 'test reminders',
    units: async () => [{ ids: ['a', 'b'] }, { ids: ['c'] }],
    work: async (unit: { ids: string[] }) => ({ week: '2026-W49', sent: unit.ids.length }),
    none: { sent: 0 },
  });

  it('lists its units, works one unit, and adds the units’ counts up', async () => {
    expect(await job({ phase: 'units' }, context)).toEqual({ units: [{ ids: ['a', 'b'] }, { ids: ['c'] }] });
    expect(await job({ phase: 'work', unit: { ids: ['a', 'b'] } }, context)).toEqual({
      week: '2026-W49',
      sent: 2,
    });
    const results = [{ result: { week: '2026-W49', sent: 2 } }, { result: { week: '2026-W49', sent: 1 } }];
    expect(await job({ phase: 'summary', results }, context)).toEqual({ week: '2026-W49', sent: 3 });
  });

  it('summarises no unit as zero sent', () => {
    expect(summarise([], { reminded: 0 })).toEqual({ reminded: 0 });
  });

  it('fails the summary when a unit failed, naming how many and the first error', () => {
    const results = [
      { result: { sent: 2 } },
      { failed: { error: { Error: 'Error', Cause: 'SES throttled' } } },
      { failed: { error: { Error: 'States.Timeout' } } },
    ];
    expect(() => summarise(results, { sent: 0 })).toThrow(JobUnitsFailedError);
    expect(() => summarise(results, { sent: 0 })).toThrow(
      '2 of 3 work units failed; the first: SES throttled',
    );
  });

  it('refuses an event that is not one of its phases', async () => {
    await expect(job({ phase: 'everything' }, context)).rejects.toThrow(/not a phase/);
    await expect(job(null, context)).rejects.toThrow(/not a phase/);
  });
});

describe('batches', () => {
  it('split a list into consecutive batches of at most the size', () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inBatches([], 25)).toEqual([]);
    expect(() => inBatches([1], 0)).toThrow();
  });
});
