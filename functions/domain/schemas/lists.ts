/**
 * Zod schemas derived from the closed lists (domain/lists.ts): apart from the lists so a
 * function that reads labels and ids never loads zod for them.
 */
import * as z from 'zod';
import type { List } from '../lists.ts';

/** `z.enum` of the list's ids; the OpenAPI lists each id with its labels. */
export function listSchema<Id extends string>(list: List<Id>, error?: string): z.ZodEnum<{ [K in Id]: K }> {
  const description = list.items.map((i) => `${i.id}: ${i.label.da} (${i.label.en})`).join('; ');
  return z.enum(list.ids, error ? { error } : undefined).meta({ description }) as z.ZodEnum<{ [K in Id]: K }>;
}

/** An object with one field per id of the list, each validated by `value` (e.g. days per modality). */
export function perItem<Id extends string, S extends z.ZodType>(
  list: List<Id>,
  value: S,
): z.ZodObject<{ [K in Id]: S }> {
  return z.object(
    Object.fromEntries(list.items.map((i) => [i.id, value.describe(`${i.label.da} (${i.label.en})`)])) as {
      [K in Id]: S;
    },
  );
}
