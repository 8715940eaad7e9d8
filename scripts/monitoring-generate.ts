/**
 * Writes a realistic pathway extract for the monitoring of maximum waiting times:
 *
 *   npm run monitoring:generate -- --year 2024 --out forloeb-2024.csv [--copies 4]
 *
 * Shaped like the published 2024 figures (functions/domain/monitoring-generator.ts); the same
 * year gives the same file. `--copies N` repeats the year N times with distinct ids (benchmark).
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { generateExtractChunks } from '../functions/domain/monitoring-generator.ts';

const { values } = parseArgs({
  options: {
    year: { type: 'string', default: String(new Date().getFullYear() - 1) },
    out: { type: 'string' },
    copies: { type: 'string', default: '1' },
  },
});
const year = Number(values.year);
const copies = Number(values.copies);
if (!Number.isInteger(year) || year < 2000 || year > 2100 || !values.out || !(copies >= 1 && copies <= 20)) {
  console.error('Brug: npm run monitoring:generate -- --year 2024 --out FIL.csv [--copies 1–20]');
  process.exit(1);
}
await pipeline(Readable.from(generateExtractChunks({ year, copies })), createWriteStream(values.out));
console.log(`Skrev ${values.out} (forløb for ${year}${copies > 1 ? `, ${copies} gange` : ''}).`);
