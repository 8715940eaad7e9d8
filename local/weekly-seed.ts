/**
 * Demo weekly reports for the local runtime: the last 8 ISO weeks before the current one for
 * every demo department and cancer type, plus the current week for most departments — a few are
 * left out on purpose, so the overviews show reports awaited or overdue. Deterministic
 * (pseudo-random from the department, cancer type and week), idempotent per week.
 */
import { createHash } from 'node:crypto';
import { currentTime } from '../functions/adapters/deps.ts';
import { getRecord, putRecord } from '../functions/adapters/store.ts';
import { putWeeklyReports, reportedDepartments } from '../functions/adapters/weekly-store.ts';
import { type Department, findDepartment, referenceData } from '../functions/domain/reference.ts';
import { isoWeekKey, weekStart } from '../functions/domain/time.ts';
import { addWeeks, type WeeklyReport } from '../functions/domain/weekly.ts';

/** 0 ≤ n < 1, stable for the same words. */
function random(...words: string[]): number {
  return createHash('sha256').update(words.join('|')).digest().readUInt32BE(0) / 2 ** 32;
}

/** Departments whose current-week report the demo leaves out (awaited / overdue). */
export function demoMissingThisWeek(departmentId: string): boolean {
  return random('missing', departmentId) < 0.12 && departmentId !== 'suh-brystkirurgi';
}

/**
 * One department's demo report for a cancer type and week, `age` weeks before the current one.
 * `pressed`: the department is short of capacity that week (a capacity problem of the demo
 * history), its waits 15–21 days, above the 14-day maximum, and nothing to spare.
 */
export function demoReport(
  department: Department,
  cancerType: string,
  week: string,
  age: number,
  pressed = false,
): WeeklyReport {
  const located = findDepartment(department.id);
  // A few departments are under growing pressure; the rest vary around a steady level.
  const strained = pressed || random('strained', department.id, cancerType) < 0.08;
  // (Weeks further back than eight, seeded for the last quarter's history, stay at the strained level.)
  const base = pressed
    ? 18
    : strained
      ? 11 + Math.max(0, 8 - age)
      : 4 + random('base', department.id, cancerType) * 7;
  const wait = (what: string) =>
    Math.max(1, Math.round(base + (random(what, department.id, cancerType, week) - 0.5) * 6));
  const treatmentDays: WeeklyReport['treatmentDays'] = {};
  for (const m of department.modalities) treatmentDays[m] = wait(m);
  const submitted = new Date(
    Math.min(
      weekStart(week).getTime() + (8 + random('at', department.id, week) * 20) * 3_600_000,
      // Never in the future: a real submission later this week must replace the demo figures.
      currentTime().getTime() - 60_000,
    ),
  );
  return {
    departmentId: department.id,
    cancerType,
    week,
    region: located?.region ?? 'hovedstaden',
    udredningDays: department.udredning ? wait('udredning') : undefined,
    treatmentDays,
    diagnosticDays: department.udredning ? { ct: wait('ct') - 1, mr: wait('mr') } : {},
    spareCapacity: strained ? 0 : Math.floor(random('spare', department.id, cancerType, week) * 7),
    comment: pressed || (strained && age < 3) ? 'Mangel på operationstid; ventetiden stiger.' : '',
    submittedAt: submitted.toISOString(),
    submittedBy: 'demo@kraeftkapacitet.example',
  };
}

export async function seedWeeklyDemo(weeksBack = 8): Promise<{ reports: number }> {
  const current = isoWeekKey(currentTime());
  let reports = 0;
  for (let age = weeksBack; age >= 0; age--) {
    const week = addWeeks(current, -age);
    // A week seeded before, or one where someone has really reported, keeps its figures.
    if (await getRecord('WEEKLYSEED', week)) continue;
    if ((await reportedDepartments(week)).size > 0) continue;
    const batch: WeeklyReport[] = [];
    for (const d of referenceData().departments) {
      if (age === 0 && demoMissingThisWeek(d.id)) continue;
      for (const ct of d.cancerTypes) batch.push(demoReport(d, ct, week, age));
    }
    await putWeeklyReports(batch);
    await putRecord('WEEKLYSEED', week, { reports: batch.length });
    reports += batch.length;
  }
  return { reports };
}
