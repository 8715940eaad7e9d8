/**
 * The yearly capacity check of the highly specialised functions (højt specialiserede
 * funktioner): which departments are approved for which function (the secretariat's register),
 * what each is asked once a year (expected demand and capacity per quarter of next year, known
 * constraints), and the pure summary for sundhedsdirektørkredsen — per function and region,
 * demand against capacity, gaps flagged, trend against last year. No storage, no clock.
 * Design: docs/decisions/0018-capacity-check.md.
 */
import { defineList } from './lists.ts';
import { findDepartment, REGION_IDS, type RegionId } from './reference.ts';
import type { CheckAnswerInput, SpecialisedFunctionInput } from './schemas/capacity-check.ts';

// The schemas are in schemas/capacity-check.ts; the types they define are the check's own.
export type { CheckAnswerInput, SpecialisedFunctionInput };

// ---------------------------------------------------------------- the register

/** A highly specialised function and the departments approved for it. */
export interface SpecialisedFunction {
  id: string;
  name: string;
  nameEn: string;
  /** The cancer type it belongs to (for the network and the overviews); empty when several. */
  cancerType?: string;
  departments: string[];
  updatedAt?: string;
}

/** Characters of a specialised function's id (the pattern's limit) and names. */
export const FUNCTION_TEXT_MAX = { id: 60, name: 120 } as const;

// ---------------------------------------------------------------- the yearly check

/** Weeks the departments get to answer before the check counts them as overdue. */
export const ANSWER_WEEKS = 6;

/** A check asks about `year`: opened the year before, in the configured month. */
export interface CapacityCheck {
  year: number;
  openedAt: string;
  /** YYYY-MM-DD: answers due. */
  deadline: string;
  /** Who was asked when it opened: `<functionId>#<departmentId>` (later register edits change nothing). */
  asked: string[];
  summarySentAt?: string;
}

export function askedPairs(functions: SpecialisedFunction[]): string[] {
  return functions.flatMap((f) => f.departments.map((d) => `${f.id}#${d}`)).sort();
}

export const CONSTRAINT_LIST = defineList([
  { id: 'personale', label: { da: 'Personale', en: 'Staff' } },
  { id: 'udstyr', label: { da: 'Udstyr', en: 'Equipment' } },
  { id: 'byggeri', label: { da: 'Byggeri og lokaler', en: 'Building work and premises' } },
]);
export type Constraint = (typeof CONSTRAINT_LIST.ids)[number];

export const NOTES_MAX = 1000;

export interface CheckAnswer extends CheckAnswerInput {
  year: number;
  region: RegionId;
  submittedAt: string;
  submittedBy: string;
}

// ---------------------------------------------------------------- the summary

export interface SummaryRow {
  functionId: string;
  region: RegionId;
  asked: number;
  answered: number;
  demand: number[];
  capacity: number[];
  /** Quarters (1–4) where expected demand exceeds capacity. */
  gapQuarters: number[];
  constraints: Constraint[];
  /** Last year's totals for the same function and region, when there was an answer. */
  lastYear?: { demand: number; capacity: number };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Per function and region: the answered departments' demand and capacity added up per quarter,
 * the quarters with a gap (demand above capacity), the constraints named, and last year's
 * totals for the trend. Regions without an approved department are left out.
 */
export function checkSummary(args: {
  functions: SpecialisedFunction[];
  check: Pick<CapacityCheck, 'asked'>;
  answers: CheckAnswer[];
  lastYear?: CheckAnswer[];
}): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const f of args.functions) {
    for (const region of REGION_IDS) {
      const asked = args.check.asked.filter((pair) => {
        const [functionId, departmentId] = pair.split('#');
        return functionId === f.id && findDepartment(departmentId ?? '')?.region === region;
      });
      if (asked.length === 0) continue;
      const answers = args.answers.filter((a) => a.functionId === f.id && a.region === region);
      const demand = [0, 1, 2, 3].map((q) => sum(answers.map((a) => a.demand[q] ?? 0)));
      const capacity = [0, 1, 2, 3].map((q) => sum(answers.map((a) => a.capacity[q] ?? 0)));
      const previous = (args.lastYear ?? []).filter((a) => a.functionId === f.id && a.region === region);
      rows.push({
        functionId: f.id,
        region,
        asked: asked.length,
        answered: answers.length,
        demand,
        capacity,
        gapQuarters:
          answers.length === 0
            ? []
            : [1, 2, 3, 4].filter((q) => (demand[q - 1] ?? 0) > (capacity[q - 1] ?? 0)),
        constraints: CONSTRAINT_LIST.ids.filter((c) => answers.some((a) => a.constraints.includes(c))),
        ...(previous.length > 0
          ? {
              lastYear: {
                demand: sum(previous.flatMap((a) => a.demand)),
                capacity: sum(previous.flatMap((a) => a.capacity)),
              },
            }
          : {}),
      });
    }
  }
  return rows;
}

/** Change from last year in whole per cent (+12, −5); undefined without last year or from 0. */
export function trendPercent(now: number, before: number | undefined): number | undefined {
  if (before === undefined || before === 0) return undefined;
  return Math.round(((now - before) / before) * 100);
}

/** Quoted when needed; text starting like a formula gets a leading `'` (CSV injection). */
function cell(value: string | number): string {
  const s = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function checkSummaryCsv(
  year: number,
  rows: SummaryRow[],
  names: { fn: (id: string) => string; region: (id: string) => string },
): string {
  const header = [
    'Funktion',
    'Region',
    'Besvaret',
    ...[1, 2, 3, 4].map((q) => `Efterspørgsel K${q}`),
    ...[1, 2, 3, 4].map((q) => `Kapacitet K${q}`),
    'Efterspørgsel i alt',
    'Kapacitet i alt',
    'Mangel i kvartal',
    `Efterspørgsel ${year - 1}`,
    `Kapacitet ${year - 1}`,
    'Begrænsninger',
  ];
  const lines = rows.map((r) => [
    names.fn(r.functionId),
    names.region(r.region),
    `${r.answered} af ${r.asked}`,
    ...r.demand,
    ...r.capacity,
    sum(r.demand),
    sum(r.capacity),
    r.gapQuarters.map((q) => `K${q}`).join(' '),
    r.lastYear?.demand ?? '',
    r.lastYear?.capacity ?? '',
    r.constraints.map((c) => CONSTRAINT_LIST.label(c)).join(', '),
  ]);
  return `${[header, ...lines].map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}

export function totalOf(values: number[]): number {
  return sum(values);
}
