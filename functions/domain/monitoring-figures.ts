/**
 * Figures from the stored monitoring tallies: the national table of maximum waiting times and
 * the package pathway shares, per quarter and year, per region and nationally; percentages as
 * the annual status writes them; areas under pressure for the quarterly status. Pure.
 */
import { addTally, type CancerTallies, emptyTally, type Tally } from './monitoring.ts';
import { cancerTypeName, REGION_IDS, type RegionId, regionName } from './reference.ts';
import { lazily } from './time.ts';

/** One stored region × quarter: the tallies per cancer type from the file that last replaced it. */
export interface RegionQuarter {
  region: RegionId;
  quarter: string;
  byCancer: CancerTallies;
}

export type Scope = RegionId | 'national';
export const SCOPES: Scope[] = [...REGION_IDS, 'national'];

export interface WaitingPeriod {
  period: string;
  region: Scope;
  pathways: number;
  within: number;
  compliedExceeded: {
    total: number;
    patientWish: number;
    health: number;
    capacity: number;
    capacityUdredning: number;
    capacityBehandling: number;
  };
  notComplied: number;
  ongoing: number;
}

export interface PackagePeriod {
  period: string;
  region: Scope;
  pathways: number;
  withinStandard: number;
}

export function quartersOf(year: number): string[] {
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

/** Sum over cancer types (all, or one). */
function cancerSum(byCancer: CancerTallies, cancerType?: string): Tally {
  const total = emptyTally();
  for (const [ct, t] of Object.entries(byCancer)) if (!cancerType || ct === cancerType) addTally(total, t);
  return total;
}

/** Tallies for every period (4 quarters + the year) × scope (5 regions + national). */
export function periodTallies(
  stored: RegionQuarter[],
  year: number,
  cancerType?: string,
): { period: string; region: Scope; tally: Tally }[] {
  const periods = [...quartersOf(year), String(year)];
  const cells = new Map<string, Tally>();
  for (const p of periods) for (const s of SCOPES) cells.set(`${p}|${s}`, emptyTally());
  for (const rq of stored) {
    if (!rq.quarter.startsWith(`${year}-`)) continue;
    const t = cancerSum(rq.byCancer, cancerType);
    for (const p of [rq.quarter, String(year)])
      for (const s of [rq.region, 'national'] as Scope[]) addTally(cells.get(`${p}|${s}`) as Tally, t);
  }
  return periods.flatMap((period) =>
    SCOPES.map((region) => ({ period, region, tally: cells.get(`${period}|${region}`) as Tally })),
  );
}

export function waitingPeriod(period: string, region: Scope, t: Tally): WaitingPeriod {
  const capacity = t.capacityUdredning + t.capacityBehandling;
  return {
    period,
    region,
    pathways: t.pathways,
    within: t.within,
    compliedExceeded: {
      total: t.patientWish + t.health + capacity,
      patientWish: t.patientWish,
      health: t.health,
      capacity,
      capacityUdredning: t.capacityUdredning,
      capacityBehandling: t.capacityBehandling,
    },
    notComplied: t.notComplied,
    ongoing: t.ongoing,
  };
}

export function waitingTimes(stored: RegionQuarter[], year: number, cancerType?: string): WaitingPeriod[] {
  return periodTallies(stored, year, cancerType).map((c) => waitingPeriod(c.period, c.region, c.tally));
}

export function packageTimes(stored: RegionQuarter[], year: number, cancerType?: string): PackagePeriod[] {
  return periodTallies(stored, year, cancerType).map(({ period, region, tally }) => ({
    period,
    region,
    pathways: tally.packagePathways,
    withinStandard: tally.packageWithinStandard,
  }));
}

/** Share in per cent, unrounded; null without pathways. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

const LOCALES = { da: 'da-DK', en: 'en-GB' } as const;
// Made on first use: four number formats at module load cost every cold start ~10 ms.
const percentFormats = {
  da: lazily(() => new Intl.NumberFormat(LOCALES.da, { minimumFractionDigits: 2, maximumFractionDigits: 2 })),
  en: lazily(() => new Intl.NumberFormat(LOCALES.en, { minimumFractionDigits: 2, maximumFractionDigits: 2 })),
};
const countFormats = {
  da: lazily(() => new Intl.NumberFormat(LOCALES.da)),
  en: lazily(() => new Intl.NumberFormat(LOCALES.en)),
};

/** "94,43 %" as the status writes it ("94.43 %" in English); "–" without pathways. */
export function formatPercent(part: number, whole: number, lang: 'da' | 'en' = 'da'): string {
  const s = share(part, whole);
  return s === null ? '–' : `${percentFormats[lang]().format(s)} %`;
}

/** "251.786" ("251,786" in English). */
export function formatCount(n: number, lang: 'da' | 'en' = 'da'): string {
  return countFormats[lang]().format(n);
}

export function scopeName(scope: Scope): string {
  return scope === 'national' ? 'Hele landet' : regionName(scope);
}

/** "2024-Q1" → "1. kvt. 2024"; "2024" → "Hele 2024". */
export function periodName(period: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m ? `${m[2]}. kvt. ${m[1]}` : `Hele ${period}`;
}

// ---------------------------------------------------------------- CSV

/** Quoted when needed; text starting like a formula gets a leading `'` (CSV injection). */
function cell(value: string | number): string {
  const s = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The tables as one `;`-separated CSV (Danish Excel): waiting times, then package shares. */
export function monitoringCsv(waiting: WaitingPeriod[], packages: PackagePeriod[]): string {
  const pct = (part: number, whole: number) => {
    const s = share(part, whole);
    return s === null ? '' : percentFormats.da().format(s);
  };
  const lines: (string | number)[][] = [
    [
      'Periode',
      'Region',
      'Forløb',
      'Inden for maksimal ventetid',
      'Pct.',
      'Regler overholdt, ventetid overskredet',
      'Pct.',
      'Heraf patientens ønske',
      'Heraf helbred',
      'Heraf kapacitet, udredning',
      'Heraf kapacitet, behandling',
      'Regler ikke overholdt',
      'Pct.',
      'Igangværende',
    ],
    ...waiting.map((w) => [
      w.period,
      scopeName(w.region),
      w.pathways,
      w.within,
      pct(w.within, w.pathways),
      w.compliedExceeded.total,
      pct(w.compliedExceeded.total, w.pathways),
      w.compliedExceeded.patientWish,
      w.compliedExceeded.health,
      w.compliedExceeded.capacityUdredning,
      w.compliedExceeded.capacityBehandling,
      w.notComplied,
      pct(w.notComplied, w.pathways),
      w.ongoing,
    ]),
    [],
    ['Periode', 'Region', 'Pakkeforløb', 'Inden for standardforløbstid', 'Pct.'],
    ...packages.map((p) => [
      p.period,
      scopeName(p.region),
      p.pathways,
      p.withinStandard,
      pct(p.withinStandard, p.pathways),
    ]),
  ];
  return `${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------- areas under pressure

export interface PressureThresholds {
  /** Capacity-reason exceedances (udredning + behandling) in a region × cancer type × quarter. */
  capacity: number;
  /** Pathways where the rules were not complied with. */
  notComplied: number;
}

export const DEFAULT_PRESSURE_THRESHOLDS: PressureThresholds = { capacity: 5, notComplied: 3 };

export interface PressureArea {
  region: RegionId;
  cancerType: string;
  capacityUdredning: number;
  capacityBehandling: number;
  notComplied: number;
  pathways: number;
}

/** Region × cancer type of a quarter whose capacity exceedances or not-complied count reach a threshold. */
export function areasUnderPressure(
  stored: RegionQuarter[],
  quarter: string,
  thresholds: PressureThresholds = DEFAULT_PRESSURE_THRESHOLDS,
): PressureArea[] {
  const out: PressureArea[] = [];
  for (const rq of stored) {
    if (rq.quarter !== quarter) continue;
    for (const [cancerType, t] of Object.entries(rq.byCancer)) {
      const capacity = t.capacityUdredning + t.capacityBehandling;
      if (capacity >= thresholds.capacity || t.notComplied >= thresholds.notComplied)
        out.push({
          region: rq.region,
          cancerType,
          capacityUdredning: t.capacityUdredning,
          capacityBehandling: t.capacityBehandling,
          notComplied: t.notComplied,
          pathways: t.pathways,
        });
    }
  }
  return out.sort(
    (a, b) =>
      b.notComplied +
        b.capacityUdredning +
        b.capacityBehandling -
        (a.notComplied + a.capacityUdredning + a.capacityBehandling) ||
      cancerTypeName(a.cancerType).localeCompare(cancerTypeName(b.cancerType), 'da'),
  );
}

/** What an area under pressure says, for the proposal's description. */
export function pressureDescription(area: PressureArea, quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  const when = m ? `${m[2]}. kvartal ${m[1]}` : quarter;
  return (
    `Overvågningen af maksimale ventetider for ${when} viser for ${cancerTypeName(area.cancerType).toLowerCase()} i ${regionName(area.region)}: ` +
    `${area.capacityUdredning + area.capacityBehandling} overskridelser på grund af kapacitet ` +
    `(${area.capacityUdredning} udredning, ${area.capacityBehandling} behandling) og ${area.notComplied} forløb, hvor reglerne ikke blev overholdt.`
  );
}

/** The capacity-problem form's query string, pre-filled for an area under pressure (as the weekly proposal). */
export function pressureProposalQuery(area: PressureArea, quarter: string): string {
  const params = new URLSearchParams();
  params.set('cancerType', area.cancerType);
  if (area.capacityUdredning > 0) params.append('pathwayTypes', 'udredning');
  if (area.capacityBehandling > 0 || area.notComplied > 0) params.append('pathwayTypes', 'behandling');
  params.set('description', pressureDescription(area, quarter));
  return params.toString();
}

/** What the quarterly status shows of the monitoring for its quarter. */
export interface MonitoringStatusFigures {
  national: WaitingPeriod;
  packages: { pathways: number; withinStandard: number };
  pressure: PressureArea[];
  thresholds: PressureThresholds;
}

/** The quarter's national figures and areas under pressure; undefined when no region has reported it. */
export function monitoringStatusFigures(
  stored: RegionQuarter[],
  quarter: string,
  thresholds: PressureThresholds = DEFAULT_PRESSURE_THRESHOLDS,
): MonitoringStatusFigures | undefined {
  const inQuarter = stored.filter((rq) => rq.quarter === quarter);
  if (inQuarter.length === 0) return undefined;
  const year = Number(quarter.slice(0, 4));
  const cells = periodTallies(inQuarter, year).filter((c) => c.period === quarter && c.region === 'national');
  const tally = (cells[0] as { tally: Tally }).tally;
  return {
    national: waitingPeriod(quarter, 'national', tally),
    packages: { pathways: tally.packagePathways, withinStandard: tally.packageWithinStandard },
    pressure: areasUnderPressure(inQuarter, quarter, thresholds),
    thresholds,
  };
}
