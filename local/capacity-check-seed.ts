/**
 * Demo data of the yearly capacity check for `npm start`: four highly specialised functions with
 * their approved departments (through the secretariat's use case), last year's check and this
 * year's — completed, every department answered, with a capacity gap for robot-assisted lung
 * surgery in Region Hovedstaden and for HIPEC in Region Midtjylland. Deterministic; written once.
 */
import {
  createCapacityCheck,
  listSpecialisedFunctions,
  putCheckAnswer,
} from '../functions/adapters/capacity-check-store.ts';
import { currentTime } from '../functions/adapters/deps.ts';
import { askedPairs, type CheckAnswer } from '../functions/domain/capacity-check.ts';
import { findDepartment } from '../functions/domain/reference.ts';
import { addCalendarDays, localDate } from '../functions/domain/time.ts';
import { getUser } from '../functions/services/auth.ts';
import { saveSpecialisedFunction } from '../functions/services/capacity-check-edits.ts';

const SECRETARIAT = 'specialenheden@specialenheden.example';

const FUNCTIONS = [
  {
    id: 'robotassisteret-lungekirurgi',
    name: 'Robotassisteret lungekirurgi',
    nameEn: 'Robot-assisted lung surgery',
    cancerType: 'lungekraeft',
    departments: ['rh-thoraxkirurgi', 'ouh-thoraxkirurgi', 'auh-thoraxkirurgi', 'aauh-thoraxkirurgi'],
  },
  {
    id: 'hipec',
    name: 'Cytoreduktiv kirurgi med HIPEC',
    nameEn: 'Cytoreductive surgery with HIPEC',
    cancerType: 'tyk-endetarmskraeft',
    departments: ['auh-mave-tarmkirurgi'],
  },
  {
    id: 'brystrekonstruktion',
    name: 'Primær brystrekonstruktion',
    nameEn: 'Primary breast reconstruction',
    cancerType: 'brystkraeft',
    departments: ['rh-brystkirurgi', 'ouh-brystkirurgi', 'auh-brystkirurgi'],
  },
  {
    id: 'hoved-hals-rekonstruktion',
    name: 'Mikrokirurgisk rekonstruktion ved hoved-halskræft',
    nameEn: 'Microsurgical reconstruction in head and neck cancer',
    cancerType: 'hoved-halskraeft',
    departments: ['rh-oere-naese-hals', 'auh-oere-naese-hals'],
  },
];

/** Patients per quarter: demand grows a little a year; two places fall short in the year checked. */
function figures(functionId: string, departmentId: string, year: number, nextYear: number) {
  const base = 20 + (departmentId.length % 7) * 5;
  const growth = year === nextYear ? 1.1 : 1;
  const demand = [1, 0.9, 0.8, 1].map((f) => Math.round(base * f * growth));
  const short =
    year === nextYear &&
    ((functionId === 'robotassisteret-lungekirurgi' && departmentId === 'rh-thoraxkirurgi') ||
      functionId === 'hipec');
  const capacity = demand.map((d, q) => (short && q !== 2 ? d - 4 : d + 3));
  return { demand, capacity, short };
}

export async function seedCapacityCheckDemo(): Promise<void> {
  if ((await listSpecialisedFunctions()).length > 0) return;
  const user = await getUser(SECRETARIAT);
  if (!user) return;
  const actor = { ...user, via: 'session' as const };
  for (const f of FUNCTIONS) await saveSpecialisedFunction(actor, f, f.id);
  const functions = await listSpecialisedFunctions();
  const now = currentTime();
  const nextYear = Number(localDate(now).slice(0, 4)) + 1;
  for (const year of [nextYear - 1, nextYear]) {
    const opened = addCalendarDays(now, year === nextYear ? -70 : -435);
    const asked = askedPairs(functions);
    await createCapacityCheck({
      year,
      openedAt: opened.toISOString(),
      deadline: localDate(addCalendarDays(opened, 42)),
      asked,
    });
    for (const pair of asked) {
      const [functionId, departmentId] = pair.split('#') as [string, string];
      const { demand, capacity, short } = figures(functionId, departmentId, year, nextYear);
      const answer: CheckAnswer = {
        functionId,
        departmentId,
        year,
        region: findDepartment(departmentId)?.region ?? 'hovedstaden',
        demand,
        capacity,
        constraints: short ? ['personale'] : [],
        notes: short ? 'Mangel på specialuddannede sygeplejersker; rekruttering i gang.' : '',
        submittedAt: addCalendarDays(opened, 14).toISOString(),
        submittedBy: 'demo@kraeftkapacitet.example',
      };
      await putCheckAnswer(answer);
    }
  }
}
