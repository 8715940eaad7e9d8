/**
 * A scheduled job that fans out (docs/decisions/0007-job-fan-out.md). Its state machine
 * (statemachines/job-fan-out.asl.json) invokes the job's one function three ways:
 * `{ phase: 'units' }` lists the work units, `{ phase: 'work', unit }` does one unit (a Map state,
 * a few at a time, each retried on its own), `{ phase: 'summary', results }` adds the units'
 * results up and fails the execution if any unit failed, so the alarm fires once the other units
 * are done. Locally the same file runs in aws-local-stepfunctions with the same handler.
 */
import middy from '@middy/core';
import { withReferenceData } from '#adapters/reference-store.ts';
import { logger, withLogContext } from '#adapters/telemetry.ts';

/** Counts add up across units; other fields (the week, the quarter) are the same in every unit. */
export type JobResult = Record<string, number | string>;

export interface FanOutJob<Unit extends object, Result extends JobResult> {
  /** For the log line, e.g. `weekly reminders`. */
  readonly name: string;
  readonly units: () => Promise<Unit[]>;
  readonly work: (unit: Unit) => Promise<Result>;
  /** The summary when there is no unit at all (the counts at zero). */
  readonly none: Partial<Result>;
}

/** One item of the Map state's output: the unit's result, or the unit with the error it failed on. */
export type UnitOutcome = { result: JobResult } | { failed: { error?: { Error?: string; Cause?: string } } };

export type FanOutEvent =
  | { phase: 'units' }
  | { phase: 'work'; unit: object }
  | { phase: 'summary'; results: UnitOutcome[] };

export class JobUnitsFailedError extends Error {
  constructor(
    readonly failed: number,
    readonly total: number,
    cause: string | undefined,
  ) {
    super(`${failed} of ${total} work units failed${cause ? `; the first: ${cause}` : ''}`);
    this.name = 'JobUnitsFailedError';
  }
}

/** Adds the units' results up; throws JobUnitsFailedError when any unit failed. */
export function summarise(results: UnitOutcome[], none: Partial<JobResult>): JobResult {
  const failures = results.flatMap((r) => ('failed' in r ? [r.failed] : []));
  if (failures.length > 0) {
    const first = failures[0]?.error;
    throw new JobUnitsFailedError(failures.length, results.length, first?.Cause ?? first?.Error);
  }
  const sum = { ...none } as JobResult;
  for (const outcome of results) {
    if (!('result' in outcome)) continue;
    for (const [key, value] of Object.entries(outcome.result)) {
      const before = sum[key];
      sum[key] = typeof value === 'number' && typeof before === 'number' ? before + value : (before ?? value);
    }
  }
  return sum;
}

function isFanOutEvent(event: unknown): event is FanOutEvent {
  const e = event as Partial<Record<string, unknown>> | null;
  if (typeof e !== 'object' || e === null) return false;
  if (e.phase === 'units') return true;
  if (e.phase === 'work') return typeof e.unit === 'object' && e.unit !== null;
  return e.phase === 'summary' && Array.isArray(e.results);
}

/** The Lambda handler of a fanned-out job: the three phases its state machine invokes. */
export function fanOutHandler<Unit extends object, Result extends JobResult>(job: FanOutJob<Unit, Result>) {
  return middy()
    .use(withLogContext())
    .use(withReferenceData())
    .handler(async (event: unknown) => {
      if (!isFanOutEvent(event)) throw new Error(`${job.name}: not a phase of the job's state machine`);
      switch (event.phase) {
        case 'units':
          return { units: await job.units() };
        case 'work':
          return job.work(event.unit as Unit);
        case 'summary': {
          const summary = summarise(event.results, job.none);
          logger.info(`${job.name} sent`, { units: event.results.length, ...summary });
          return summary;
        }
      }
    });
}
