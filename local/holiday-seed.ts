/**
 * Demo holiday plans for `npm start`: the default periods of this year and next (created through
 * the secretariat's use case), plans for the next period that has not ended — with weeks at risk:
 * Region Nordjylland plans half capacity in the first week, the only department treating
 * hoved-halskræft in Region Sjælland is closed in the second, a few departments elsewhere plan
 * above normal (the proposals) and three have not planned (overdue once the deadline has passed)
 * — and plans and the kept evaluation for the last period that has ended. Deterministic; written
 * once (nothing is seeded when any period exists).
 */
import { currentTime } from '../functions/adapters/deps.ts';
import { listHolidayPeriods, putHolidayPlan } from '../functions/adapters/holiday-store.ts';
import {
  type HolidayPeriod,
  type HolidayPlan,
  periodPhase,
  periodWeeks,
  plannedPathways,
  workingDates,
} from '../functions/domain/holiday.ts';
import { localDate } from '../functions/domain/time.ts';
import { getUser } from '../functions/services/auth.ts';
import { createDefaultPeriods, keepEvaluation } from '../functions/services/holiday.ts';
import { type LocatedDepartment, locatedDepartments } from '../functions/services/weekly.ts';

const SECRETARIAT = 'specialenheden@specialenheden.example';

/** Departments that leave the upcoming plan out (shown as awaited, then overdue). */
export const DEMO_UNPLANNED = ['rhh-kirurgi', 'shs-kirurgi', 'nyk-kirurgi'];

function demoShare(department: { id: string; region: string }, index: number, upcoming: boolean): number {
  if (!upcoming) return department.region === 'nordjylland' ? 65 : 90;
  if (index === 0 && department.region === 'nordjylland') return 50;
  if (department.region === 'hovedstaden' || department.region === 'midtjylland')
    return index === 0 ? 110 : 100;
  return index === 0 ? 80 : 90;
}

function demoPlan(period: HolidayPeriod, department: LocatedDepartment, upcoming: boolean): HolidayPlan {
  const weeks = periodWeeks(period);
  const pathways = plannedPathways(department);
  return {
    periodId: period.id,
    departmentId: department.id,
    region: department.region,
    weeks: weeks.map((week, index) => {
      const closedAll = upcoming && index === 1 && department.id === 'suh-onkologi';
      const share = demoShare(department, index, upcoming);
      return {
        week,
        capacity: Object.fromEntries(pathways.map((p) => [p, closedAll ? 0 : share])),
        closedDays: closedAll ? workingDates(week) : [],
      };
    }),
    comment:
      upcoming && department.region === 'nordjylland'
        ? 'Ferieafvikling; færre operationsstuer i første uge.'
        : '',
    submittedAt: new Date(currentTime().getTime() - 86_400_000).toISOString(),
    submittedBy: 'demo@kraeftkapacitet.example',
  };
}

export async function seedHolidayDemo(): Promise<void> {
  if ((await listHolidayPeriods()).length > 0) return;
  const user = await getUser(SECRETARIAT);
  if (!user) return;
  const now = currentTime();
  const year = Number(localDate(now).slice(0, 4));
  const actor = { ...user, via: 'session' as const };
  await createDefaultPeriods(actor, year);
  await createDefaultPeriods(actor, year + 1);
  const periods = await listHolidayPeriods();
  const upcoming = periods.find((p) => periodPhase(p, now) !== 'ended');
  const ended = periods.filter((p) => periodPhase(p, now) === 'ended').pop();
  const departments = locatedDepartments();
  if (upcoming) {
    for (const d of departments) {
      if (!DEMO_UNPLANNED.includes(d.id)) await putHolidayPlan(demoPlan(upcoming, d, true));
    }
  }
  if (ended) {
    for (const d of departments) await putHolidayPlan(demoPlan(ended, d, false));
    await keepEvaluation(ended, now);
  }
}
