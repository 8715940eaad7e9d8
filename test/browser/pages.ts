/**
 * Which of the router's pages a browser check visits: a new page cannot be left out of
 * every-page.test.ts without that test saying so.
 */
import type { Route } from '../../functions/http/types.ts';

/** GET routes that are no page a person reads: data for programs, files, the health check. */
const NOT_PAGES: { path: RegExp; why: string }[] = [
  { path: /^\/api\//, why: 'JSON API' },
  { path: /\.(csv|js|json)$/, why: 'a download or a script' },
  { path: /^\/static\/|^\/favicon\.ico$/, why: 'static files' },
  { path: /^\/health$/, why: 'the health check' },
  { path: /^\/overvaagning\/uploads\/:id$/, why: "JSON for the upload page's script" },
];

function pattern(route: string): RegExp {
  const escaped = route
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/:[a-zA-Z]+/g, '[^/]+')
    .replace(/\/\*$/, '/.*');
  return new RegExp(`^${escaped}$`);
}

/** Path parameters in a route: the route the router picks is the one with the fewest (`/ny` beats `/:id`). */
function params(route: string): number {
  return (route.match(/:[a-zA-Z]+|\*/g) ?? []).length;
}

/** The GET page routes none of `visited` (paths, perhaps with a query) lands on. */
export function unvisitedPages(routes: readonly Route[], visited: string[]): string[] {
  const pages = routes
    .filter((r) => r.method === 'GET' && !NOT_PAGES.some((n) => n.path.test(r.path)))
    .map((r) => r.path);
  const landed = new Set<string>();
  for (const path of visited) {
    const bare = path.split('?')[0] ?? path;
    const match = pages.filter((route) => pattern(route).test(bare)).sort((a, b) => params(a) - params(b))[0];
    if (match) landed.add(match);
  }
  return [...new Set(pages)].filter((route) => !landed.has(route)).sort();
}
