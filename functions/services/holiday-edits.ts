/**
 * A holiday period created or changed by the secretariat: validated with its schema, which only
 * this write path builds (the reminder and alert jobs read through services/holiday.ts).
 */
import { currentTime } from '#adapters/deps.ts';
import { getHolidayPeriod, putHolidayPeriod } from '#adapters/holiday-store.ts';
import { mayManageContacts } from '#domain/contact-lists.ts';
import type { HolidayPeriod } from '#domain/holiday.ts';
import { holidayPeriodSchema } from '#domain/schemas/holiday.ts';
import { fieldErrors } from '#domain/schemas/problem.ts';
import { localDate } from '#domain/time.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { type Actor, asPerson, ForbiddenError } from './actors.ts';
import { changedFields, recordAudit, updatePhrase } from './audit.ts';
import { MANAGE_ONLY } from './holiday.ts';

export type PeriodSaveResult =
  | { ok: true; period: HolidayPeriod; created: boolean }
  | { ok: false; errors: Record<string, string> };

/** Creates or changes a period (name, weeks, deadline); the id stays. */
export async function saveHolidayPeriod(actor: Actor, input: unknown, id: string): Promise<PeriodSaveResult> {
  if (!mayManageContacts(actor)) throw new ForbiddenError(MANAGE_ONLY);
  const parsed = holidayPeriodSchema.safeParse({ ...(typeof input === 'object' && input ? input : {}), id });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const before = await getHolidayPeriod(id);
  const period: HolidayPeriod = { ...parsed.data, updatedAt: localDate(currentTime()) };
  await putHolidayPeriod(period);
  const summary = before
    ? updatePhrase(
        changedFields(before, period).filter((f) => f !== 'updatedAt'),
        { changed: 'trail.updated', nothing: 'trail.updatedNothing' },
      )
    : phrase('trail.created', { name: period.name });
  await recordAudit(asPerson(actor), 'holiday-period', id, before ? 'updated' : 'created', summary, {
    before,
    after: period,
  });
  return { ok: true, period, created: !before };
}
