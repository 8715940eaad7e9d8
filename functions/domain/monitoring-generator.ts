/**
 * A realistic pathway extract for one year, shaped like the published 2024 figures (Årsstatus for
 * kræftområdet 2024): 251,786 classified pathways — 94.43 % within the maximum, 5.47 % rules
 * complied with but waiting time exceeded (capacity: 124 udredning, 309 behandling), 0.10 % not
 * complied with; quarterly compliance 99.85 / 99.86 / 99.93 / 99.96 % — plus ongoing pathways and
 * package pathways whose shares within the standard time match each region's published share.
 *
 * The counts are laid out exactly and only their order, regions, cancer types and dates are
 * drawn from a seeded generator: the same year gives the same file, byte for byte. Used by
 * `npm run monitoring:generate`, the demo seed, the tests and the benchmark. Lines are yielded one
 * at a time so a file of any size streams.
 */
import { COLUMNS, MAX_DAYS, type MaxWaitKind } from './monitoring.ts';
import { type RegionId, referenceData } from './reference.ts';

/** The published national figures the generator lays out, per quarter. */
export const PUBLISHED_2024 = {
  pathways: [63_000, 63_500, 61_500, 63_786],
  compliedExceeded: [3_500, 3_500, 3_300, 3_474],
  capacityUdredning: [31, 31, 31, 31],
  capacityBehandling: [78, 77, 77, 77],
  notComplied: [94, 89, 43, 26],
  ongoing: 3_564,
  /** Package pathways and those within the standard time, per region. */
  packages: {
    hovedstaden: [10_850, 8_506],
    midtjylland: [8_050, 6_230],
    syddanmark: [7_350, 5_983],
    sjaelland: [4_900, 3_205],
    nordjylland: [3_500, 2_884],
  } as Record<RegionId, [number, number]>,
} as const;

/** Share of the country's pathways per region (roughly by population). */
const REGION_WEIGHTS: [RegionId, number][] = [
  ['hovedstaden', 0.32],
  ['midtjylland', 0.23],
  ['syddanmark', 0.21],
  ['sjaelland', 0.14],
  ['nordjylland', 0.1],
];

/** Some regions' systems write the official region code rather than the id. */
const WRITTEN_AS: Record<RegionId, string> = {
  hovedstaden: 'hovedstaden',
  midtjylland: 'midtjylland',
  syddanmark: '1083',
  sjaelland: 'sjaelland',
  nordjylland: '1081',
};

const ID_PREFIX: Record<RegionId, string> = {
  hovedstaden: 'RH',
  midtjylland: 'RM',
  syddanmark: 'RSD',
  sjaelland: 'RSJ',
  nordjylland: 'RN',
};

/** Where capacity exceedances and rule breaches cluster (an area under pressure in the demo). */
const HOTSPOTS: [RegionId, string][] = [
  ['sjaelland', 'lungekraeft'],
  ['hovedstaden', 'prostatakraeft'],
  ['syddanmark', 'brystkraeft'],
];

/** mulberry32: small, fast and good enough to scatter rows; seeded, so reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  let r = rand() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of weighted) {
    r -= w;
    if (r < 0) return v;
  }
  return (weighted[weighted.length - 1] as [T, number])[0];
}

function shuffle<T>(rand: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Tag = 'within' | 'complied' | 'capU' | 'capB' | 'not';

export interface GenerateOptions {
  year: number;
  /** The year's rows this many times over, with distinct ids (the benchmark's larger files). */
  copies?: number;
}

