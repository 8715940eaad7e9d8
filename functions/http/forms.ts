/** Parsing of form posts and JSON bodies into plain objects for zod. */
import type { z } from 'zod';
import { phrase } from '#web/i18n/phrase.ts';
import { HttpError } from './types.ts';

/** `a=1&b=2&b=3` → `{ a: '1', b: ['2','3'] }`; keys ending in `[]` are always arrays. */
export function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) addField(out, rawKey, value);
  return out;
}

function addField(out: Record<string, string | string[]>, rawKey: string, value: string): void {
  const isArray = rawKey.endsWith('[]');
  const key = isArray ? rawKey.slice(0, -2) : rawKey;
  const seen = out[key];
  if (seen === undefined) out[key] = isArray ? [value] : value;
  else out[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
}

/**
 * A `multipart/form-data` post (a form with a file chooser) → the same shape as parseForm, a
 * chosen file's content under its field name. Enough for small text files such as a CSV; the
 * body limit of the middleware still applies.
 */
export function parseMultipart(body: string, contentType: string): Record<string, string | string[]> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary ? `--${boundary[1] ?? boundary[2]}` : undefined;
  if (!marker) throw new HttpError(400, phrase('error.request.multipartBoundary'));
  const out: Record<string, string | string[]> = {};
  for (const part of body.split(marker).slice(1)) {
    if (part.startsWith('--')) break; // the closing marker
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (!name) continue;
    // Each part's content ends with the CRLF that precedes the next marker.
    addField(out, name, part.slice(headerEnd + 4).replace(/\r\n$/, ''));
  }
  return out;
}

/** A form post in either encoding: url-encoded (the usual) or multipart (a form with a file). */
export function parseFormBody(
  body: string,
  contentType: string | undefined,
): Record<string, string | string[]> {
  return contentType?.toLowerCase().startsWith('multipart/form-data')
    ? parseMultipart(body, contentType)
    : parseForm(body);
}

export function parseJson(body: string): unknown {
  if (body.trim() === '') throw new HttpError(400, phrase('error.request.jsonMissing'));
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new HttpError(400, phrase('error.request.jsonInvalid'), undefined, { cause: error });
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

// ---------------------------------------------------------------- forms through their schema

type FormInput = Record<string, string | string[] | undefined>;

/** The zod 4 definition of a schema: enough to walk objects, arrays and wrappers. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isOptional = (schema: z.ZodType) =>
  (schema as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';

/** The schema a value is really checked by: through optional, default, preprocess and transforms. */
function core(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (def.innerType) return core(def.innerType);
  // A pipe: z.preprocess puts a transform first (the target is `out`); .transform() puts it last.
  if (def.type === 'pipe' && def.in && def.out)
    return core(defOf(def.in).type === 'transform' ? def.out : def.in);
  return schema;
}

const TRUE_VALUES = new Set(['ja', 'true', 'on', '1']);

/**
 * A form body → the object the JSON API takes, by walking the schema's fields, so a field added
 * to a schema is read from the form with no second edit. Field names are the schema's keys;
 * nested objects are `parent.child` (prefix `ct` gives `ct.treatmentDays.kirurgi`); lists come
 * from repeated fields or `name[]`; a checkbox is true when ticked (`ja`). An empty number or an
 * empty optional field means "not given"; an empty required text stays '' for its own message.
 */
export function fromForm(schema: z.ZodType, form: FormInput, prefix = ''): Record<string, unknown> {
  const shape = defOf(core(schema)).shape;
  if (!shape) throw new Error('fromForm needs an object schema');
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const name = prefix ? `${prefix}.${key}` : key;
    const def = defOf(core(field));
    if (def.type === 'object') out[key] = fromForm(field, form, name);
    else if (def.type === 'array') {
      if (def.element && defOf(core(def.element)).type === 'object')
        throw new Error(`fromForm cannot read a list of objects (${name}); map it in the route`);
      out[key] = asArray(form[name]);
    } else if (def.type === 'boolean') out[key] = TRUE_VALUES.has(asString(form[name]) ?? '');
    else {
      const value = Array.isArray(form[name]) ? form[name][0] : form[name];
      const given = value !== undefined && value !== '';
      if (given) out[key] = value;
      else if (def.type !== 'number' && !isOptional(field)) out[key] = '';
    }
  }
  return out;
}

/** The inverse of `fromForm`: a stored object as form values, so a form re-opens with it. */
export function toForm(schema: z.ZodType, value: unknown, prefix = ''): Record<string, string | string[]> {
  const shape = defOf(core(schema)).shape;
  const out: Record<string, string | string[]> = {};
  if (!shape || typeof value !== 'object' || value === null) return out;
  for (const [key, field] of Object.entries(shape)) {
    const name = prefix ? `${prefix}.${key}` : key;
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || v === null) continue;
    const type = defOf(core(field)).type;
    if (type === 'object') Object.assign(out, toForm(field, v, name));
    else if (Array.isArray(v)) out[name] = v.map(String);
    else if (type === 'boolean') {
      if (v === true) out[name] = 'ja';
    } else out[name] = String(v);
  }
  return out;
}
