/**
 * The quarterly status for sundhedsdirektørkredsen: pure figures over problems, contacts and
 * (when another feature supplies them) networks and the weekly waiting-time exchange.
 * Quarters are calendar quarters in Europe/Copenhagen.
 */
import { isOverdue } from './contact-lists.ts';
import type { HolidayEvaluation } from './holiday.ts';
import type { Level } from './ladder.ts';
import type { MonitoringStatusFigures } from './monitoring-figures.ts';
import type { Problem } from './problem.ts';
import { type Contact, cancerTypeName, regionName } from './reference.ts';
import type { ReferralFigures } from './referrals.ts';
import { fromLocal, localDate } from './time.ts';

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** "2026-Q4" for an instant (Copenhagen calendar). */
export function quarterOf(instant: Date): string {
  const [year, month] = localDate(instant).split('-').map(Number) as [number, number];
  return `${year}-Q${Math.ceil(month / 3)}`;
}

export function previousQuarter(quarter: string): string {
  const [, y, q] = QUARTER_PATTERN.exec(quarter) ?? [];
  const year = Number(y);
  const n = Number(q);
  return n === 1 ? `${year - 1}-Q4` : `${year}-Q${n - 1}`;
}

/** [from, to) as UTC instants: local midnight on the quarter's first day and the next quarter's. */
export function quarterRange(quarter: string): { from: Date; to: Date } {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const firstMonth = (Number(match[2]) - 1) * 3 + 1;
  const midnight = (y: number, m: number) =>
    fromLocal({ year: y, month: m, day: 1, hour: 0, minute: 0, second: 0 });
  return {
    from: midnight(year, firstMonth),
    to: firstMonth === 10 ? midnight(year + 1, 1) : midnight(year, firstMonth + 3),
  };
}

/** "4. kvartal 2026" */
export function quarterLabel(quarter: string, lang: 'da' | 'en' = 'da'): string {
  const [, y, q] = QUARTER_PATTERN.exec(quarter) ?? [];
  return lang === 'en' ? `Q${q} ${y}` : `${q}. kvartal ${y}`;
}

/** Figures from the weekly waiting-time exchange (issue 4), when that feature supplies them. */
export interface WeeklyFigures {
  /** Cancer types whose waits exceeded the maximum in several consecutive weeks of the quarter. */
  sustainedPressure: { cancerType: string; weeks: number }[];
  /** Per region: weekly reports received against expected in the quarter. */
  compliance: { region: string; received: number; expected: number }[];
}

/** National networks' states at the end of the quarter, when a network feature supplies them. */
export interface NetworkFigures {
  active: string[];
  standby: string[];
}

export interface StatusRow {
  cancerType: string;
  region: string;
  opened: number;
  resolved: number;
  /** Highest ladder level any of the row's problems reached. */
  highestLevel: Level;
}

export interface StatusProblem {
  ref: string;
  id: string;
  cancerType: string;
  region: string;
  createdAt: string;
  resolvedAt?: string;
  highestLevel: Level;
}

export interface QuarterlyStatus {
  quarter: string;
  from: string;
  to: string;
  preparedAt: string;
  verifyMonths: number;
  opened: number;
  resolved: number;
  /** Problems opened in the quarter by the highest level they reached. */
  openedByLevel: Record<'1' | '2' | '3' | '4', number>;
  /** Median days from report to resolution of problems resolved in the quarter; null if none. */
  medianResolutionDays: number | null;
  rows: StatusRow[];
  problems: StatusProblem[];
  networks: NetworkFigures | null;
  weekly: WeeklyFigures | null;
  /** Maximum waiting times and package pathways from the regions' extracts (issue 10). */
  monitoring?: MonitoringStatusFigures | null;
  /** Evaluations of the holiday periods that ended in the quarter (planned vs reported). */
  holiday?: HolidayEvaluation[];
  /** Patients offered referral elsewhere and accepting, per region and destination kind. */
  referrals?: ReferralFigures | null;
  overdueContacts: { id: string; name: string; maintainer: string; verifiedAt: string }[];
}

export interface StatusInput {
  quarter: string;
  problems: Problem[];
  contacts: Contact[];
  preparedAt: Date;
  verifyMonths: number;
  networks?: NetworkFigures;
  weekly?: WeeklyFigures;
  monitoring?: MonitoringStatusFigures;
  holiday?: HolidayEvaluation[];
  referrals?: ReferralFigures;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10) / 10;
}

/** The ladder only climbs, so the current level is the highest reached. */
function highestLevel(p: Problem): Level {
  return Math.max(p.level, p.entryLevel) as Level;
}

export function buildQuarterlyStatus(input: StatusInput): QuarterlyStatus {
  const { from, to } = quarterRange(input.quarter);
  const inQuarter = (iso?: string) => !!iso && iso >= from.toISOString() && iso < to.toISOString();
  const opened = input.problems.filter((p) => inQuarter(p.createdAt));
  const resolved = input.problems.filter((p) => p.status === 'resolved' && inQuarter(p.resolvedAt));
  const touched = input.problems.filter((p) => opened.includes(p) || resolved.includes(p));

  const rows = new Map<string, StatusRow>();
  for (const p of touched) {
    const key = `${p.cancerType}|${p.region}`;
    const row = rows.get(key) ?? {
      cancerType: p.cancerType,
      region: p.region,
      opened: 0,
      resolved: 0,
      highestLevel: 1,
    };
    if (opened.includes(p)) row.opened++;
    if (resolved.includes(p)) row.resolved++;
    row.highestLevel = Math.max(row.highestLevel, highestLevel(p)) as Level;
    rows.set(key, row);
  }

  const openedByLevel = { '1': 0, '2': 0, '3': 0, '4': 0 };
  for (const p of opened) openedByLevel[String(highestLevel(p)) as keyof typeof openedByLevel]++;

  // Overdue as of the quarter's last day, or today when the quarter is still running.
  const asOf = localDate(new Date(Math.min(to.getTime() - 1, input.preparedAt.getTime())));
  return {
    quarter: input.quarter,
    from: from.toISOString(),
    to: to.toISOString(),
    preparedAt: input.preparedAt.toISOString(),
    verifyMonths: input.verifyMonths,
    opened: opened.length,
    resolved: resolved.length,
    openedByLevel,
    medianResolutionDays: median(
      resolved.map((p) => (Date.parse(p.resolvedAt as string) - Date.parse(p.createdAt)) / 86_400_000),
    ),
    rows: [...rows.values()].sort(
      (a, b) =>
        cancerTypeName(a.cancerType).localeCompare(cancerTypeName(b.cancerType), 'da') ||
        regionName(a.region).localeCompare(regionName(b.region), 'da'),
    ),
    problems: touched
      .map((p) => ({
        ref: p.ref,
        id: p.id,
        cancerType: p.cancerType,
        region: p.region,
        createdAt: p.createdAt,
        ...(p.resolvedAt ? { resolvedAt: p.resolvedAt } : {}),
        highestLevel: highestLevel(p),
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    networks: input.networks ?? null,
    weekly: input.weekly ?? null,
    monitoring: input.monitoring ?? null,
    ...(input.holiday && input.holiday.length > 0 ? { holiday: input.holiday } : {}),
    referrals: input.referrals ?? null,
    overdueContacts: input.contacts
      .filter((c) => isOverdue(c, asOf, input.verifyMonths))
      .map((c) => ({ id: c.id, name: c.name, maintainer: c.maintainer, verifiedAt: c.verifiedAt }))
      .sort((a, b) => a.verifiedAt.localeCompare(b.verifiedAt)),
  };
}
