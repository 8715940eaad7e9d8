/** What a failed send means for the ladder, and how a burst of work is bounded. */
import { describe, expect, it } from 'vitest';
import { mapSettled, Semaphore } from '../../functions/domain/limit.ts';
import { classifySendError, sendRetryDelayMs } from '../../functions/domain/mail-errors.ts';

const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });

describe('classifySendError', () => {
  it.each([
    ['TooManyRequestsException', 'throttled'],
    ['LimitExceededException', 'throttled'],
    ['MessageRejected', 'rejected'],
    ['SendingPausedException', 'fatal'],
    ['AccountSuspendedException', 'fatal'],
    ['MailFromDomainNotVerifiedException', 'fatal'],
    ['InternalFailure', 'transient'],
    ['TimeoutError', 'transient'],
  ])('%s is %s', (name, kind) => {
    expect(classifySendError(named(name))).toBe(kind);
  });

  it('treats a bad request about the address as a refused address, any other as transient', () => {
    expect(classifySendError(named('BadRequestException', 'Invalid email address <x@@y>'))).toBe('rejected');
    expect(classifySendError(named('BadRequestException', 'Tag value too long'))).toBe('transient');
    expect(classifySendError('socket hang up')).toBe('transient');
  });

  it('backs off exponentially with full jitter', () => {
    expect(sendRetryDelayMs(1, () => 1)).toBe(200);
    expect(sendRetryDelayMs(3, () => 1)).toBe(800);
    expect(sendRetryDelayMs(3, () => 0)).toBe(0);
  });
});

describe('bounded concurrency', () => {
  it('never runs more than the limit at once, runs every item, and keeps failures apart', async () => {
    let active = 0;
    let peak = 0;
    const results = await mapSettled([...Array(50).keys()], 4, async (i) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 1 + (i % 3)));
      active--;
      if (i === 7) throw new Error('seven');
      return i * 2;
    });
    expect(peak).toBe(4);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(49);
    expect(results[7]).toMatchObject({ status: 'rejected' });
    expect(results[8]).toEqual({ status: 'fulfilled', value: 16 });
  });

  it('admits waiters in arrival order as slots free up', async () => {
    const semaphore = new Semaphore(1);
    const order: number[] = [];
    let release: () => void = () => undefined;
    const first = semaphore.run(() => new Promise<void>((r) => (release = r)));
    const rest = [1, 2, 3].map((n) => semaphore.run(async () => void order.push(n)));
    expect(semaphore.queued).toBe(3);
    release();
    await Promise.all([first, ...rest]);
    expect(order).toEqual([1, 2, 3]);
  });

  it('admits a waiter with a lower priority number before every waiter with a higher one', async () => {
    const semaphore = new Semaphore(1);
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = semaphore.run(() => new Promise<void>((r) => (release = r)));
    const rest = [
      semaphore.run(async () => void order.push('later 1'), 1),
      semaphore.run(async () => void order.push('now 1')),
      semaphore.run(async () => void order.push('later 2'), 1),
      semaphore.run(async () => void order.push('now 2')),
    ];
    release();
    await Promise.all([first, ...rest]);
    expect(order).toEqual(['now 1', 'now 2', 'later 1', 'later 2']);
  });
});
