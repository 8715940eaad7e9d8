import { describe, expect, it } from 'vitest';
import { routeTable } from '../../functions/http/api.ts';
import { ROUTE_GROUPS } from '../../functions/http/routes/table.ts';

describe('the route table the API loads at a cold start', () => {
  // Work budget, not a speed check: it imports every route module (the whole app) under vitest.
  it("lists exactly the routes each group's module defines, in its order, with their idempotency", {
    timeout: 60_000,
  }, async () => {
    for (const group of ROUTE_GROUPS) {
      const defined = (await group.load()).map((r) => [r.method, r.path, r.idempotency]);
      expect(group.routes.map(([method, path, idempotency]) => [method, path, idempotency])).toEqual(defined);
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
