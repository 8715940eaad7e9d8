/**
 * The quarterly status for sundhedsdirektørkredsen: prepared by a schedule after the quarter
 * ends, kept (one item per quarter), and e-mailed to the five health directors and the
 * secretariat. Networks' states come from their stored history; weekly figures from the weekly
 * exchange ("ingen data" for a quarter before any weekly report).
 */
import { config } from '#adapters/config.ts';
import { currentTime } from '#adapters/deps.ts';
import {
  claimSend,
  listNetworks,
  listProblemsCreatedBefore,
  putQuarterlyStatus,
  releaseSend,
} from '#adapters/followup-store.ts';
import { mailer } from '#adapters/mailer.ts';
import { listContacts } from '#adapters/store.ts';
import type { Lang } from '#domain/lists.ts';
import { networkStatesAt } from '#domain/networks.ts';
import {
  buildQuarterlyStatus,
  previousQuarter,
  type QuarterlyStatus,
  quarterLabel,
  quarterOf,
  quarterRange,
} from '#domain/quarterly.ts';
import { quarterlyStatusEmail } from '#web/followup-emails.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { PhrasedError } from './actors.ts';
import { recordAudit, SYSTEM_PERSON } from './audit.ts';
import { verifyMonths } from './contacts.ts';
import { holidayEvaluationsFor } from './holiday.ts';
import { quarterMonitoringFigures } from './monitoring.ts';
import { quarterReferralFigures } from './referrals.ts';
import { quarterFigures } from './weekly.ts';

export function quarterlyStatusUrl(quarter: string): string {
  return `${config().BASE_URL}/kvartalsstatus/${quarter}`;
}

/** A quarter that has not begun has nothing to count (the running quarter may be recomputed). */
export class QuarterNotStartedError extends PhrasedError {
  constructor(readonly quarter: string) {
    super(phrase('error.quarter.notStarted', { quarter: quarterLabel(quarter) }));
    this.name = 'QuarterNotStartedError';
  }
}

/** Computes (and keeps) the status of `quarter`; default the quarter before today's. */
export async function prepareQuarterlyStatus(quarter?: string): Promise<QuarterlyStatus> {
  const now = currentTime();
  const key = quarter ?? previousQuarter(quarterOf(now));
  const { from, to } = quarterRange(key);
  if (from.getTime() > now.getTime()) throw new QuarterNotStartedError(key);
  const range = { quarter: key, from, to };
  const status = buildQuarterlyStatus({
    quarter: key,
    problems: await listProblemsCreatedBefore(to.toISOString()),
    contacts: await listContacts(),
    preparedAt: now,
    verifyMonths: verifyMonths(),
    networks: networkStatesAt(await listNetworks(), to.toISOString()),
    weekly: await quarterFigures(range),
    monitoring: await quarterMonitoringFigures(key),
    holiday: await holidayEvaluationsFor(range),
    referrals: await quarterReferralFigures(key),
  });
  await putQuarterlyStatus(status);
  await recordAudit(
    SYSTEM_PERSON,
    'quarterly-status',
    key,
    'prepared',
    phrase('trail.quarterly.prepared', { quarter: key }),
    {
      at: now,
    },
  );
  return status;
}

/**
 * The scheduled job: prepare the last quarter's status and e-mail it to directors and secretariat.
 * Each (quarter, recipient) is claimed before sending and given back if the send fails, so a
 * retried job sends nobody twice and loses nobody. @returns `sent`: e-mails sent by this run
 */
export async function sendQuarterlyStatus(quarter?: string): Promise<{ quarter: string; sent: number }> {
  const status = await prepareQuarterlyStatus(quarter);
  const recipients = new Map<string, { name: string; lang: Lang }>();
  for (const c of await listContacts())
    if (c.role === 'director' || c.role === 'secretariat')
      recipients.set(c.email.toLowerCase(), { name: c.name, lang: c.language ?? 'da' });
  const scope = `QSTATUS#${status.quarter}`;
  let sent = 0;
  for (const [email, { name, lang }] of recipients) {
    if (!(await claimSend(scope, email))) continue;
    const mail = quarterlyStatusEmail(status, name, quarterlyStatusUrl(status.quarter), lang);
    try {
      await mailer().send({ to: email, ...mail, purpose: 'quarterly-status' });
    } catch (error) {
      await releaseSend(scope, email);
      throw error;
    }
    sent++;
  }
  return { quarter: status.quarter, sent };
}
