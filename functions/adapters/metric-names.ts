/**
 * The application's CloudWatch metrics (EMF, namespace POWERTOOLS_METRICS_NAMESPACE). Named once
 * here: the functions emit them (telemetry.ts) and the stack's dashboard and alarms read them.
 * This module imports nothing, so the CDK app reads it without loading Powertools.
 */
export const METRICS_NAMESPACE = 'Kraeftkapacitet';
/** POWERTOOLS_SERVICE_NAME of every function: the `service` dimension of every metric. */
export const SERVICE_NAME = 'kraeftkapacitet';

export const METRIC = {
  problemsReported: 'ProblemsReported',
  /** With dimension `level` (1–4). */
  levelReached: 'LevelReached',
  mailsSent: 'MailsSent',
  mailsFailed: 'MailsFailed',
  /** A ladder step or workflow start that failed. */
  ladderFailures: 'LadderFailures',
  /** Executions started again: by reconcile after a failed start, or continued in a fresh execution. */
  ladderRestarts: 'LadderRestarts',
  weeklyReportsReceived: 'WeeklyReportsReceived',
  weeklyReportsOverdue: 'WeeklyReportsOverdue',
  monitoringFilesAccepted: 'MonitoringFilesAccepted',
  monitoringFilesRejected: 'MonitoringFilesRejected',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];
