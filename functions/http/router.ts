/** A small path router: `/problemer/:id` patterns, first match wins, 404 and 405 built in. */
import type { Route, RouteHandler } from './types.ts';

interface Compiled {
  method: string;
  regex: RegExp;
  keys: string[];
  handler: RouteHandler;
}

export interface Match {
  handler: RouteHandler;
  params: Record<string, string>;
}

export function createRouter(routes: Route[]) {
  const compiled: Compiled[] = routes.map((r) => {
    const keys: string[] = [];
    const pattern = r.path.replace(/:([a-zA-Z]+)/g, (_, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    return { method: r.method, regex: new RegExp(`^${pattern}/?$`), keys, handler: r.handler };
  });
  return {
    /** `undefined` for an unknown path; `'method-not-allowed'` when the path exists for another method. */
    match(method: string, path: string): Match | 'method-not-allowed' | undefined {
      let pathMatched = false;
      for (const c of compiled) {
        const m = c.regex.exec(path);
        if (!m) continue;
        pathMatched = true;
        if (c.method !== method && !(method === 'HEAD' && c.method === 'GET')) continue;
        const params: Record<string, string> = {};
        for (const [i, k] of c.keys.entries()) {
          try {
            params[k] = decodeURIComponent(m[i + 1] ?? '');
          } catch {
            return undefined; // malformed %-encoding: no such page
          }
        }
        return { handler: c.handler, params };
      }
      return pathMatched ? 'method-not-allowed' : undefined;
    },
  };
}
