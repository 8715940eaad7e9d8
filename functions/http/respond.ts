/** Response helpers. Every page and JSON answer goes through these, with safe defaults. */
import type { Raw } from '#web/html.ts';
import type { HttpResult } from './types.ts';

export function htmlResponse(
  body: Raw | string,
  statusCode = 200,
  extra: Partial<HttpResult> = {},
): HttpResult {
  return {
    statusCode,
    ...extra,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...extra.headers },
    body: String(body),
  };
}

export function jsonResponse(value: unknown, statusCode = 200, extra: Partial<HttpResult> = {}): HttpResult {
  return {
    statusCode,
    ...extra,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...extra.headers,
    },
    body: JSON.stringify(value),
  };
}

/** 303 See Other after a POST, so reloading never re-submits. */
export function redirect(location: string, extra: Partial<HttpResult> = {}): HttpResult {
  return {
    statusCode: 303,
    ...extra,
    headers: { location, 'cache-control': 'no-store', ...extra.headers },
    body: '',
  };
}

/** A CSV download; the BOM makes Excel read the file as UTF-8 (æ, ø, å). */
export function csvResponse(filename: string, csv: string): HttpResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
    body: `\uFEFF${csv}`,
  };
}
