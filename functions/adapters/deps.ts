/**
 * Adapters installed by the local runtime and tests. In Lambda nothing is installed and each
 * port builds its AWS adapter on first use (`mailer()` in mailer.ts, `workflow()` in
 * workflow.ts), so a function bundles only the clients of the ports it calls. This module holds
 * no adapter code itself: importing it costs nothing.
 */
import type { Mailer } from './mailer.ts';
import type { WorkflowEngine } from './workflow.ts';

export interface Deps {
  mailer: Mailer;
  workflow: WorkflowEngine;
  now: () => Date;
}

const installed: Partial<Deps> = {};

/** Install adapters (local runtime, tests). Later calls to `mailer()`, `workflow()` and `currentTime()` see them. */
export function setDeps(partial: Partial<Deps>): void {
  Object.assign(installed, partial);
}

/** The adapter installed for `port`, if any. */
export function installedAdapter<K extends keyof Deps>(port: K): Deps[K] | undefined {
  return installed[port];
}

/** The clock every service reads (tests move it). */
export function currentTime(): Date {
  return installed.now ? installed.now() : new Date();
}
