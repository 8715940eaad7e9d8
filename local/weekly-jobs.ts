/** The weekly exchange's local jobs, on the same cron as lib/weekly-schedules.ts (Copenhagen). */
import { sendWeeklyOverviews, sendWeeklyReminders } from '../functions/services/weekly.ts';
import type { LocalJob } from './jobs.ts';

export const WEEKLY_LOCAL_JOBS: LocalJob[] = [
  {
    id: 'weekly-reminder',
    label: 'Påmind afdelinger, der ikke har indberettet ugens ventetider',
    cron: '0 9 * * 1',
    run: sendWeeklyReminders,
  },
  {
    id: 'weekly-overview',
    label: 'Send ugeoversigten pr. kræftform til afdelingerne',
    cron: '0 13 * * 2',
    run: sendWeeklyOverviews,
  },
];
