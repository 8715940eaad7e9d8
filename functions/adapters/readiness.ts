/**
 * Is the process ready to serve? In Lambda it is from the first request (the table exists once
 * the stack is deployed). The local runtime marks itself not ready until its table is ACTIVE and
 * the demo data seeded, so `/health` answers 503 with the reason until then.
 */
export interface Readiness {
  ready: boolean;
  /** Danish: what the process is still waiting for. */
  reason?: string;
}

let current: Readiness = { ready: true };

export function readiness(): Readiness {
  return current;
}

export function setReadiness(next: Readiness): void {
  current = next;
}
