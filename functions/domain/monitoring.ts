/**
 * Monitoring of maximum waiting times and package pathway times (pakkeforløb) from the regions'
 * pathway-level extracts. Pure rules: reading one extract row, classifying it, and adding it to
 * per region × quarter × cancer type tallies — the only thing the system keeps. No storage, no
 * clock of its own, no AWS.
 *
 * Rules (issue 10, Sundhedsstyrelsen's national monitoring model):
 * - days = start − modtaget in calendar days; maximum 14 for udredning, behandling and
 *   efterbehandling, 28 for kun-behandling;
 * - days ≤ maximum → within (whatever `aarsag` says);
 * - exceeded with `patientens-oenske`, `helbred`, or `kapacitet` with `henvisning_tilbudt=ja`
 *   → rules complied with, waiting time exceeded (by reason);
 * - exceeded otherwise → rules not complied with;
 * - a row counts in the calendar quarter of its `start` date; without `start` it is ongoing
 *   (counted in the quarter of `modtaget`, never classified);
 * - pakkeforløb: within standard when days ≤ `standard_dage`.
 */
import { CPR_MESSAGE_DA, containsCprNumber } from './cpr.ts';
import { REGION_IDS as REGION_ID_LIST, type RegionId, referenceData } from './reference.ts';

export const PATHWAY_KINDS = [
  'udredning',
  'behandling',
  'kun-behandling',
  'efterbehandling',
  'pakkeforloeb',
] as const;
export type PathwayKind = (typeof PATHWAY_KINDS)[number];
export type MaxWaitKind = Exclude<PathwayKind, 'pakkeforloeb'>;

/** Maximum waiting times in calendar days (bekendtgørelse om maksimale ventetider). */
export const MAX_DAYS: Record<MaxWaitKind, number> = {
  udredning: 14,
  behandling: 14,
  'kun-behandling': 28,
  efterbehandling: 14,
};

export const REASONS = ['patientens-oenske', 'helbred', 'kapacitet'] as const;
export type Reason = (typeof REASONS)[number];

/** The official region codes regions' systems use, beside the ids of data/regions.json. */
export const REGION_CODES: Record<string, RegionId> = {
  '1081': 'nordjylland',
  '1082': 'midtjylland',
  '1083': 'syddanmark',
  '1084': 'hovedstaden',
  '1085': 'sjaelland',
};

const REGION_IDS = new Set<string>(REGION_ID_LIST);

export const COLUMNS = [
  'forloeb_id',
  'region',
  'kraeftform',
  'forloebstype',
  'modtaget',
  'start',
  'aarsag',
  'henvisning_tilbudt',
  'standard_dage',
] as const;
export type Column = (typeof COLUMNS)[number];

/** One validated extract row. */
export interface PathwayRow {
  region: RegionId;
  cancerType: string;
  kind: PathwayKind;
  received: string;
  start?: string;
  reason?: Reason;
  referralOffered?: boolean;
  standardDays?: number;
}

export type Outcome =
  | { kind: 'ongoing' }
  | { kind: 'within'; days: number }
  | { kind: 'complied-exceeded'; days: number; reason: Reason }
  | { kind: 'not-complied'; days: number }
  | { kind: 'package'; days: number; withinStandard: boolean };

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Calendar days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  const n = (s: string) => dayNumber(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
  return n(to) - n(from);
}

