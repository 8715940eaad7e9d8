/**
 * The local engine under a burst: the real ASL in aws-local-stepfunctions, with a ladder step
 * that only answers (no store). Started executions queue, so a burst makes the ladder slower,
 * never failed, and only a bounded number of executions are under way at once.
 */
import { describe, expect, it } from 'vitest';
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
});
