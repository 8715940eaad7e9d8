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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const mo = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 ? (leap ? 29 : 28) : (MONTH_DAYS[mo - 1] ?? 31));
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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

// The live list (the secretariat adds cancer types on /stamdata): rebuilt whenever the reference
// data in use is replaced, otherwise one Set lookup per row.
let knownCancerTypes: { list: readonly { id: string }[]; ids: Set<string> } | undefined;
function isCancerType(id: string): boolean {
  const list = referenceData().cancerTypes;
  if (knownCancerTypes?.list !== list) knownCancerTypes = { list, ids: new Set(list.map((c) => c.id)) };
  return knownCancerTypes.ids.has(id);
}

function regionOf(value: string): RegionId | undefined {
  return REGION_CODES[value] ?? (REGION_IDS.has(value) ? (value as RegionId) : undefined);
}

// The CPR guard normalises text first (slow); a cell of printable ASCII with fewer than ten
// digits cannot hold a CPR number however it is written, so only other cells are checked.
function mayHoldCprNumber(value: string): boolean {
  if (value.length < 10) return false;
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return true;
    if (c >= 0x30 && c <= 0x39 && ++digits === 10) return true;
  }
  return false;
}

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
 * Runs once per row of files of ~300 000 rows: plain loops and string checks, no closures, no
 * allocations beyond the row and its error list.
 */
export function readCells(
  cells: string[],
  header: string[],
  index: ColumnIndex,
  ctx: ReadContext,
): PathwayRow | RowError[] {
  const errors: RowError[] = [];
  const line = ctx.line;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i] as string;
    if (mayHoldCprNumber(value) && containsCprNumber(value))
      errors.push({ line, column: header[i] ?? `kolonne ${i + 1}`, message: CPR_MESSAGE_DA });
  }
  if (errors.length > 0) return errors;

  const id = cell(cells, index.forloeb_id);
  if (id === '') errors.push({ line, column: 'forloeb_id', message: 'Forløbs-id mangler.' });
  else if (id.length > 64)
    errors.push({ line, column: 'forloeb_id', message: 'Forløbs-id må højst være 64 tegn.' });

  const region = regionOf(cell(cells, index.region));
  if (!region)
    errors.push({
      line,
      column: 'region',
      message: 'Ukendt region. Brug regionens id (fx hovedstaden) eller regionskode 1081–1085.',
    });
  else if (ctx.onlyRegion && region !== ctx.onlyRegion)
    errors.push({
      line,
      column: 'region',
      message: 'Rækken hører til en anden region. Du kan kun indberette for din egen region.',
    });

  const cancerType = cell(cells, index.kraeftform);
  if (!isCancerType(cancerType))
    errors.push({
      line,
      column: 'kraeftform',
      message: 'Ukendt kræftform. Brug et id fra listen over kræftformer.',
    });

  const kind = cell(cells, index.forloebstype) as PathwayKind;
  const kindOk = KINDS.has(kind);
  if (!kindOk)
    errors.push({
      line,
      column: 'forloebstype',
      message:
        'Ukendt forløbstype. Brug udredning, behandling, kun-behandling, efterbehandling eller pakkeforloeb.',
    });

  const received = cell(cells, index.modtaget);
  const receivedOk = isIsoDate(received);
  if (received === '') errors.push({ line, column: 'modtaget', message: 'Dato for modtagelse mangler.' });
  else if (!receivedOk) errors.push({ line, column: 'modtaget', message: BAD_DATE });
  else if (received > ctx.today) errors.push({ line, column: 'modtaget', message: FUTURE_DATE });

  const start = cell(cells, index.start);
  if (start !== '') {
    if (!isIsoDate(start)) errors.push({ line, column: 'start', message: BAD_DATE });
    else if (receivedOk && start < received)
      errors.push({ line, column: 'start', message: 'Start ligger før modtagelse.' });
    else if (start > ctx.today) errors.push({ line, column: 'start', message: FUTURE_DATE });
  }

  const reason = cell(cells, index.aarsag);
  if (reason !== '' && !REASON_SET.has(reason))
    errors.push({
      line,
      column: 'aarsag',
      message: 'Ukendt årsag. Brug patientens-oenske, helbred, kapacitet eller lad feltet være tomt.',
    });

  const offered = cell(cells, index.henvisning_tilbudt);
  if (offered !== '' && offered !== 'ja' && offered !== 'nej')
    errors.push({ line, column: 'henvisning_tilbudt', message: 'Skriv ja, nej eller lad feltet være tomt.' });

  const standard = cell(cells, index.standard_dage);
  let standardDays: number | undefined;
  if (kind === 'pakkeforloeb') {
    standardDays = Number(standard);
    if (standard === '')
      errors.push({ line, column: 'standard_dage', message: 'Standardforløbstid mangler for pakkeforløb.' });
    else if (!/^\d{1,3}$/.test(standard) || standardDays < 1 || standardDays > 365)
      errors.push({
        line,
        column: 'standard_dage',
        message: 'Standardforløbstid skal være et helt antal dage mellem 1 og 365.',
      });
  } else if (kindOk && standard !== '') {
    errors.push({
      line,
      column: 'standard_dage',
      message: 'Standardforløbstid udfyldes kun for pakkeforløb.',
    });
  }

  if (errors.length > 0 || !region) return errors;
  const row: PathwayRow = { region, cancerType, kind, received };
  if (start) row.start = start;
  if (reason) row.reason = reason as Reason;
  if (offered) row.referralOffered = offered === 'ja';
  if (standardDays !== undefined) row.standardDays = standardDays;
  return row;
}

const BAD_DATE = 'Ugyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-03-15.';
const FUTURE_DATE = 'Datoen ligger i fremtiden.';

/** A cell's value, trimmed; '' for a missing one. */
function cell(cells: string[], i: number): string {
  const value = cells[i];
  return value === undefined ? '' : value.trim();
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
