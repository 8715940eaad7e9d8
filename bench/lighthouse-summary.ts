/**
 * The figures `npm run lighthouse` prints, taken from Lighthouse results (LHR JSON), checked
 * against the page budget of issue 14, and laid out as a Markdown table (pasted into the README).
 * Pure: no browser, no server, so it is tested on its own (test/unit/lighthouse-summary.test.ts).
 */

/** The parts of a Lighthouse result (LHR) this summary reads. */
export interface LighthouseResult {
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<
    string,
    | {
        id?: string;
        title?: string;
        score: number | null;
        scoreDisplayMode?: string;
        numericValue?: number;
        displayValue?: string;
      }
    | undefined
  >;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
}

/** One page's figures: scores 0–100, LCP in ms, bytes transferred on a cold and a warm cache. */
export interface PageFigures {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  cls: number;
  firstViewBytes: number;
  repeatViewBytes: number;
}

/** The budget every page must meet (issue 14), on Lighthouse's mobile defaults. */
export const TARGETS = {
  performance: 95,
  accessibility: 100,
  bestPractices: 100,
  lcpMs: 1500,
  cls: 0.02,
  firstViewBytes: 150 * 1024,
  repeatViewBytes: 20 * 1024,
} as const;

function score(lhr: LighthouseResult, category: string): number {
  const value = lhr.categories[category]?.score;
  if (typeof value !== 'number') throw new Error(`Lighthouse gave no ${category} score.`);
  return Math.round(value * 100);
}

function numeric(lhr: LighthouseResult, audit: string): number {
  const value = lhr.audits[audit]?.numericValue;
  if (typeof value !== 'number') throw new Error(`Lighthouse gave no value for ${audit}.`);
  return value;
}

/** A page's figures from its first view (cold cache) and its repeat view (warm cache). */
export function pageFigures(
  page: string,
  firstView: LighthouseResult,
  repeatView: LighthouseResult,
): PageFigures {
  for (const lhr of [firstView, repeatView])
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${page}: ${lhr.runtimeError.message}`);
  return {
    page,
    performance: score(firstView, 'performance'),
    accessibility: score(firstView, 'accessibility'),
    bestPractices: score(firstView, 'best-practices'),
    lcpMs: numeric(firstView, 'largest-contentful-paint'),
    cls: numeric(firstView, 'cumulative-layout-shift'),
    firstViewBytes: numeric(firstView, 'total-byte-weight'),
    repeatViewBytes: numeric(repeatView, 'total-byte-weight'),
  };
}

/** The figures of a page that miss their target, by name. */
export function missedTargets(f: PageFigures): (keyof typeof TARGETS)[] {
  const missed: (keyof typeof TARGETS)[] = [];
  if (f.performance < TARGETS.performance) missed.push('performance');
  if (f.accessibility < TARGETS.accessibility) missed.push('accessibility');
  if (f.bestPractices < TARGETS.bestPractices) missed.push('bestPractices');
  // Compared as printed (LCP to 0.1 s, CLS to 0.001), so a row never reads "1.5 s ✗".
  if (Math.round(f.lcpMs / 100) > TARGETS.lcpMs / 100) missed.push('lcpMs');
  if (Math.round(f.cls * 1000) > TARGETS.cls * 1000) missed.push('cls');
  if (f.firstViewBytes > TARGETS.firstViewBytes) missed.push('firstViewBytes');
  if (f.repeatViewBytes > TARGETS.repeatViewBytes) missed.push('repeatViewBytes');
  return missed;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The Markdown table: one row per page, a ✗ after each figure that misses its target. */
export function formatTable(rows: PageFigures[]): string {
  const lines = [
    '| page | performance | accessibility | best practices | LCP | CLS | first view | repeat view |',
    '| --- | --: | --: | --: | --: | --: | --: | --: |',
  ];
  for (const f of rows) {
    const missed = new Set(missedTargets(f));
    const cell = (key: keyof typeof TARGETS, text: string) => (missed.has(key) ? `${text} ✗` : text);
    lines.push(
      `| \`${f.page}\` | ${[
        cell('performance', String(f.performance)),
        cell('accessibility', String(f.accessibility)),
        cell('bestPractices', String(f.bestPractices)),
        cell('lcpMs', `${(f.lcpMs / 1000).toFixed(1)} s`),
        cell('cls', f.cls.toFixed(3)),
        cell('firstViewBytes', kib(f.firstViewBytes)),
        cell('repeatViewBytes', kib(f.repeatViewBytes)),
      ].join(' | ')} |`,
    );
  }
  lines.push(
    `| target | ≥ ${TARGETS.performance} | ${TARGETS.accessibility} | ${TARGETS.bestPractices} | ≤ ${TARGETS.lcpMs / 1000} s | ≤ ${TARGETS.cls} | ≤ ${TARGETS.firstViewBytes / 1024} KiB | ≤ ${TARGETS.repeatViewBytes / 1024} KiB |`,
  );
  return lines.join('\n');
}

/**
 * What keeps a page from a perfect result: every scored audit below 0.9 (a failed pass/fail
 * audit scores 0), with Lighthouse's own figure.
 */
export function findings(lhr: LighthouseResult): string[] {
  const out: string[] = [];
  for (const [id, audit] of Object.entries(lhr.audits)) {
    if (!audit || audit.score === null) continue;
    if (audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'notApplicable') continue;
    if (audit.scoreDisplayMode === 'manual' || audit.score >= 0.9) continue;
    out.push(`${id}: ${audit.title ?? ''}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
  }
  return out.sort();
}
