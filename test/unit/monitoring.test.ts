/** Monitoring of maximum waiting times: classification at every boundary, row checks, the published 2024 table. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CPR_MESSAGE_DA } from '../../functions/domain/cpr.ts';
import {
  checkHeader,
  classify,
  ExtractTallies,
  isIsoDate,
  type PathwayRow,
  quarterOfRow,
  readRow,
} from '../../functions/domain/monitoring.ts';
import {
  areasUnderPressure,
  formatPercent,
  monitoringCsv,
  monitoringStatusFigures,
  packageTimes,
  pressureProposalQuery,
  type RegionQuarter,
  waitingTimes,
} from '../../functions/domain/monitoring-figures.ts';
import { generateExtract, generateExtractChunks } from '../../functions/domain/monitoring-generator.ts';
import { bundledReferenceData, useReferenceData } from '../../functions/domain/reference.ts';
import { parseExtract } from '../../functions/services/monitoring-parse.ts';

const row = (values: Partial<PathwayRow>): PathwayRow => ({
  region: 'hovedstaden',
  cancerType: 'brystkraeft',
  kind: 'udredning',
  received: '2024-03-01',
  start: '2024-03-10',
  ...values,
});

describe('classification', () => {
  it('counts day 14 as within and day 15 as exceeded for udredning, behandling and efterbehandling', () => {
    for (const kind of ['udredning', 'behandling', 'efterbehandling'] as const) {
      expect(classify(row({ kind, received: '2024-03-01', start: '2024-03-15' })).kind).toBe('within');
      expect(classify(row({ kind, received: '2024-03-01', start: '2024-03-16' })).kind).toBe('not-complied');
    }
  });

  it('allows 28 days for kun-behandling: day 28 within, day 29 exceeded', () => {
    expect(classify(row({ kind: 'kun-behandling', received: '2024-03-01', start: '2024-03-29' }))).toEqual({
      kind: 'within',
      days: 28,
    });
    expect(classify(row({ kind: 'kun-behandling', received: '2024-03-01', start: '2024-03-30' })).kind).toBe(
      'not-complied',
    );
  });

  it('counts the leap day: 15 Feb → 29 Feb 2024 is 14 days, → 1 Mar is 15', () => {
    expect(classify(row({ received: '2024-02-15', start: '2024-02-29' }))).toEqual({
      kind: 'within',
      days: 14,
    });
    expect(classify(row({ received: '2024-02-15', start: '2024-03-01' })).kind).toBe('not-complied');
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('calls capacity complied with only when referral elsewhere was offered', () => {
    const late = { received: '2024-03-01', start: '2024-03-20' };
    expect(classify(row({ ...late, reason: 'kapacitet', referralOffered: true }))).toEqual({
      kind: 'complied-exceeded',
      days: 19,
      reason: 'kapacitet',
    });
    expect(classify(row({ ...late, reason: 'kapacitet', referralOffered: false })).kind).toBe('not-complied');
    expect(classify(row({ ...late, reason: 'kapacitet' })).kind).toBe('not-complied');
    expect(classify(row({ ...late })).kind).toBe('not-complied');
  });

  it('accepts the patient’s wish and health as reasons without an offer of referral', () => {
    const late = { received: '2024-03-01', start: '2024-03-20' };
    expect(classify(row({ ...late, reason: 'patientens-oenske' })).kind).toBe('complied-exceeded');
    expect(classify(row({ ...late, reason: 'helbred', referralOffered: false })).kind).toBe(
      'complied-exceeded',
    );
  });

  it('counts a timely pathway as within whatever reason it carries', () => {
    expect(classify(row({ reason: 'kapacitet', referralOffered: false })).kind).toBe('within');
    expect(classify(row({ reason: 'helbred' })).kind).toBe('within');
  });

  it('keeps a pathway without start apart as ongoing, in the quarter it was received', () => {
    const ongoing = row({ start: undefined, received: '2024-12-30' });
    expect(classify(ongoing).kind).toBe('ongoing');
    expect(quarterOfRow(ongoing)).toBe('2024-Q4');
  });

  it('puts a row in the quarter of its start: 31 March is Q1, 1 April Q2, New Year’s Eve Q4', () => {
    expect(quarterOfRow(row({ received: '2024-03-20', start: '2024-03-31' }))).toBe('2024-Q1');
    expect(quarterOfRow(row({ received: '2024-03-20', start: '2024-04-01' }))).toBe('2024-Q2');
    expect(quarterOfRow(row({ received: '2024-12-20', start: '2024-12-31' }))).toBe('2024-Q4');
    expect(quarterOfRow(row({ received: '2024-12-20', start: '2025-01-01' }))).toBe('2025-Q1');
  });

  it('counts a package pathway within the standard time up to and including its last day', () => {
    const pkg = { kind: 'pakkeforloeb' as const, received: '2024-03-01', standardDays: 30 };
    expect(classify(row({ ...pkg, start: '2024-03-31' }))).toEqual({
      kind: 'package',
      days: 30,
      withinStandard: true,
    });
    expect(classify(row({ ...pkg, start: '2024-04-01' }))).toMatchObject({ withinStandard: false });
  });

  it('splits capacity exceedances into udredning and behandling (behandling, kun-behandling, efterbehandling)', () => {
    const tallies = new ExtractTallies();
    const late = {
      reason: 'kapacitet' as const,
      referralOffered: true,
      received: '2024-01-01',
      start: '2024-02-15',
    };
    for (const kind of ['udredning', 'behandling', 'kun-behandling', 'efterbehandling'] as const)
      tallies.add(row({ ...late, kind }));
    const [group] = [...tallies.groups.values()];
    expect(group?.byCancer.brystkraeft).toMatchObject({
      pathways: 4,
      capacityUdredning: 1,
      capacityBehandling: 3,
    });
  });
});

describe('reading a row', () => {
  const good = {
    forloeb_id: 'RH-a1b2c3',
    region: 'hovedstaden',
    kraeftform: 'brystkraeft',
    forloebstype: 'udredning',
    modtaget: '2024-03-01',
    start: '2024-03-10',
    aarsag: '',
    henvisning_tilbudt: '',
    standard_dage: '',
  };
  const ctx = { line: 7, today: '2026-12-01' };

  it('accepts region codes as well as ids', () => {
    expect(readRow({ ...good, region: '1085' }, ctx)).toMatchObject({ region: 'sjaelland' });
  });

  it('names line and column for each problem, in Danish', () => {
    const errors = readRow(
      { ...good, region: 'fyn', kraeftform: 'x', modtaget: '2024-02-30', aarsag: 'travlhed' },
      ctx,
    );
    expect(errors).toEqual([
      { line: 7, column: 'region', message: expect.stringContaining('Ukendt region') },
      { line: 7, column: 'kraeftform', message: expect.stringContaining('Ukendt kræftform') },
      { line: 7, column: 'modtaget', message: expect.stringContaining('Ugyldig dato') },
      { line: 7, column: 'aarsag', message: expect.stringContaining('Ukendt årsag') },
    ]);
  });

  it('refuses a start before the referral and a start in the future', () => {
    expect(readRow({ ...good, start: '2024-02-28' }, ctx)).toEqual([
      { line: 7, column: 'start', message: 'Start ligger før modtagelse.' },
    ]);
    expect(readRow({ ...good, start: '2027-01-01' }, ctx)).toMatchObject([{ column: 'start' }]);
  });

  it('refuses a CPR-looking value naming its column, never echoing it', () => {
    const errors = readRow({ ...good, forloeb_id: '010190-1234' }, ctx) as {
      message: string;
      column: string;
    }[];
    expect(errors).toHaveLength(1);
    expect(errors[0]?.column).toBe('forloeb_id');
    expect(errors[0]?.message).toMatch(/CPR-nummer/);
    expect(JSON.stringify(errors)).not.toContain('010190');
  });

  it('refuses a CPR number however it is written: spaced, other digits, invisible characters', () => {
    for (const hidden of [
      '01 - 0190-1234',
      '０１０１９０-１２３４',
      '010190\u200b-1234',
      'RH;010190--1234',
    ]) {
      const errors = readRow({ ...good, forloeb_id: hidden }, ctx);
      expect(errors, hidden).toMatchObject([{ column: 'forloeb_id', message: CPR_MESSAGE_DA }]);
    }
  });

  it('takes the cancer types in use now: one the secretariat adds is accepted, a retired one refused', () => {
    const data = bundledReferenceData();
    const added = { id: 'peniskraeft', name: 'Peniskræft', nameEn: 'Penile cancer' };
    const row = { ...good, kraeftform: 'peniskraeft' };
    try {
      expect(readRow(row, ctx)).toMatchObject([{ column: 'kraeftform' }]);
      useReferenceData({ ...data, cancerTypes: [...data.cancerTypes, added] });
      expect(readRow(row, ctx)).toMatchObject({ cancerType: 'peniskraeft' });
      useReferenceData({
        ...data,
        cancerTypes: [...data.cancerTypes, { ...added, retiredAt: '2026-11-30T12:00:00.000Z' }],
      });
      expect(readRow(row, ctx)).toMatchObject([{ column: 'kraeftform' }]);
    } finally {
      useReferenceData(data);
    }
  });

  it('refuses another region’s rows for a region user', () => {
    expect(readRow({ ...good, region: '1081' }, { ...ctx, onlyRegion: 'hovedstaden' })).toMatchObject([
      { column: 'region', message: expect.stringContaining('anden region') },
    ]);
  });

  it('requires standard_dage on package rows only', () => {
    expect(readRow({ ...good, forloebstype: 'pakkeforloeb' }, ctx)).toMatchObject([
      { column: 'standard_dage' },
    ]);
    expect(readRow({ ...good, standard_dage: '30' }, ctx)).toMatchObject([{ column: 'standard_dage' }]);
  });

  it('checks the header: missing, unknown and repeated columns', () => {
    const errors = checkHeader(['forloeb_id', 'region', 'region', 'cpr']);
    expect(errors.map((e) => e.column)).toEqual(expect.arrayContaining(['region', 'cpr', 'kraeftform']));
    expect(errors.every((e) => e.line === 1)).toBe(true);
  });
});

describe('parsing a file', () => {
  const header =
    'forloeb_id;region;kraeftform;forloebstype;modtaget;start;aarsag;henvisning_tilbudt;standard_dage';
  const parse = (text: string) => parseExtract(Readable.from([text]), { today: '2026-12-01' });

  it('reads a BOM, CRLF and any column order', async () => {
    const text = `\uFEFFstart;${header.replace(';start', '')}\r\n2024-03-10;a1;hovedstaden;brystkraeft;udredning;2024-03-01;;;\r\n`;
    const result = await parse(text);
    expect(result.errors).toEqual([]);
    expect(result.tallies.rows).toBe(1);
  });

  it('rejects the whole file on one bad row, naming its line (1 = header)', async () => {
    const text = `${header}\na1;hovedstaden;brystkraeft;udredning;2024-03-01;2024-03-10;;;\na2;hovedstaden;brystkraeft;udredning;2024-03-01;2024-02-10;;;\n`;
    const result = await parse(text);
    expect(result.errors).toEqual([{ line: 3, column: 'start', message: 'Start ligger før modtagelse.' }]);
  });

  it('lists at most 50 errors', async () => {
    const bad = Array.from({ length: 80 }, (_, i) => `a${i};fyn;brystkraeft;udredning;2024-03-01;;;;`).join(
      '\n',
    );
    const result = await parse(`${header}\n${bad}\n`);
    expect(result.errors).toHaveLength(50);
    expect(result.moreErrors).toBe(true);
  });
});

describe('the generated 2024 extract', () => {
  it('reproduces the published national table to the pathway', async () => {
    const parsed = await parseExtract(Readable.from(generateExtractChunks({ year: 2024 })), {
      today: '2026-12-01',
    });
    expect(parsed.errors).toEqual([]);
    const stored: RegionQuarter[] = [...parsed.tallies.groups.values()];
    const national = waitingTimes(stored, 2024).filter((w) => w.region === 'national');
    const year = national.find((w) => w.period === '2024');
    expect(year).toMatchObject({
      pathways: 251_786,
      within: 237_760,
      compliedExceeded: { total: 13_774, capacity: 433, capacityUdredning: 124, capacityBehandling: 309 },
      notComplied: 252,
    });
    const y = year as NonNullable<typeof year>;
    expect(formatPercent(y.within, y.pathways)).toBe('94,43 %');
    expect(formatPercent(y.compliedExceeded.total, y.pathways)).toBe('5,47 %');
    expect(formatPercent(y.compliedExceeded.capacity, y.pathways)).toBe('0,17 %');
    expect(formatPercent(y.notComplied, y.pathways)).toBe('0,10 %');
    expect(formatPercent(y.within + y.compliedExceeded.total, y.pathways)).toBe('99,90 %');
    expect(
      national
        .filter((w) => w.period !== '2024')
        .map((w) => formatPercent(w.within + w.compliedExceeded.total, w.pathways)),
    ).toEqual(['99,85 %', '99,86 %', '99,93 %', '99,96 %']);

    const shares = Object.fromEntries(
      packageTimes(stored, 2024)
        .filter((p) => p.period === '2024')
        .map((p) => [p.region, Math.round((p.withinStandard / p.pathways) * 100)]),
    );
    expect(shares).toEqual({
      hovedstaden: 78,
      midtjylland: 77,
      syddanmark: 81,
      sjaelland: 65,
      nordjylland: 82,
      national: 77,
    });
    expect(parsed.tallies.rows).toBeGreaterThan(285_000);
    // Concentrated capacity trouble shows up as areas under pressure.
    expect(areasUnderPressure(stored, '2024-Q1').map((a) => `${a.region}/${a.cancerType}`)).toContain(
      'sjaelland/lungekraeft',
    );
  }, 120_000);

  it('is the same file every time for the same year, and another for another year', () => {
    const head = (year: number) => {
      const lines: string[] = [];
      for (const line of generateExtract({ year })) if (lines.push(line) >= 500) break;
      return lines.join('');
    };
    expect(head(2023)).toBe(head(2023));
    expect(head(2023)).not.toBe(head(2024));
  });
});

describe('CSV download', () => {
  it('writes counts and Danish percentages with two decimals', () => {
    const tallies = new ExtractTallies();
    tallies.add(row({}));
    tallies.add(row({ start: '2024-03-30' }));
    const stored = [...tallies.groups.values()];
    const csv = monitoringCsv(waitingTimes(stored, 2024), packageTimes(stored, 2024));
    expect(csv).toContain('2024-Q1;Region Hovedstaden;2;1;50,00;0;0,00;0;0;0;0;1;50,00;0');
  });
});

describe('areas under pressure for the quarterly status', () => {
  const late = { received: '2024-01-02', start: '2024-02-01' };
  const tallies = new ExtractTallies();
  for (let i = 0; i < 4; i++)
    tallies.add(
      row({
        ...late,
        region: 'sjaelland',
        cancerType: 'lungekraeft',
        reason: 'kapacitet',
        referralOffered: true,
      }),
    );
  tallies.add(
    row({
      ...late,
      region: 'sjaelland',
      cancerType: 'lungekraeft',
      kind: 'behandling',
      reason: 'kapacitet',
      referralOffered: true,
    }),
  );
  for (let i = 0; i < 2; i++) tallies.add(row({ ...late, cancerType: 'prostatakraeft' }));
  const stored = [...tallies.groups.values()];

  it('lists a region × cancer type once its capacity exceedances reach the threshold, and proposes escalation', () => {
    const figures = monitoringStatusFigures(stored, '2024-Q1', { capacity: 5, notComplied: 3 });
    expect(figures?.national).toMatchObject({ pathways: 7, notComplied: 2 });
    expect(figures?.pressure.map((a) => `${a.region}/${a.cancerType}`)).toEqual(['sjaelland/lungekraeft']);
    const query = new URLSearchParams(pressureProposalQuery(figures?.pressure[0] as never, '2024-Q1'));
    expect(query.get('cancerType')).toBe('lungekraeft');
    expect(query.getAll('pathwayTypes')).toEqual(['udredning', 'behandling']);
    expect(query.get('description')).toContain('1. kvartal 2024');
  });

  it('counts rules not complied with against their own threshold, and says nothing for a quarter without data', () => {
    const strict = monitoringStatusFigures(stored, '2024-Q1', { capacity: 50, notComplied: 2 });
    expect(strict?.pressure.map((a) => `${a.region}/${a.cancerType}`)).toEqual([
      'hovedstaden/prostatakraeft',
    ]);
    expect(monitoringStatusFigures(stored, '2024-Q2')).toBeUndefined();
  });
});
