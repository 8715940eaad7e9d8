/**
 * The local scheduler: every entry of the job registry (functions/jobs/registry.ts) on its cron
 * in Europe/Copenhagen, invoking the same handler file the EventBridge schedule invokes in AWS.
 * `/local/jobs` lists them and runs one on demand (`curl -X POST localhost:3000/local/jobs/<id>`).
 */
import { Cron } from 'croner';
import { cronLine, JOB_TIME_ZONE, type JobDefinition, jobRegistry } from '../functions/jobs/registry.ts';
import { invokeLocally, loadHandler } from './lambda-context.ts';

/** What EventBridge Scheduler passes a job with no input configured. */
const SCHEDULED_EVENT = {};

/** Runs the job once, now, through its Lambda handler; resolves with the handler's result. */
export async function runJob(job: JobDefinition): Promise<unknown> {
  return invokeLocally(await loadHandler(job.handler), SCHEDULED_EVENT, `job-${job.id}`);
}

/** Locally the scheduler logs what the Lambda would report to its alarm. */
async function runLogged(job: JobDefinition): Promise<void> {
  try {
    await runJob(job);
  } catch (error) {
    console.error(`Job ${job.id} failed:`, error instanceof Error ? error.message : error);
  }
}

/** One croner schedule per job (`paused` for tests that only read the schedules). Stop them on close. */
export function scheduleJobs(
  jobs: JobDefinition[] = jobRegistry(),
  options: { paused?: boolean } = {},
): Cron[] {
  return jobs.map(
    (job) =>
      new Cron(
        cronLine(job.schedule),
        { timezone: JOB_TIME_ZONE, protect: true, paused: options.paused },
        () => runLogged(job),
      ),
  );
}
