/**
 * The local scheduler: every entry of the job registry (functions/jobs/registry.ts) on its cron
 * in Europe/Copenhagen, invoking the same handler file the EventBridge schedule invokes in AWS.
 * A fanned-out job runs its state machine (statemachines/job-fan-out.asl.json) in
 * aws-local-stepfunctions, whose Tasks invoke the job's handler; the Map state's MaxConcurrency
 * bounds how many units run at once, as in AWS.
 * `/local/jobs` lists them and runs one on demand (`curl -X POST localhost:3000/local/jobs/<id>`).
 */
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';
import { Cron } from 'croner';
import {
  cronLine,
  FAN_OUT_ASL,
  FAN_OUT_FUNCTION_VARIABLE,
  JOB_TIME_ZONE,
  type JobDefinition,
  jobRegistry,
} from '../functions/jobs/registry.ts';
import { invokeLocally, type LambdaHandler, loadHandler } from './lambda-context.ts';
import { withStepFunctionsTaskTimeouts } from './workflow.ts';

/** What EventBridge Scheduler passes a job with no input configured. */
const SCHEDULED_EVENT = {};

type JSONValue = Parameters<StateMachine['run']>[0];

/** Runs the fan-out state machine with its Tasks invoking `handler`; resolves with the summary. */
async function runFanOut(job: JobDefinition, handler: LambdaHandler): Promise<unknown> {
  const functionName = `job-${job.id}`;
  const arn = `arn:aws:lambda:eu-north-1:000000000000:function:kraeftkapacitet-local-${functionName}`;
  const definition = readFileSync(new URL(`../${FAN_OUT_ASL}`, import.meta.url), 'utf8').replaceAll(
    `\${${FAN_OUT_FUNCTION_VARIABLE}}`,
    arn,
  );
  const machine = new StateMachine(withStepFunctionsTaskTimeouts(JSON.parse(definition)), {
    validationOptions: { checkArn: true },
  });
  const invoke = async (input: JSONValue): Promise<JSONValue> => {
    const { Payload } = input as { Payload: unknown };
    return { Payload: (await invokeLocally(handler, Payload, functionName)) as JSONValue };
  };
  const tasks = ['ListUnits', 'WorkUnit', 'Summarise'];
  const execution = machine.run(SCHEDULED_EVENT, {
    overrides: {
      taskResourceLocalHandlers: Object.fromEntries(tasks.map((t) => [t, invoke])),
      retryIntervalOverrides: Object.fromEntries(tasks.map((t) => [t, 200])),
    },
  });
  return execution.result;
}

/** Runs the job once, now, through its Lambda handler; resolves with the job's result. */
export async function runJob(job: JobDefinition): Promise<unknown> {
  const handler = await loadHandler(job.handler);
  return job.fanOut ? runFanOut(job, handler) : invokeLocally(handler, SCHEDULED_EVENT, `job-${job.id}`);
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
