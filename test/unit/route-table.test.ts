import { describe, expect, it } from 'vitest';
import { routeTable } from '../../functions/http/api.ts';
import { ROUTE_GROUPS } from '../../functions/http/routes/table.ts';

describe('the route table the API loads at a cold start', () => {
  // Work budget, not a speed check: it imports every route module (the whole app) under vitest.
  it("names, for every route, a handler its group's module exports, and every handler is routed", {
    timeout: 60_000,
  }, async () => {
    for (const group of ROUTE_GROUPS) {
      const handlers = await group.load();
      const named = group.routes.map(([, , name]) => name);
      for (const name of named) expect(typeof handlers[name], name).toBe('function');
      expect(Object.keys(handlers).filter((name) => !named.includes(name))).toEqual([]);
    }
  });

  it('is what the handler routes, no path twice for a method', () => {
    const keys = routeTable().map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(
      expect.arrayContaining(ROUTE_GROUPS.flatMap((g) => g.routes.map(([m, p]) => `${m} ${p}`))),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});
