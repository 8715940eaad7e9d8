/**
 * Demo data for the local runtime: the contact lists from data/demo-contacts.json, one user per
 * contact (plus an administrator), and an API token per demo user. Idempotent: existing
 * contacts (perhaps edited) are kept.
 */
import { getRecord, listContacts, putContact, putRecord } from '../functions/adapters/store.ts';
import { referenceData } from '../functions/domain/reference.ts';
import { createApiToken, getUser, putUser, type User, userFromContact } from '../functions/services/auth.ts';
import { seedCapacityCheckDemo } from './capacity-check-seed.ts';
import { seedExternalProviders } from './external-seed.ts';
import { seedHolidayDemo } from './holiday-seed.ts';
import { seedNetworkDemo } from './network-seed.ts';
import { seedReferralDemo } from './referral-seed.ts';
import { seedWeeklyDemo } from './weekly-seed.ts';

export const ADMIN: User = {
  email: 'it-drift@kraeftkapacitet.example',
  name: 'IT-drift (administrator)',
  role: 'admin',
  cancerTypes: [],
};

export function demoUsers(): User[] {
  const users: User[] = referenceData().contacts.map(userFromContact);
  return [...users, ADMIN];
}

export async function seedDemoData(): Promise<{ contacts: number; users: number }> {
  const existing = new Set((await listContacts()).map((c) => c.id));
  let contacts = 0;
  for (const contact of referenceData().contacts) {
    if (existing.has(contact.id)) continue;
    await putContact(contact);
    contacts++;
  }
  let users = 0;
  for (const user of demoUsers()) {
    if (await getUser(user.email)) continue;
    await putUser(user);
    const token = await createApiToken(user.email, 'demo');
    // Local only: the plain token is kept so /local/demo-users can show it.
    await putRecord('DEMOTOKEN', user.email, { token });
    users++;
  }
  await seedWeeklyDemo();
  await seedNetworkDemo();
  await seedExternalProviders();
  await seedReferralDemo();
  await seedHolidayDemo();
  await seedCapacityCheckDemo();
  return { contacts, users };
}

export async function demoToken(email: string): Promise<string | undefined> {
  return (await getRecord<{ token: string }>('DEMOTOKEN', email))?.token;
}
