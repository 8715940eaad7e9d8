/**
 * Use cases of the weekly referral counts: a region records (or corrects) a week's counts, and
 * the overviews read them — `/ventetider`, the quarterly status and `/overvaagning`.
 */
import { currentTime } from '#adapters/deps.ts';
import { getReferralWeek, listReferralWeeks, putReferralWeek } from '#adapters/referral-store.ts';
import { quarterRange } from '#domain/quarterly.ts';
import {
  emptyByDestination,
  nonEmptyLines,
  quarterOfWeek,
  type ReferralFigures,
  type ReferralWeek,
  referralFigures,
  tallyBy,
  totalOf,
  weekOpenForCounts,
} from '#domain/referrals.ts';
import type { ReferralWeekInput } from '#domain/schemas/referrals.ts';
import { isoWeekKey } from '#domain/time.ts';
import { addWeeks } from '#domain/weekly.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { mayRecordReferralsFor } from './access.ts';
import { type Actor, asPerson, ForbiddenError, PhrasedError } from './actors.ts';
import { recordAudit } from './audit.ts';

export class WeekClosedError extends PhrasedError {
  constructor(week: string) {
    super(phrase('error.referrals.weekClosed', { week }));
    this.name = 'WeekClosedError';
  }
}

/**
 * Stores a region's counts for a week, replacing what it recorded for that week before (the
 * audit trail keeps the replaced figures). Authorised and checked before anything is written.
 */
export async function recordReferralWeek(
  actor: Actor,
  input: ReferralWeekInput,
): Promise<{ week: ReferralWeek; replaced: boolean }> {
  if (!mayRecordReferralsFor(actor, input.region))
    throw new ForbiddenError(phrase('error.referrals.forbidden', { region: input.region }));
  const now = currentTime();
  if (!weekOpenForCounts(input.week, isoWeekKey(now))) throw new WeekClosedError(input.week);
  const before = await getReferralWeek(input.region, input.week);
  const week: ReferralWeek = {
    region: input.region,
    week: input.week,
    counts: nonEmptyLines(input.counts),
    submittedAt: now.toISOString(),
    submittedBy: actor.email,
  };
  await putReferralWeek(week);
  const total = totalOf(tallyBy([week], () => 'all').get('all') ?? emptyByDestination());
  await recordAudit(
    asPerson(actor),
    'referral-counts',
    `${input.region}#${input.week}`,
    before ? 'replaced' : 'reported',
    phrase('trail.referrals.recorded', {
      week: input.week,
      offered: total.offered,
      accepted: total.accepted,
    }),
    { before: before ? { counts: before.counts } : undefined, after: { counts: week.counts }, at: now },
  );
  return { week, replaced: before !== undefined };
}

/** The recorded weeks of the last `count` weeks up to the current one. */
export async function recentReferralWeeks(count = 8): Promise<{ weeks: string[]; records: ReferralWeek[] }> {
  const current = isoWeekKey(currentTime());
  const weeks = Array.from({ length: count }, (_, i) => addWeeks(current, i - (count - 1)));
  return { weeks, records: await listReferralWeeks(weeks[0] as string, current) };
}

/** The weeks of a quarter (by their Monday), up to now, and every region's counts in them. */
async function weeksOfQuarter(quarter: string): Promise<ReferralWeek[]> {
  const { from, to } = quarterRange(quarter);
  // A week belongs to the quarter its Monday is in; the weeks holding the first and last day bound it.
  const first = isoWeekKey(from);
  const last = isoWeekKey(new Date(to.getTime() - 1));
  return (await listReferralWeeks(first, last)).filter((w) => quarterOfWeek(w.week) === quarter);
}

/** The quarterly status's totals per region and destination; undefined before any count. */
export async function quarterReferralFigures(quarter: string): Promise<ReferralFigures | undefined> {
  return referralFigures(await weeksOfQuarter(quarter));
}

/** A year's recorded weeks (every week whose Monday is in the year). */
export async function referralWeeksOfYear(year: number): Promise<ReferralWeek[]> {
  const first = isoWeekKey(quarterRange(`${year}-Q1`).from);
  const last = isoWeekKey(new Date(quarterRange(`${year}-Q4`).to.getTime() - 1));
  return (await listReferralWeeks(first, last)).filter((w) => quarterOfWeek(w.week).startsWith(`${year}-`));
}
