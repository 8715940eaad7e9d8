/**
 * `npm start` opens on a meaningful last quarter: its weeks reported, problems reported and
 * resolved in it, and its quarterly status already prepared (not "no status yet", not zeros).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previousQuarter, quarterLabel, quarterOf } from '../../functions/domain/quarterly.ts';
import { seedLastQuarterDemo } from '../../local/quarter-seed.ts';
import { type LocalRuntime, startLocal } from '../../local/runtime.ts';
import { Client } from './client.ts';

let runtime: LocalRuntime;
let director: Client;
const quarter = previousQuarter(quarterOf(new Date()));

beforeAll(async () => {
  runtime = await startLocal({ scheduler: false, quarterDemo: true });
  director = new Client(runtime.url);
  await director.signInAs('specialenheden@specialenheden.example');
}, 120_000);

afterAll(() => runtime?.close());

describe('the demo history', () => {
  it("lists last quarter's status, prepared, on /kvartalsstatus", async () => {
    const list = await director.get('/kvartalsstatus');
    expect(list.text).not.toContain('Der er endnu ingen kvartalsstatus.');
    expect(list.text).toContain(`href="/kvartalsstatus/${quarter}">${quarterLabel(quarter)}</a>`);
  });

  it('has problems, resolutions and weekly reports in the quarter, not zeros', async () => {
    const status = (await director.get(`/kvartalsstatus/${quarter}`, { accept: 'application/json' })).json();
    expect(status.opened).toBeGreaterThanOrEqual(5);
    expect(status.resolved).toBe(status.opened);
    expect(status.medianResolutionDays).toBeGreaterThan(0);
    expect(status.openedByLevel['2']).toBeGreaterThan(0);
    const received = status.weekly.compliance.reduce(
      (n: number, c: { received: number }) => n + c.received,
      0,
    );
    expect(received).toBeGreaterThan(0);
  });

  it('is seeded once: a second start adds nothing', async () => {
    expect(await seedLastQuarterDemo()).toEqual({ quarter, problems: 0 });
  });
});
