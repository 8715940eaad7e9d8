/** Scheduled (Tuesdays 13:00 Copenhagen), fanned out: one unit per cancer type, its overview to the departments treating it. */
import { sendWeeklyOverviewUnit, weeklyOverviewUnits } from '../services/weekly.ts';
import { fanOutHandler } from './fan-out.ts';

export const handler = fanOutHandler({
  name: 'weekly overviews',
  units: weeklyOverviewUnits,
  work: sendWeeklyOverviewUnit,
  none: { sent: 0 },
});
