/**
 * A demo national network for `npm start`: the colorectal-cancer network, activated by a decision
 * of sundhedsdirektørkredsen, with one coordination meeting and its actions. Written through the
 * same services a person uses, once.
 */
import { getNetwork } from '../functions/adapters/followup-store.ts';
import { addCalendarDays, localDate } from '../functions/domain/time.ts';
import { getUser } from '../functions/services/auth.ts';
import { recordMeeting, setNetworkState } from '../functions/services/networks.ts';

const SECRETARIAT = 'specialenheden@specialenheden.example';
const CANCER_TYPE = 'tyk-endetarmskraeft';

export async function seedNetworkDemo(now = new Date()): Promise<void> {
  if (await getNetwork(CANCER_TYPE)) return;
  const user = await getUser(SECRETARIAT);
  if (!user) return;
  const actor = { ...user, via: 'session' as const };
  await setNetworkState(
    actor,
    CANCER_TYPE,
    'active',
    'Sundhedsdirektørkredsen: ventetider til kirurgi over maksimum i tre regioner.',
  );
  await recordMeeting(actor, CANCER_TYPE, {
    date: localDate(addCalendarDays(now, -7)),
    participants: ['Ledende overlæger fra alle fem regioner', 'Specialenheden'],
    actions: [
      {
        text: 'Region Syddanmark melder ledige operationstider for de næste fire uger',
        owner: 'dennis.vestergaard@rsyd.example',
        due: localDate(addCalendarDays(now, 2)),
      },
      {
        text: 'Fælles henvisningsaftale mellem Region Sjælland og Region Hovedstaden',
        owner: SECRETARIAT,
        due: localDate(addCalendarDays(now, 14)),
      },
    ],
  });
}
