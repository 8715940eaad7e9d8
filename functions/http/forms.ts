/** Parsing of form posts and JSON bodies into plain objects for zod. */
import { HttpError } from './types.ts';

/** `a=1&b=2&b=3` → `{ a: '1', b: ['2','3'] }`; keys ending in `[]` are always arrays. */
export function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const isArray = rawKey.endsWith('[]');
    const key = isArray ? rawKey.slice(0, -2) : rawKey;
    const seen = out[key];
    if (seen === undefined) out[key] = isArray ? [value] : value;
    else out[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

export function parseJson(body: string): unknown {
  if (body.trim() === '') throw new HttpError(400, 'Forespørgslen mangler et JSON-indhold.');
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new HttpError(400, 'Indholdet er ikke gyldig JSON.', undefined, { cause: error });
  }
}

/** A form value as an array (checkbox groups). */
export function asArray(value: string | string[] | undefined): string[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export function asString(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value[0];
  return value === '' ? undefined : value;
}
