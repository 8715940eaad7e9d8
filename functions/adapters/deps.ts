/**
 * Wiring of the ports. Lambda picks the AWS adapters from the environment; the local runtime
 * and tests install local ones. Handlers call `deps()` and never construct clients themselves.
 */
import { config } from './config.ts';
import { type Mailer, outboxMailer, sesMailer } from './mailer.ts';
import { stepFunctionsEngine, type WorkflowEngine } from './workflow.ts';

export interface Deps {
  mailer: Mailer;
  workflow: WorkflowEngine;
  now: () => Date;
}

const overrides: Partial<Deps> = {};
let built: Deps | undefined;

export function deps(): Deps {
  built ??= {
    mailer: overrides.mailer ?? (config().MAILER === 'ses' ? sesMailer() : outboxMailer()),
    workflow: overrides.workflow ?? stepFunctionsEngine(),
    now: overrides.now ?? (() => new Date()),
  };
  return built;
}

/** Install adapters (local runtime, tests). Later calls to `deps()` see them. */
export function setDeps(partial: Partial<Deps>): void {
  Object.assign(overrides, partial);
  built = undefined;
}
