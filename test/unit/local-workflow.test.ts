/**
 * The local engine under a burst: the real ASL in aws-local-stepfunctions, with a ladder step
 * that only answers (no store). Started executions queue, so a burst makes the ladder slower,
 * never failed, and only a bounded number of executions are under way at once.
 */
import { describe, expect, it, vi } from 'vitest';
import { ExecutionNotRunningError, startUnderFreeName } from '../../functions/adapters/workflow.ts';
import { Foreground } from '../../local/foreground.ts';
import { LOCAL_STEP_CONCURRENCY, LOCAL_STEPS_WHILE_BUSY, localWorkflowEngine } from '../../local/workflow.ts';

const BURST = 200;

describe('the local workflow engine under a burst', () => {
  it('queues executions as well as steps: all run to the end, a bounded number at a time', async () => {
    let steps = 0;
    let maxSteps = 0;
    /** Executions that have begun and not yet notified: under way in the interpreter. */
    const underWay = new Set<string>();
    let maxUnderWay = 0;
    const finished: string[] = [];
    const engine = localWorkflowEngine({
      async invoke(payload) {
        const { action, problemId, generation } = payload as {
          action: string;
          problemId: string;
          generation: number;
        };
        steps++;
        maxSteps = Math.max(maxSteps, steps);
        if (action === 'begin') underWay.add(problemId);
        maxUnderWay = Math.max(maxUnderWay, underWay.size);
        await new Promise((r) => setTimeout(r, 2));
        steps--;
        const state = { problemId, generation, level: 1, round: 0, continueAsNew: false };
        if (action === 'begin') return { ...state, resolved: false, notify: true };
        underWay.delete(problemId);
        finished.push(problemId);
        return { ...state, resolved: true, notify: false };
      },
    });

    const ids = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        engine.start({ problemId: `P${String(i).padStart(9, '0')}`, generation: 0 }),
      ),
    );
    // Started means running, as in Step Functions, even while an execution waits its turn.
    expect(engine.running()).toHaveLength(BURST);
    expect(await engine.isRunning(ids[BURST - 1] ?? '')).toBe(true);

    await engine.idle();
    expect(finished).toHaveLength(BURST);
    expect(engine.running()).toEqual([]);
    expect(maxSteps).toBeLessThanOrEqual(LOCAL_STEP_CONCURRENCY);
    // Not all 200 at once: new executions wait while the steps under way fill the slots.
    expect(maxUnderWay).toBeLessThanOrEqual(4 * LOCAL_STEP_CONCURRENCY);
  });

  it('stops a queued execution before it runs', async () => {
    const begun: string[] = [];
    const engine = localWorkflowEngine({
      stepConcurrency: 1,
      async invoke(payload) {
        const { problemId, generation } = payload as { problemId: string; generation: number };
        begun.push(problemId);
        await new Promise((r) => setTimeout(r, 5));
        return { problemId, generation, level: 1, round: 0, resolved: true, notify: false };
      },
    });
    const ids = await Promise.all(
      Array.from({ length: 5 }, (_, i) => engine.start({ problemId: `Q${i}00000000`, generation: 0 })),
    );
    const last = ids[4] ?? '';
    await engine.stop(last, 'test');
    expect(await engine.isRunning(last)).toBe(false);
    await engine.idle();
    expect(begun).not.toContain('Q400000000');
    expect(begun).toHaveLength(4);
  });

  it('gives way to requests: while one is answered only a few steps run, then all slots again', async () => {
    const foreground = new Foreground();
    let steps = 0;
    let maxWhileBusy = 0;
    let maxAfter = 0;
    let done = 0;
    let answer = () => {};
    const engine = localWorkflowEngine({
      foreground,
      async invoke(payload) {
        const { problemId, generation } = payload as { problemId: string; generation: number };
        steps++;
        if (foreground.busy) maxWhileBusy = Math.max(maxWhileBusy, steps);
        else maxAfter = Math.max(maxAfter, steps);
        await new Promise((r) => setTimeout(r, 5));
        steps--;
        // The request is answered once ten steps have run beside it.
        if (++done === 10) answer();
        return { problemId, generation, level: 1, round: 0, resolved: true, notify: false };
      },
    });
    // A request that takes a while, and a burst of ladders meanwhile.
    const request = foreground.track(
      () =>
        new Promise<void>((resolve) => {
          answer = resolve;
        }),
    );
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        engine.start({ problemId: `R${String(i).padStart(9, '0')}`, generation: 0 }),
      ),
    );
    await request;
    await engine.idle();
    expect(maxWhileBusy).toBeLessThanOrEqual(LOCAL_STEPS_WHILE_BUSY);
    expect(maxAfter).toBeGreaterThan(LOCAL_STEPS_WHILE_BUSY);
  });

  it('refuses to start the name of an ended execution, as Step Functions does; a restart takes a new name', async () => {
    const engine = localWorkflowEngine({
      async invoke(payload) {
        const { problemId, generation } = payload as { problemId: string; generation: number };
        return { problemId, generation, level: 1, round: 0, resolved: true, notify: false };
      },
    });
    const input = { problemId: 'S000000000', generation: 0 };
    const first = await engine.start(input);
    // Started again while it runs: the same execution.
    expect(await engine.start(input)).toBe(first);
    await engine.idle();
    await expect(engine.start(input)).rejects.toBeInstanceOf(ExecutionNotRunningError);
    expect(await engine.isRunning(first)).toBe(false);
    // The recovery path: the next free name runs.
    const restarted = await startUnderFreeName(engine, input);
    expect(restarted).toEqual({ executionId: 'problem-S000000000-g0-r1', attempt: 1 });
    await engine.idle();
    expect((await startUnderFreeName(engine, input)).attempt).toBe(2);
  });

  it("runs the network level's repeated reminders after every other step waiting for a slot", async () => {
    const order: string[] = [];
    const engine = localWorkflowEngine({
      stepConcurrency: 1,
      async invoke(payload) {
        const { problemId, generation, action } = payload as {
          problemId: string;
          generation: number;
          action: string;
        };
        order.push(`${problemId[0]}:${action}`);
        // Each step takes a while, so the next steps are waiting for the one slot when it frees.
        await new Promise((r) => setTimeout(r, 20));
        const base = { problemId, generation, resolved: false, continueAsNew: false };
        // T… ladders are at the top and only remind; E… ladders enter a level.
        if (action === 'begin' && problemId.startsWith('T'))
          return { ...base, level: 4, round: 1, notify: true, deadline: '2000-01-01T00:00:00Z' };
        if (action === 'begin') return { ...base, level: 3, round: 0, notify: true };
        return { ...base, resolved: true, level: 4, round: 1, notify: false };
      },
    });
    for (const id of ['T000000001', 'T000000002', 'T000000003', 'E000000001', 'E000000002', 'E000000003'])
      await engine.start({ problemId: id, generation: 0 });
    await engine.idle();
    const notifies = order.filter((step) => step.endsWith(':notify'));
    expect(notifies).toEqual(['E:notify', 'E:notify', 'E:notify', 'T:notify', 'T:notify', 'T:notify']);
  });

  it('lets a step wait its turn longer than a minute, as Step Functions would (no 60 s Task timeout)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const failures: string[] = [];
      let release = () => {};
      const engine = localWorkflowEngine({
        stepConcurrency: 1,
        async invoke(payload) {
          const { problemId, generation, action } = payload as {
            problemId: string;
            generation: number;
            action: string;
          };
          if (action === 'failed') failures.push(problemId);
          // The first ladder holds the only slot for two minutes.
          if (problemId === 'W000000001') await new Promise<void>((resolve) => (release = resolve));
          return { problemId, generation, level: 1, round: 0, resolved: true, notify: false };
        },
      });
      await engine.start({ problemId: 'W000000001', generation: 0 });
      const waiting = await engine.start({ problemId: 'W000000002', generation: 0 });
      await vi.advanceTimersByTimeAsync(120_000);
      expect(await engine.isRunning(waiting)).toBe(true);
      release();
      await vi.advanceTimersByTimeAsync(1_000);
      await engine.idle();
      expect(failures).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
