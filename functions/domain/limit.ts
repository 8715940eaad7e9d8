/**
 * Bounded concurrency: a burst of work runs N at a time and waits its turn, instead of
 * starting everything at once (slower under load, never failed, memory bounded).
 */

/**
 * Admits at most `size` holders at a time; the rest wait in arrival order, except that a waiter
 * with a lower `priority` number goes before every waiter with a higher one.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: { priority: number; admit: () => void }[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`Semaphore size must be ≥ 1, got ${size}`);
  }

  /** Runs `work` once a slot is free and frees the slot when it settles. */
  async run<T>(work: () => Promise<T>, priority = 0): Promise<T> {
    if (this.active >= this.size) {
      await new Promise<void>((admit) => {
        const behind = this.waiting.findIndex((w) => w.priority > priority);
        this.waiting.splice(behind === -1 ? this.waiting.length : behind, 0, { priority, admit });
      });
    } else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `active` never overshoots.
      if (next) next.admit();
      else this.active--;
    }
  }

  /** How many are waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }
}

/**
 * Applies `fn` to every item, at most `limit` at a time. Every item is attempted; the results
 * come back as settled outcomes in the items' order.
 *
 * @example await mapSettled(recipients, 5, (r) => send(r))
 */
export async function mapSettled<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const semaphore = new Semaphore(limit);
  return Promise.allSettled(items.map((item) => semaphore.run(() => fn(item))));
}

/** Retries a write a few times with a short backoff (for writes whose loss would hide a fact). */
export async function withRetries<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((ok) => setTimeout(ok, 100 * 2 ** i));
    }
  }
}
