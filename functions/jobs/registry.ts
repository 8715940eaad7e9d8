/**
 * Every scheduled job, defined once. The CDK stack (lib/schedules.ts) turns each entry into its
 * EventBridge Scheduler schedule, function, grants, alarms and dead-letter handling; the local
 * runtime (local/jobs.ts) turns the same entry into a croner schedule that invokes the same
 * handler file. `/local/jobs` and the README's job table (scripts/jobs-table.ts) are built from it.
 *
 * A new job: one entry here and its handler in functions/jobs/.
 *
 * This module imports nothing: the CDK app, the local runtime and the scripts read it without
 * loading any handler code.
 */

/** Every schedule is evaluated in this zone, in AWS and locally (09:00 stays 09:00 across DST). */
export const JOB_TIME_ZONE = 'Europe/Copenhagen';

/**
 * The state machine a fanned-out job runs (functions/jobs/fan-out.ts), deployed per job and run
 * locally alike; its Tasks invoke the function named by this substitution variable.
 */
export const FAN_OUT_ASL = 'statemachines/job-fan-out.asl.json';
export const FAN_OUT_FUNCTION_VARIABLE = 'JobFunctionArn';

export const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A schedule in cron fields, the subset both EventBridge Scheduler and croner read alike:
 * numbers, lists (`1,4,7`) and steps (`*\/5`); weekdays by name. A field left out means "every".
 * Day of month and weekday cannot both be given (EventBridge refuses it, croner would OR them).
 */
export type JobSchedule = {
  minute: string;
  hour?: string;
  month?: string;
} & ({ dayOfMonth?: string; weekday?: never } | { dayOfMonth?: never; weekday?: Weekday });

/** What a job may use besides reading and writing the table, which every job does. */
export interface JobNeeds {
  /** Send e-mail through the configuration set. */
  readonly mail?: boolean;
  /** Start executions of the escalation state machine. */
  readonly workflow?: boolean;
}

export interface JobDefinition {
  /** The job's id: `/local/jobs/<id>`; the CDK construct id is its PascalCase form. */
  readonly id: string;
  /** Danish label shown on /local/jobs. */
  readonly label: string;
  /** English description of the Lambda function (and the schedule) in AWS. */
  readonly description: string;
  /** Handler file relative to the repository root; it exports `handler`. */
  readonly handler: string;
  readonly schedule: JobSchedule;
  readonly needs: JobNeeds;
  /**
   * The schedule starts the job's fan-out state machine (FAN_OUT_ASL), and the handler is a
   * `fanOutHandler` (list units, work one unit, summarise); otherwise the schedule invokes the
   * handler directly.
   */
  readonly fanOut?: boolean;
}

const FIELD = /^(\*|\*\/\d{1,2}|\d{1,2}(-\d{1,2})?(,\d{1,2}(-\d{1,2})?)*)$/;

/** Day and hour of the quarterly status: day 1–28 so every quarter's first month has it. */
function quarterlySchedule(env: Record<string, string | undefined>): JobSchedule {
  const day = env.QUARTERLY_STATUS_DAY ?? '10';
  const hour = env.QUARTERLY_STATUS_HOUR ?? '7';
  if (!/^([1-9]|1\d|2[0-8])$/.test(day)) throw new Error('QUARTERLY_STATUS_DAY must be a day 1–28');
  if (!/^(\d|1\d|2[0-3])$/.test(hour)) throw new Error('QUARTERLY_STATUS_HOUR must be an hour 0–23');
  return { minute: '0', hour, dayOfMonth: day, month: '1,4,7,10' };
}

/** The month the yearly capacity check opens (CAPACITY_CHECK_MONTH 1–12, default 9): the 1st at 08:00. */
function capacityCheckSchedule(env: Record<string, string | undefined>): JobSchedule {
  const month = env.CAPACITY_CHECK_MONTH ?? '9';
  if (!/^([1-9]|1[0-2])$/.test(month)) throw new Error('CAPACITY_CHECK_MONTH must be a month 1–12');
  return { minute: '0', hour: '8', dayOfMonth: '1', month };
}

/**
 * The jobs, with the quarterly status's day and hour from the environment
 * (QUARTERLY_STATUS_DAY 1–28, default 10; QUARTERLY_STATUS_HOUR 0–23, default 7), read by
 * `cdk synth` and by `npm start` alike.
 */
