/**
 * Demo referral counts for `npm start`: every region's weeks from the start of last quarter up to
 * last week, so `/ventetider`, the quarterly status and `/overvaagning` show them. Breast cancer
 * in Region Sjælland is under pressure (as in the weekly demo): most of its patients offered
 * referral go to another region, a few to a private hospital, and some accept the agreement in
 * Kiel. Deterministic, once per week (a marker); a week a region really recorded is kept.
 */
import { createHash } from 'node:crypto';
import { currentTime } from '../functions/adapters/deps.ts';
import { getReferralWeek, putReferralWeek } from '../functions/adapters/referral-store.ts';
import { getRecord, putRecord } from '../functions/adapters/store.ts';
import { previousQuarter, quarterOf, quarterRange } from '../functions/domain/quarterly.ts';
import { REGION_IDS } from '../functions/domain/reference.ts';
import type { Destination } from '../functions/domain/referrals.ts';
import type { ReferralLine } from '../functions/domain/schemas/referrals.ts';
import { isoWeekKey, weekStart } from '../functions/domain/time.ts';
import { addWeeks } from '../functions/domain/weekly.ts';

function random(...words: string[]): number {
  return createHash('sha256').update(words.join('|')).digest().readUInt32BE(0) / 2 ** 32;
}

/** Typical patients offered referral elsewhere per week: region × cancer type × destination. */
const PATTERN: { region?: string; cancerType: string; destination: Destination; mean: number }[] = [
  { region: 'sjaelland', cancerType: 'brystkraeft', destination: 'anden-region', mean: 4 },
  { region: 'sjaelland', cancerType: 'brystkraeft', destination: 'privat', mean: 2 },
  { region: 'sjaelland', cancerType: 'brystkraeft', destination: 'udland', mean: 1.2 },
  { region: 'hovedstaden', cancerType: 'brystkraeft', destination: 'egen-region', mean: 2 },
  { cancerType: 'tyk-endetarmskraeft', destination: 'egen-region', mean: 1.5 },
  { cancerType: 'tyk-endetarmskraeft', destination: 'privat', mean: 0.6 },
  { region: 'nordjylland', cancerType: 'lungekraeft', destination: 'anden-region', mean: 1.5 },
  { region: 'syddanmark', cancerType: 'prostatakraeft', destination: 'privat', mean: 1 },
];

/** A count around `mean`, and how many of them accepted (most do; abroad fewer). */
function line(region: string, week: string, p: (typeof PATTERN)[number]): ReferralLine | undefined {
  const offered = Math.round(p.mean * 2 * random('offered', region, week, p.cancerType, p.destination));
  if (offered === 0) return undefined;
  const share = p.destination === 'udland' ? 0.55 : 0.8;
  const accepted = Math.min(
    offered,
    Math.round(offered * share + (random('accepted', region, week, p.cancerType, p.destination) - 0.5)),
  );
  return { cancerType: p.cancerType, destination: p.destination, offered, accepted };
}

export async function seedReferralDemo(now = currentTime()): Promise<{ weeks: number }> {
  const current = isoWeekKey(now);
  const first = isoWeekKey(quarterRange(previousQuarter(quarterOf(now))).from);
  let weeks = 0;
  for (let week = first; week < current; week = addWeeks(week, 1)) {
    if (await getRecord('REFERRALSEED', week)) continue;
    for (const region of REGION_IDS) {
      if (await getReferralWeek(region, week)) continue;
      const counts = PATTERN.filter((p) => !p.region || p.region === region)
        .map((p) => line(region, week, p))
        .filter((l): l is ReferralLine => l !== undefined);
      await putReferralWeek({
        region,
        week,
        counts,
        // Recorded on the Monday after the week, as a coordinator would.
        submittedAt: new Date(weekStart(addWeeks(week, 1)).getTime() + 9 * 3_600_000).toISOString(),
        submittedBy: 'demo@kraeftkapacitet.example',
      });
    }
    await putRecord('REFERRALSEED', week, { regions: REGION_IDS.length });
    weeks++;
  }
  return { weeks };
}
