/**
 * Demo history for `npm start`: the last quarter as it would have been lived – weekly reports for
 * each of its weeks and a handful of capacity problems reported, escalated and resolved in it –
 * and its quarterly status already prepared, so /kvartalsstatus opens on meaningful figures
 * instead of a quarter of zeros. Once per quarter (a marker); a status already there is kept.
 */
import { currentTime } from '../functions/adapters/deps.ts';
import { getQuarterlyStatus } from '../functions/adapters/followup-store.ts';
import { appendEvent, createProblem, getRecord, putRecord } from '../functions/adapters/store.ts';
import { putWeeklyReport } from '../functions/adapters/weekly-store.ts';
import { LEVEL_NAMES, type Level } from '../functions/domain/ladder.ts';
import { type Problem, problemRef } from '../functions/domain/problem.ts';
import { previousQuarter, quarterOf, quarterRange } from '../functions/domain/quarterly.ts';
import { type Department, findDepartment, referenceData } from '../functions/domain/reference.ts';
import { isoWeekKey, localDate, weekStart } from '../functions/domain/time.ts';
import { addWeeks } from '../functions/domain/weekly.ts';
import { problemIdFor } from '../functions/services/problems.ts';
import { prepareQuarterlyStatus } from '../functions/services/quarterly.ts';
import { demoReport, seedWeeklyDemo } from './weekly-seed.ts';

const DAY = 86_400_000;

/** The demo's problems of the quarter: department, the day it was reported, highest level, days to solve. */
const DEMO_PROBLEMS: { department: string; day: number; level: Level; days: number; patients: number }[] = [
  { department: 'suh-brystkirurgi', day: 9, level: 2, days: 12, patients: 6 },
  { department: 'rh-thoraxkirurgi', day: 20, level: 1, days: 4, patients: 3 },
  { department: 'hgh-mave-tarmkirurgi', day: 34, level: 3, days: 27, patients: 14 },
  { department: 'rh-urologi', day: 48, level: 1, days: 6, patients: 2 },
  { department: 'noh-kirurgi', day: 61, level: 2, days: 15, patients: 8 },
  { department: 'hgh-lungemedicin', day: 75, level: 1, days: 3, patients: 4 },
];

export async function seedLastQuarterDemo(
  now = currentTime(),
): Promise<{ quarter: string; problems: number }> {
  const quarter = previousQuarter(quarterOf(now));
  if (await getRecord('QUARTERSEED', quarter)) return { quarter, problems: 0 };
  const { from, to } = quarterRange(quarter);
  // Weekly reports back to the quarter's first week (weeks seeded before keep their figures).
  await seedWeeklyDemo(Math.ceil((now.getTime() - weekStart(isoWeekKey(from)).getTime()) / (7 * DAY)));
  let problems = 0;
  for (const demo of DEMO_PROBLEMS) if (await seedProblem(demo, from, to)) problems++;
  if (!(await getQuarterlyStatus(quarter))) await prepareQuarterlyStatus(quarter);
  await putRecord('QUARTERSEED', quarter, { problems });
  return { quarter, problems };
}

/**
 * The department's weekly reports tell the problem's story: waits above the maximum from the week
 * before it was reported until the week it was resolved, so the status's "under sustained
 * pressure" follows from the same rule as for real reports. Each replaces the demo report of its
 * week (same submission time); a real report given later that week is newer and stays.
 */
async function seedPressedWeeks(department: Department, cancerType: string, created: Date, resolved: Date) {
  const current = isoWeekKey(currentTime());
  const last = isoWeekKey(resolved);
  for (let week = isoWeekKey(new Date(created.getTime() - 7 * DAY)); week <= last; week = addWeeks(week, 1)) {
    const age = Math.round((weekStart(current).getTime() - weekStart(week).getTime()) / (7 * DAY));
    await putWeeklyReport(demoReport(department, cancerType, week, age, true));
  }
}

/** One resolved problem of the quarter, with its timeline; false when the department is not in the data. */
async function seedProblem(demo: (typeof DEMO_PROBLEMS)[number], from: Date, to: Date): Promise<boolean> {
  const department = findDepartment(demo.department);
  const cancerType = department?.cancerTypes[0];
  if (!department || !cancerType) return false;
  const contact = referenceData().contacts.find((c) => c.department === department.id);
  const reporter = {
    email: contact?.email ?? 'specialenheden@specialenheden.example',
    name: contact?.name ?? 'Specialenheden',
    role: 'department',
  };
  const created = new Date(from.getTime() + demo.day * DAY + 9 * 3_600_000);
  const resolved = new Date(Math.min(created.getTime() + demo.days * DAY, to.getTime() - DAY));
  const id = problemIdFor(reporter.email, `demo-${quarterOf(created)}-${demo.department}`);
  const modality = department.modalities[0];
  const problem: Problem = {
    id,
    ref: problemRef(id),
    cancerType,
    departmentId: department.id,
    pathwayTypes: modality ? ['behandling'] : ['udredning'],
    modalities: modality ? [modality] : [],
    patientsAtRisk: demo.patients,
    from: localDate(created),
    longLasting: false,
    scope: 'hospital',
    description: 'Demodata: mangel på operations- og ambulatorietid i en periode.',
    status: 'resolved',
    hospital: department.hospital,
    region: department.region,
    entryLevel: 1,
    level: demo.level,
    round: 0,
    reportedBy: reporter,
    createdAt: created.toISOString(),
    updatedAt: resolved.toISOString(),
    resolvedAt: resolved.toISOString(),
    resolvedBy: reporter,
    resolution: 'Løst med hjælp fra en anden afdeling.',
    offeredPatients: demo.patients,
    workflow: { state: 'started', attempts: 1, generation: 0 },
    version: 1,
  };
  const { created: isNew } = await createProblem(problem);
  if (!isNew) return false;
  await seedPressedWeeks(department, cancerType, created, resolved);
  await appendEvent(id, {
    at: problem.createdAt,
    kind: 'reported',
    actor: reporter,
    level: 1,
    text: `Indberettet af ${reporter.name}. Starter på niveau 1 (${LEVEL_NAMES[1].da}).`,
  });
  for (let level = 2; level <= demo.level; level++) {
    const at = new Date(created.getTime() + ((level - 1) * demo.days * DAY) / (demo.level + 1));
    await appendEvent(id, {
      at: at.toISOString(),
      kind: 'level-entered',
      level: level as Level,
      text: `Niveau ${level} (${LEVEL_NAMES[level as Level].da}).`,
    });
  }
  await appendEvent(id, {
    at: problem.resolvedAt,
    kind: 'resolved',
    actor: reporter,
    level: demo.level,
    text: `Markeret som løst af ${reporter.name}. ${problem.resolution}`,
  });
  return true;
}