export function jobRegistry(env: Record<string, string | undefined> = process.env): JobDefinition[] {
  const jobs: JobDefinition[] = [
    {
      id: 'reconcile',
      label: 'Start eller genstart eskaleringer, der ikke kører',
      description: 'Starts or restarts the escalation of every open problem whose execution is not running',
      handler: 'functions/jobs/reconcile.ts',
      schedule: { minute: '*/5' },
      needs: { workflow: true },
    },
    {
      id: 'quarterly-status',
      label: 'Kvartalsstatus til sundhedsdirektørkredsen (sidste kvartal)',
      description: 'Prepares the quarterly status for the health directors and e-mails it',
      handler: 'functions/jobs/quarterly-status.ts',
      schedule: quarterlySchedule(env),
      needs: { mail: true },
    },
    {
      id: 'contact-verification',
      label: 'Påmind om kontaktoplysninger, der skal bekræftes',
      description: 'Reminds maintainers of contact entries not verified within the period',
      handler: 'functions/jobs/verify-contacts.ts',
      schedule: { minute: '0', hour: '8', weekday: 'MON' },
      needs: { mail: true },
      fanOut: true,
    },
    {
      id: 'provider-verification',
      label: 'Påmind Specialenheden om eksterne udbydere, der skal bekræftes',
      description:
        'Reminds the secretariat of external providers whose details were not confirmed within the period',
      handler: 'functions/jobs/verify-providers.ts',
      schedule: { minute: '15', hour: '8', weekday: 'MON' },
      needs: { mail: true },
    },
    {
      id: 'network-actions',
      label: 'Påmind om netværkshandlinger med frist',
      description: 'Reminds owners of national-network meeting actions that fall due',
      handler: 'functions/jobs/network-actions.ts',
      schedule: { minute: '30', hour: '7' },
      needs: { mail: true },
      fanOut: true,
    },
    {
      id: 'weekly-reminder',
      label: 'Påmind afdelinger, der ikke har indberettet ugens ventetider',
      description: 'Reminds departments that have not reported this week’s waiting times',
      handler: 'functions/jobs/weekly-reminder.ts',
      schedule: { minute: '0', hour: '9', weekday: 'MON' },
      needs: { mail: true },
      fanOut: true,
    },
    {
      id: 'weekly-overview',
      label: 'Send ugeoversigten pr. kræftform til afdelingerne',
      // An hour after the default deadline (WEEKLY_DEADLINE 2,12:00), overdue reports marked.
      description: 'E-mails the weekly waiting-time overview per cancer type to the departments treating it',
      handler: 'functions/jobs/weekly-overview.ts',
      schedule: { minute: '0', hour: '13', weekday: 'TUE' },
      needs: { mail: true },
      fanOut: true,
    },
    {
      id: 'holiday-plan-reminder',
      label: 'Påmind afdelinger, der mangler en ferieplan',
      description: 'Reminds departments that have not sent their plan for an upcoming holiday period',
      handler: 'functions/jobs/holiday-plan-reminder.ts',
      schedule: { minute: '30', hour: '9', weekday: 'MON' },
      needs: { mail: true },
      fanOut: true,
    },
    {
      id: 'holiday-alerts',
      label: 'Varsl om uger i risiko i ferieplanerne og evaluér afsluttede perioder',
      description:
        'E-mails weeks at risk in the holiday plans ahead of time and keeps the evaluation of ended periods',
      handler: 'functions/jobs/holiday-alerts.ts',
      schedule: { minute: '45', hour: '7' },
      needs: { mail: true },
    },
    {
      id: 'capacity-check',
      label: 'Åbn årets kapacitetstjek af de højt specialiserede funktioner og spørg afdelingerne',
      description:
        'Opens the yearly capacity check of the highly specialised functions and asks the approved departments',
      handler: 'functions/jobs/capacity-check.ts',
      schedule: capacityCheckSchedule(env),
      needs: { mail: true },
    },
    {
      id: 'capacity-check-reminder',
      label: 'Påmind afdelinger, der ikke har besvaret kapacitetstjekket',
      description: 'Reminds departments that have not answered the yearly capacity check',
      handler: 'functions/jobs/capacity-check-reminder.ts',
      schedule: { minute: '0', hour: '10', weekday: 'MON' },
      needs: { mail: true },
    },
  ];
  for (const job of jobs) assertSchedule(job);
  return jobs;
}

function assertSchedule(job: JobDefinition): void {
  const { minute, hour, dayOfMonth, month } = job.schedule;
  for (const field of [minute, hour, dayOfMonth, month]) {
    if (field !== undefined && !FIELD.test(field))
      throw new Error(`Job ${job.id}: bad cron field "${field}"`);
  }
}

/** The job's five-field cron line (minute hour day-of-month month weekday), as croner reads it. */
export function cronLine(schedule: JobSchedule): string {
  const { minute, hour, dayOfMonth, month, weekday } = schedule;
  return [minute, hour ?? '*', dayOfMonth ?? '*', month ?? '*', weekday ?? '*'].join(' ');
}

/** `weekly-reminder` → `WeeklyReminder`: the CDK construct id of the job. */
export function constructIdOf(job: Pick<JobDefinition, 'id'>): string {
  return job.id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
