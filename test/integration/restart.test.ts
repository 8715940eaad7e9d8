/**
 * `npm start` keeps its data: after a restart, open problems continue on their current level
 * without anyone being e-mailed twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocal } from '../../local/runtime.ts';
import { BREAST_SURGERY_REPORT } from '../fixtures.ts';
import { Client, outbox, waitFor } from './client.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'kk-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function apiToken(client: Client, email: string): Promise<string> {
  return (await client.apiTokens()).get(email) ?? '';
}

describe('a restarted local runtime', () => {
  it('resumes open problems on their level and sends nothing twice', async () => {
    const first = await startLocal({ dataDir, scheduler: false });
    const client = new Client(first.url);
    const token = await apiToken(client, 'mette.holm@regionsjaelland.example');
    const created = await client.request('POST', '/api/problems', {
      json: BREAST_SURGERY_REPORT,
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'restart-test-0001' },
    });
    expect(created.status).toBe(201);
    const id = created.json().id as string;
    // The level is fully notified once the timeline says so.
    await waitFor('level 1 notified', async () => {
      const res = await client.request('GET', `/api/problems/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return res.json().timeline.some((e: { kind: string }) => e.kind === 'notified') ? true : undefined;
    });
    const before = await outbox(client, id);
    expect(before.some((m) => m.purpose === 'escalation' && m.level === 1)).toBe(true);
    await first.close();

    const second = await startLocal({ dataDir, scheduler: false });
    try {
      const again = new Client(second.url);
      expect(second.workflow.running().some((e) => e.includes(id))).toBe(true);
      // Give the resumed execution time to run its first step.
      await new Promise((r) => setTimeout(r, 1500));
      const after = await outbox(again, id);
      expect(after.length).toBe(before.length);
      const details = (
        await again.request('GET', `/api/problems/${id}`, { headers: { authorization: `Bearer ${token}` } })
      ).json();
      expect(details.problem.status).toBe('open');
      expect(details.problem.level).toBe(1);
    } finally {
      await second.close();
    }
  });
});