/** `2024-Q1` for a calendar date: dates in the extract are Copenhagen calendar dates already. */
export function quarterOfDate(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

export function classify(row: PathwayRow): Outcome {
  if (row.start === undefined) return { kind: 'ongoing' };
  const days = daysBetween(row.received, row.start);
  if (row.kind === 'pakkeforloeb')
    return { kind: 'package', days, withinStandard: days <= (row.standardDays ?? 0) };
  if (days <= MAX_DAYS[row.kind]) return { kind: 'within', days };
  const reason = row.reason;
  if (reason === 'patientens-oenske' || reason === 'helbred')
    return { kind: 'complied-exceeded', days, reason };
  if (reason === 'kapacitet' && row.referralOffered === true)
    return { kind: 'complied-exceeded', days, reason };
  return { kind: 'not-complied', days };
}

/** The quarter a row counts in: its start's, or its referral's while it is ongoing. */
export function quarterOfRow(row: PathwayRow): string {
  return quarterOfDate(row.start ?? row.received);
}

// ---------------------------------------------------------------- tallies

/** Counts for one region × quarter × cancer type. Everything the system keeps from an extract. */
export interface Tally {
  /** Classified max-wait pathways (started in the quarter). */
  pathways: number;
  within: number;
  patientWish: number;
  health: number;
  capacityUdredning: number;
  /** Capacity reason on behandling, kun-behandling and efterbehandling together. */
  capacityBehandling: number;
  notComplied: number;
  /** Max-wait pathways not started yet (received in the quarter). */
  ongoing: number;
  packagePathways: number;
  packageWithinStandard: number;
  packageOngoing: number;
}

export function emptyTally(): Tally {
  return {
    pathways: 0,
    within: 0,
    patientWish: 0,
    health: 0,
    capacityUdredning: 0,
    capacityBehandling: 0,
    notComplied: 0,
    ongoing: 0,
    packagePathways: 0,
    packageWithinStandard: 0,
    packageOngoing: 0,
  };
}

export function addTally(into: Tally, more: Tally): Tally {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += more[k];
  return into;
}

export function addOutcome(tally: Tally, row: PathwayRow, outcome: Outcome): void {
  switch (outcome.kind) {
    case 'ongoing':
      if (row.kind === 'pakkeforloeb') tally.packageOngoing++;
      else tally.ongoing++;
      return;
    case 'package':
      tally.packagePathways++;
      if (outcome.withinStandard) tally.packageWithinStandard++;
      return;
    case 'within':
      tally.pathways++;
      tally.within++;
      return;
    case 'not-complied':
      tally.pathways++;
      tally.notComplied++;
      return;
    case 'complied-exceeded':
      tally.pathways++;
      if (outcome.reason === 'patientens-oenske') tally.patientWish++;
      else if (outcome.reason === 'helbred') tally.health++;
      else if (row.kind === 'udredning') tally.capacityUdredning++;
      else tally.capacityBehandling++;
      return;
  }
}

/** Tallies of one extract (or one stored region × quarter): cancer type → tally. */
export type CancerTallies = Record<string, Tally>;

/** The aggregates of a whole extract: `<region>|<quarter>` → cancer type → tally. */
export class ExtractTallies {
  readonly groups = new Map<string, { region: RegionId; quarter: string; byCancer: CancerTallies }>();
  rows = 0;
  ongoing = 0;

  add(row: PathwayRow): void {
    const quarter = quarterOfRow(row);
    const key = `${row.region}|${quarter}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { region: row.region, quarter, byCancer: {} };
      this.groups.set(key, group);
    }
    const outcome = classify(row);
    let tally = group.byCancer[row.cancerType];
    if (!tally) {
      tally = emptyTally();
      group.byCancer[row.cancerType] = tally;
    }
    addOutcome(tally, row, outcome);
    this.rows++;
    if (outcome.kind === 'ongoing') this.ongoing++;
  }
}

// ---------------------------------------------------------------- reading rows

export interface RowError {
  /** Physical line in the file; 1 is the header. */
  line: number;
  column: string;
  message: string;
}

export const MAX_ERRORS = 50;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31);
}

/** Checks the header: every column present once, no unknown ones. Errors name line 1. */
export function checkHeader(header: string[]): RowError[] {
  const errors: RowError[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    const column = name || `kolonne ${i + 1}`;
    if (containsCprNumber(name))
      errors.push({ line: 1, column: `kolonne ${i + 1}`, message: CPR_MESSAGE_DA });
    else if (!(COLUMNS as readonly string[]).includes(name))
      errors.push({ line: 1, column, message: `Ukendt kolonne. Tilladte kolonner: ${COLUMNS.join(', ')}.` });
    else if (seen.has(name))
      errors.push({ line: 1, column, message: 'Kolonnen står to gange i overskriften.' });
    seen.add(name);
  });
  for (const c of COLUMNS)
    if (!seen.has(c)) errors.push({ line: 1, column: c, message: 'Kolonnen mangler i overskriften.' });
  return errors;
}

export interface ReadContext {
  /** Physical line of the row (1 = header). */
  line: number;
  /** Today's date (Copenhagen): a start after it is an error. */
  today: string;
  /** A region user's own region: rows of other regions are refused. */
  onlyRegion?: RegionId;
}

const KINDS = new Set<string>(PATHWAY_KINDS);
const REASON_SET = new Set<string>(REASONS);

let knownCancerTypes: Set<string> | undefined;
function isCancerType(id: string): boolean {
  knownCancerTypes ??= new Set(referenceData().cancerTypes.map((c) => c.id));
  return knownCancerTypes.has(id);
}

function regionOf(value: string): RegionId | undefined {
  return REGION_CODES[value] ?? (REGION_IDS.has(value) ? (value as RegionId) : undefined);
}

// Ten digits in a cell is the cheapest sign a value could be a CPR number; only then run the guard.
const MANY_DIGITS = /\d(?:\D?\d){9}/;

/** Where each column is in a row, from the header (checkHeader passed). */
export type ColumnIndex = Record<Column, number>;

export function columnIndex(header: string[]): ColumnIndex {
  const index = {} as ColumnIndex;
  for (const c of COLUMNS) index[c] = header.indexOf(c);
  return index;
}

/**
 * Validates one row (its cells in header order) and returns it or its errors. Values are never
 * echoed in messages, so a CPR number typed in the wrong column cannot leak into a report.
 * Runs once per row of files of ~300 000 rows: plain loops and string checks, no allocations
 * beyond the row itself.
 */
export function readCells(
  cells: string[],
  header: string[],
  index: ColumnIndex,
  ctx: ReadContext,
): PathwayRow | RowError[] {
  const errors: RowError[] = [];
  const err = (column: string, message: string) => errors.push({ line: ctx.line, column, message });
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i] as string;
    if (value.length >= 10 && MANY_DIGITS.test(value) && containsCprNumber(value))
      err(header[i] ?? `kolonne ${i + 1}`, CPR_MESSAGE_DA);
  }
  if (errors.length > 0) return errors;

  const v = (c: Column) => (cells[index[c]] ?? '').trim();
  const id = v('forloeb_id');
  if (id === '') err('forloeb_id', 'Forløbs-id mangler.');
  else if (id.length > 64) err('forloeb_id', 'Forløbs-id må højst være 64 tegn.');

  const region = regionOf(v('region'));
  if (!region)
    err('region', 'Ukendt region. Brug regionens id (fx hovedstaden) eller regionskode 1081–1085.');
  else if (ctx.onlyRegion && region !== ctx.onlyRegion)
    err('region', 'Rækken hører til en anden region. Du kan kun indberette for din egen region.');

  const cancerType = v('kraeftform');
  if (!isCancerType(cancerType))
    err('kraeftform', 'Ukendt kræftform. Brug et id fra listen over kræftformer.');

  const kind = v('forloebstype') as PathwayKind;
  const kindOk = KINDS.has(kind);
  if (!kindOk)
    err(
      'forloebstype',
      'Ukendt forløbstype. Brug udredning, behandling, kun-behandling, efterbehandling eller pakkeforloeb.',
    );

  const received = v('modtaget');
  const receivedOk = isIsoDate(received);
  if (received === '') err('modtaget', 'Dato for modtagelse mangler.');
  else if (!receivedOk) err('modtaget', 'Ugyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-03-15.');
  else if (received > ctx.today) err('modtaget', 'Datoen ligger i fremtiden.');

  const start = v('start');
  if (start !== '') {
    if (!isIsoDate(start)) err('start', 'Ugyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-03-15.');
    else if (receivedOk && start < received) err('start', 'Start ligger før modtagelse.');
    else if (start > ctx.today) err('start', 'Datoen ligger i fremtiden.');
  }

  const reason = v('aarsag');
  if (reason !== '' && !REASON_SET.has(reason))
    err('aarsag', 'Ukendt årsag. Brug patientens-oenske, helbred, kapacitet eller lad feltet være tomt.');

  const offered = v('henvisning_tilbudt');
  if (offered !== '' && offered !== 'ja' && offered !== 'nej')
    err('henvisning_tilbudt', 'Skriv ja, nej eller lad feltet være tomt.');

  const standard = v('standard_dage');
  let standardDays: number | undefined;
  if (kind === 'pakkeforloeb') {
    standardDays = Number(standard);
    if (standard === '') err('standard_dage', 'Standardforløbstid mangler for pakkeforløb.');
    else if (!/^\d{1,3}$/.test(standard) || standardDays < 1 || standardDays > 365)
      err('standard_dage', 'Standardforløbstid skal være et helt antal dage mellem 1 og 365.');
  } else if (kindOk && standard !== '') {
    err('standard_dage', 'Standardforløbstid udfyldes kun for pakkeforløb.');
  }

  if (errors.length > 0 || !region) return errors;
  const row: PathwayRow = { region, cancerType, kind, received };
  if (start) row.start = start;
  if (reason) row.reason = reason as Reason;
  if (offered) row.referralOffered = offered === 'ja';
  if (standardDays !== undefined) row.standardDays = standardDays;
  return row;
}

/** One record as column name → value (tests, small callers). */
export function readRow(record: Record<string, string>, ctx: ReadContext): PathwayRow | RowError[] {
  const header = Object.keys(record);
  const index = {} as ColumnIndex;
  for (const c of COLUMNS) index[c] = header.includes(c) ? header.indexOf(c) : header.length;
  return readCells(Object.values(record), header, index, ctx);
}

/** A header cell CSV tools often leave with a BOM or spaces. */
export function headerName(raw: string): string {
  return raw.replace(/^\uFEFF/, '').trim();
}
