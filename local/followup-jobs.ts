/** The follow-up features' local jobs, on the same cron as lib/followup-schedules.ts. */
import { sendVerificationReminders } from '../functions/services/contacts.ts';
import { sendActionReminders } from '../functions/services/networks.ts';
import { sendQuarterlyStatus } from '../functions/services/quarterly.ts';
import type { LocalJob } from './jobs.ts';

export const FOLLOWUP_LOCAL_JOBS: LocalJob[] = [
  {
    id: 'quarterly-status',
    label: 'Kvartalsstatus til sundhedsdirektørkredsen (sidste kvartal)',
    cron: `0 ${process.env.QUARTERLY_STATUS_HOUR ?? '7'} ${process.env.QUARTERLY_STATUS_DAY ?? '10'} 1,4,7,10 *`,
    run: () => sendQuarterlyStatus(),
  },
  {
    id: 'contact-verification',
    label: 'Påmind om kontaktoplysninger, der skal bekræftes',
    cron: '0 8 * * 1',
    run: sendVerificationReminders,
  },
  {
    id: 'network-actions',
    label: 'Påmind om netværkshandlinger med frist',
    cron: '30 7 * * *',
    run: sendActionReminders,
  },
];
