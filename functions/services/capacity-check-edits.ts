/**
 * The register of highly specialised functions, edited: validated with its schema, which only
 * this write path builds (the capacity check's jobs read through services/capacity-check.ts).
 */
import { getSpecialisedFunction, putSpecialisedFunction } from '#adapters/capacity-check-store.ts';
import { currentTime } from '#adapters/deps.ts';
import type { SpecialisedFunction } from '#domain/capacity-check.ts';
import { mayManageContacts } from '#domain/contact-lists.ts';
import { specialisedFunctionSchema } from '#domain/schemas/capacity-check.ts';
import { fieldErrors } from '#domain/schemas/problem.ts';
import { localDate } from '#domain/time.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { type Actor, asPerson, ForbiddenError } from './actors.ts';
import { changedFields, recordAudit, updatePhrase } from './audit.ts';

const MANAGE_ONLY = phrase('error.check.manageOnly');

export async function saveSpecialisedFunction(
  actor: Actor,
  input: unknown,
  id: string,
): Promise<
  { ok: true; fn: SpecialisedFunction; created: boolean } | { ok: false; errors: Record<string, string> }
> {
  if (!mayManageContacts(actor)) throw new ForbiddenError(MANAGE_ONLY);
  const parsed = specialisedFunctionSchema.safeParse({
    ...(typeof input === 'object' && input ? input : {}),
    id,
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const before = await getSpecialisedFunction(id);
  const fn: SpecialisedFunction = { ...parsed.data, updatedAt: localDate(currentTime()) };
  await putSpecialisedFunction(fn);
  await recordAudit(
    asPerson(actor),
    'specialised-function',
    id,
    before ? 'updated' : 'created',
    before
      ? updatePhrase(
          changedFields(before, fn).filter((f) => f !== 'updatedAt'),
          { changed: 'trail.updated', nothing: 'trail.updatedNothing' },
        )
      : phrase('trail.created', { name: fn.name }),
    { before, after: fn },
  );
  return { ok: true, fn, created: !before };
}
