/**
 * The local scheduler's jobs: the same functions the EventBridge schedules invoke in AWS
 * (lib/stack.ts SCHEDULED_JOBS), with the same cron in Europe/Copenhagen. `/local/jobs` lists
 * them and runs one on demand (`curl -X POST localhost:3000/local/jobs/<id>`).
 */
import { reconcileLadders } from '../functions/services/recovery.ts';
import { FOLLOWUP_LOCAL_JOBS } from './followup-jobs.ts';
import { WEEKLY_LOCAL_JOBS } from './weekly-jobs.ts';

export interface LocalJob {
  id: string;
  /** Danish label for the /local/jobs page. */
  label: string;
  /** croner expression, evaluated in Europe/Copenhagen. */
  cron: string;
  run: () => Promise<unknown>;
}

export const LOCAL_JOBS: LocalJob[] = [
  {
    id: 'reconcile',
    label: 'Start eller genstart eskaleringer, der ikke kører',
    cron: '*/1 * * * *',
    run: reconcileLadders,
  },
  ...FOLLOWUP_LOCAL_JOBS,
  ...WEEKLY_LOCAL_JOBS,
];