/** The extract's lines (header first), each ending in CRLF as Danish Excel writes them. */
export function* generateExtract(options: GenerateOptions): Generator<string> {
  const { year } = options;
  const rand = prng(year * 7919 + 17);
  const cancers = referenceData().cancerTypes.map((c, i): [string, number] => [c.id, i < 6 ? 3 : 1]);
  const standardDays = new Map(
    referenceData().cancerTypes.map((c, i) => [c.id, 22 + ((i * 7) % 24)] as [string, number]),
  );
  let serial = 0;
  const id = (region: RegionId) => {
    serial++;
    // Opaque: a scrambled counter in base 36, never ten digits in a row.
    const scrambled = (Math.imul(serial, 2_654_435_761) >>> 0).toString(36).padStart(7, '0');
    return `${ID_PREFIX[region]}-${scrambled}${(serial % 36).toString(36)}`;
  };
  const line = (cells: Record<(typeof COLUMNS)[number], string>) =>
    `${COLUMNS.map((c) => cells[c]).join(';')}\r\n`;

  yield `${COLUMNS.join(';')}\r\n`;
  for (let copy = 0; copy < (options.copies ?? 1); copy++) {
    for (let q = 0; q < 4; q++) {
      const size = PUBLISHED_2024.pathways[q] as number;
      const capU = PUBLISHED_2024.capacityUdredning[q] as number;
      const capB = PUBLISHED_2024.capacityBehandling[q] as number;
      const not = PUBLISHED_2024.notComplied[q] as number;
      const complied = (PUBLISHED_2024.compliedExceeded[q] as number) - capU - capB;
      const tags: Tag[] = [
        ...Array<Tag>(complied).fill('complied'),
        ...Array<Tag>(capU).fill('capU'),
        ...Array<Tag>(capB).fill('capB'),
        ...Array<Tag>(not).fill('not'),
      ];
      tags.push(...Array<Tag>(size - tags.length).fill('within'));
      shuffle(rand, tags);
      const from = Date.UTC(year, q * 3, 1);
      const span = Math.round((Date.UTC(year, q * 3 + 3, 1) - from) / DAY);
      for (const tag of tags) {
        let region = pick(rand, REGION_WEIGHTS);
        let cancerType = pick(rand, cancers);
        if ((tag === 'capU' || tag === 'capB' || tag === 'not') && rand() < 0.5)
          [region, cancerType] = HOTSPOTS[Math.floor(rand() * HOTSPOTS.length)] as [RegionId, string];
        const kind: MaxWaitKind =
          tag === 'capU'
            ? 'udredning'
            : tag === 'capB'
              ? pick(rand, [
                  ['behandling', 6],
                  ['kun-behandling', 1],
                  ['efterbehandling', 2],
                ])
              : pick(rand, [
                  ['udredning', 46],
                  ['behandling', 38],
                  ['kun-behandling', 6],
                  ['efterbehandling', 10],
                ]);
        const max = MAX_DAYS[kind];
        const days =
          tag === 'within'
            ? Math.floor(max * (0.25 + 0.75 * Math.sqrt(rand())))
            : max + 1 + Math.floor(rand() * 25);
        const start = from + Math.floor(rand() * span) * DAY;
        let reason = '';
        let offered = '';
        if (tag === 'complied')
          reason =
            kind === 'udredning'
              ? rand() < 0.85
                ? 'patientens-oenske'
                : 'helbred'
              : rand() < 0.75
                ? 'helbred'
                : 'patientens-oenske';
        else if (tag === 'capU' || tag === 'capB') {
          reason = 'kapacitet';
          offered = 'ja';
        } else if (tag === 'not' && rand() < 0.3) {
          reason = 'kapacitet';
          offered = 'nej';
        } else if (tag === 'within' && rand() < 0.004) reason = 'patientens-oenske';
        yield line({
          forloeb_id: id(region),
          region: WRITTEN_AS[region],
          kraeftform: cancerType,
          forloebstype: kind,
          modtaget: isoDate(start - days * DAY),
          start: isoDate(start),
          aarsag: reason,
          henvisning_tilbudt: offered,
          standard_dage: '',
        });
      }
    }

    // Package pathways: each region's published share within the standard time, exactly.
    const yearStart = Date.UTC(year, 0, 1);
    const yearDays = Math.round((Date.UTC(year + 1, 0, 1) - yearStart) / DAY);
    for (const [region, [total, within]] of Object.entries(PUBLISHED_2024.packages) as [
      RegionId,
      [number, number],
    ][]) {
      const flags = shuffle(rand, [
        ...Array<boolean>(within).fill(true),
        ...Array<boolean>(total - within).fill(false),
      ]);
      for (const ok of flags) {
        const cancerType = pick(rand, cancers);
        const standard = standardDays.get(cancerType) as number;
        const days = ok ? 5 + Math.floor(rand() * (standard - 4)) : standard + 1 + Math.floor(rand() * 40);
        const start = yearStart + Math.floor(rand() * yearDays) * DAY;
        yield line({
          forloeb_id: id(region),
          region: WRITTEN_AS[region],
          kraeftform: cancerType,
          forloebstype: 'pakkeforloeb',
          modtaget: isoDate(start - days * DAY),
          start: isoDate(start),
          aarsag: '',
          henvisning_tilbudt: '',
          standard_dage: String(standard),
        });
      }
    }

    // Ongoing at the time of the extract: referred in the year's last three weeks, not started.
    for (let i = 0; i < PUBLISHED_2024.ongoing; i++) {
      const region = pick(rand, REGION_WEIGHTS);
      yield line({
        forloeb_id: id(region),
        region: WRITTEN_AS[region],
        kraeftform: pick(rand, cancers),
        forloebstype: pick(rand, [
          ['udredning', 5],
          ['behandling', 4],
          ['kun-behandling', 1],
        ]),
        modtaget: isoDate(Date.UTC(year, 11, 31) - Math.floor(rand() * 21) * DAY),
        start: '',
        aarsag: '',
        henvisning_tilbudt: '',
        standard_dage: '',
      });
    }
  }
}

/** The whole extract as text. */
export function extractText(options: GenerateOptions): string {
  return [...generateExtract(options)].join('');
}

/** The extract in chunks of about 64 KiB: far fewer stream events than one per line. */
export function* generateExtractChunks(options: GenerateOptions): Generator<string> {
  let chunk = '';
  for (const line of generateExtract(options)) {
    chunk += line;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
