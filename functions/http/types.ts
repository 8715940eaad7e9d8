/** The request/response shapes of the HTTP layer (API Gateway HTTP API, payload v2). */
import { phraseText, textsLoaded } from '#web/i18n/index.ts';
import type { Phrase } from '#web/i18n/phrase.ts';
import type { Actor } from '../services/actors.ts';

export interface HttpEvent {
  version?: string;
  routeKey?: string;
  rawPath: string;
  rawQueryString?: string;
  cookies?: string[];
  headers: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
  /** Set by the router from the route's `:name` segments (raw, still percent-encoded). */
  pathParameters?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: { http: { method: string; path?: string; sourceIp?: string }; requestId?: string };
}

export interface HttpResult {
  statusCode: number;
  headers?: Record<string, string>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

export interface Request {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  /** Raw body text (decoded from base64 when needed). */
  body: string;
  /** Who is acting, when known (session cookie or bearer token). */
  actor?: Actor;
  /** The session's CSRF token, for forms. */
  csrf?: string;
  sessionId?: string;
  wantsJson: boolean;
  lang: 'da' | 'en';
}

export type RouteHandler = (req: Request) => Promise<HttpResult>;
/** A route module's handlers by name; routes/table.ts names them per route. */
export type RouteHandlers = Record<string, RouteHandler>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `/problemer/:id` style; a trailing `/*` takes the rest of the path. */
  path: string;
  handler: RouteHandler;
  /**
   * A retried request must not act twice: `required` refuses a call without an Idempotency-Key,
   * `optional` honours one when sent (functions/http/idempotency.ts).
   */
  idempotency?: 'required' | 'optional';
}

/**
 * An answer other than success. Its message is a phrase, worded in the request's language when
 * answered; `message` holds the Danish text (logs), or the phrase's key when the error is made
 * before any request loaded the Danish texts (a router 404 as a container's first request).
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly phrase: Phrase,
    readonly details?: Record<string, string>,
    options?: ErrorOptions,
  ) {
    super(textsLoaded('da') ? phraseText('da', phrase) : phrase.key, options);
    this.name = 'HttpError';
  }
}
