/**
 * The requests the local server is answering. In AWS every request and every ladder step runs in
 * its own Lambda; locally they share one process and one embedded DynamoDB, so the ladder gives
 * way: while requests are in flight only a few ladder steps run, and a burst of reports is
 * answered quickly while the ladder catches up afterwards.
 */
export class Foreground {
  private inFlight = 0;
  private waiting: (() => void)[] = [];

  /** Counts `work` as a request in flight until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const wake of this.waiting.splice(0)) wake();
    }
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }

  /** Settles when no request is in flight. */
  quiet(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((wake) => this.waiting.push(wake));
  }
}
