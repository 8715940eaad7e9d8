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
import { DESTINATION_LIST, DESTINATIONS, type ReferralFigures } from './referrals.ts';
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

/** Quoted when needed; text starting like a formula gets a leading `'` (CSV injection). */
function cell(value: string | number): string {
  const s = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The status as one `;`-separated CSV (Danish Excel), section by section. */
export function quarterlyStatusCsv(s: QuarterlyStatus): string {
  const lines: (string | number)[][] = [
    ['Kvartalsstatus', quarterLabel(s.quarter)],
    ['Sager oprettet', s.opened],
    ['Sager løst', s.resolved],
    ['Median tid til løsning (dage)', s.medianResolutionDays ?? 'ingen data'],
    ...(['1', '2', '3', '4'] as const).map((l) => [
      `Oprettede sager, højeste niveau ${l}`,
      s.openedByLevel[l],
    ]),
    [],
    ['Kræftform', 'Region', 'Oprettet', 'Løst', 'Højeste niveau'],
    ...s.rows.map((r) => [
      cancerTypeName(r.cancerType),
      regionName(r.region),
      r.opened,
      r.resolved,
      r.highestLevel,
    ]),
    [],
    [
      'Netværk aktive',
      s.networks ? s.networks.active.map(cancerTypeName).join(', ') || 'ingen' : 'ingen data',
    ],
    [
      'Netværk i standby',
      s.networks ? s.networks.standby.map(cancerTypeName).join(', ') || 'ingen' : 'ingen data',
    ],
    [],
    ['Kræftformer under vedvarende pres', s.weekly ? '' : 'ingen data'],
    ...(s.weekly?.sustainedPressure ?? []).map((p) => [cancerTypeName(p.cancerType), `${p.weeks} uger`]),
    ['Ugentlig indberetning pr. region', s.weekly ? '' : 'ingen data'],
    ...(s.weekly?.compliance ?? []).map((c) => [regionName(c.region), `${c.received} af ${c.expected}`]),
    [],
    ['Maksimale ventetider, landsplan', s.monitoring ? '' : 'ingen data'],
    ...(s.monitoring
      ? [
          ['Forløb', s.monitoring.national.pathways],
          ['Inden for maksimal ventetid', s.monitoring.national.within],
          ['Regler overholdt, ventetid overskredet', s.monitoring.national.compliedExceeded.total],
          ['Heraf kapacitet, udredning', s.monitoring.national.compliedExceeded.capacityUdredning],
          ['Heraf kapacitet, behandling', s.monitoring.national.compliedExceeded.capacityBehandling],
          ['Regler ikke overholdt', s.monitoring.national.notComplied],
          ['Pakkeforløb', s.monitoring.packages.pathways],
          ['Pakkeforløb inden for standardforløbstiden', s.monitoring.packages.withinStandard],
          ['Områder under pres', ''],
          ...s.monitoring.pressure.map((a) => [
            cancerTypeName(a.cancerType),
            regionName(a.region),
            `kapacitet ${a.capacityUdredning + a.capacityBehandling}`,
            `ikke overholdt ${a.notComplied}`,
          ]),
        ]
      : []),
    ...(s.holiday ?? []).flatMap((e) => [
      [],
      [`Ferieperiode: ${e.name}`, `${e.plansReceived} af ${e.plansExpected} planer`],
      [
        'Uge',
        'Planlagt kapacitet (%)',
        'Celler i risiko',
        'Ugerapporter',
        'Ledig kapacitet',
        'Median ventetid (dage)',
        'Over maksimum',
      ],
      ...e.weeks.map((w) => [
        w.baseline ? `${w.week} (ugen før)` : w.week,
        w.plannedShare ?? '',
        w.baseline ? '' : w.cellsAtRisk,
        w.reports,
        w.spareCapacity,
        w.medianWorstDays ?? '',
        w.overMaximum,
      ]),
    ]),
    [],
    ['Henvisning andetsteds (tilbudt / takket ja)', s.referrals ? '' : 'ingen data'],
    ...(s.referrals
      ? [
          ['Region', ...DESTINATIONS.flatMap((d) => [`${DESTINATION_LIST.label(d)} tilbudt`, 'takket ja'])],
          ...s.referrals.regions.map((r) => [
            regionName(r.region),
            ...DESTINATIONS.flatMap((d) => [r.byDestination[d].offered, r.byDestination[d].accepted]),
          ]),
          [
            'Hele landet',
            ...DESTINATIONS.flatMap((d) => [
              s.referrals?.national[d].offered ?? 0,
              s.referrals?.national[d].accepted ?? 0,
            ]),
          ],
        ]
      : []),
    [],
    ['Kontaktoplysninger ikke bekræftet i tide', s.overdueContacts.length],
    ...s.overdueContacts.map((c) => [c.name, c.maintainer, c.verifiedAt]),
  ];
  return `${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}
