/**
 * `npm start` opens on a meaningful last quarter: its weeks reported, problems reported and
 * resolved in it, and its quarterly status already prepared (not "no status yet", not zeros).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previousQuarter, quarterLabel, quarterOf } from '../../functions/domain/quarterly.ts';
import { SUSTAINED_PRESSURE_WEEKS } from '../../functions/domain/weekly.ts';
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

  it("shows cancer types under sustained pressure, from the weeks around the quarter's problems", async () => {
    const status = (await director.get(`/kvartalsstatus/${quarter}`, { accept: 'application/json' })).json();
    const pressure: { cancerType: string; weeks: number }[] = status.weekly.sustainedPressure;
    // The rectal-cancer problem lasted four weeks, the breast-cancer one nearly two (plus the week before each).
    expect(pressure.map((p) => p.cancerType)).toEqual(
      expect.arrayContaining(['tyk-endetarmskraeft', 'brystkraeft']),
    );
    // Only cancer types with a capacity problem in the quarter: the rest stayed within the maximum.
    const withProblems = new Set(status.problems.map((p: { cancerType: string }) => p.cancerType));
    for (const p of pressure) {
      expect(withProblems).toContain(p.cancerType);
      expect(p.weeks).toBeGreaterThanOrEqual(SUSTAINED_PRESSURE_WEEKS);
    }
    const da = await director.get(`/kvartalsstatus/${quarter}`);
    expect(da.text).toMatch(/Kræft i tyk- og endetarm: \d+ uger over maksimal ventetid/);
    const en = await director.get(`/kvartalsstatus/${quarter}?lang=en`);
    expect(en.text).toMatch(/Colorectal cancer: \d+ weeks over the maximum waiting time/);
    // The CSV behind the English page's link is in English too.
    const csv = await director.get(`/kvartalsstatus/${quarter}.csv?lang=en`);
    expect(csv.text).toMatch(/\r\nColorectal cancer;\d+ weeks\r\n/);
    expect(csv.text).not.toContain('Sager oprettet');
  });

  it('is seeded once: a second start adds nothing', async () => {
    expect(await seedLastQuarterDemo()).toEqual({ quarter, problems: 0 });
  });
});
