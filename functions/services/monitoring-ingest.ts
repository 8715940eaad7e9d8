/**
 * The ingest of a monitoring extract (issue 10): the S3 object's arrival → stream, validate and
 * classify row by row → replace the aggregates of each (region, quarter) in the file → delete the
 * object. Its own module (and Lambda entry) so the ingest bundle carries no presigner or pages.
 */

import { currentTime } from '#adapters/deps.ts';
import {
  claimProcessing,
  finishUpload,
  getUpload,
  type MonitoringUpload,
  replaceRegionQuarter,
  uploadIdOfKey,
} from '#adapters/monitoring-store.ts';
import { deleteObject, readObject } from '#adapters/object-store.ts';
import { addTally, emptyTally, type Tally } from '#domain/monitoring.ts';
import { localDate } from '#domain/time.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { recordAudit } from './audit.ts';
import { parseExtract } from './monitoring-parse.ts';

/** Larger files are refused before reading (a year for the whole country is about 20 MB). */
export const MAX_UPLOAD_BYTES = 300 * 1024 * 1024;

function tallyTotal(byCancer: Record<string, Tally>): number {
  const t = Object.values(byCancer).reduce((sum, x) => addTally(sum, x), emptyTally());
  return t.pathways + t.ongoing + t.packagePathways + t.packageOngoing;
}

/**
 * The ingest: streams the uploaded object, validates and classifies row by row, and — when every
 * row is valid — replaces the aggregates of each (region, quarter) in the file. The object is
 * deleted once processed, accepted or not. An unknown object is deleted unread; a repeated event
 * for a finished upload changes nothing. An unexpected failure (S3, DynamoDB) is thrown so the
 * event is retried; the object stays until then (the bucket expires it after a day anyway).
 */
export async function ingestObject(key: string): Promise<MonitoringUpload['status'] | 'ignored'> {
  const id = uploadIdOfKey(key);
  const upload = id ? await getUpload(id) : undefined;
  const now = currentTime();
  if (!upload || !(await claimProcessing(upload.id, now))) {
    if (!upload || upload.status === 'done' || upload.status === 'rejected') await deleteObject(key);
    return 'ignored';
  }
  const { body, size } = await readObject(key);
  let result: MonitoringUpload;
  if (size > MAX_UPLOAD_BYTES) {
    body.destroy();
    result = {
      ...upload,
      status: 'rejected',
      errors: [
        {
          line: 1,
          column: 'fil',
          message: `Filen er for stor (højst ${MAX_UPLOAD_BYTES / 1024 / 1024} MB).`,
        },
      ],
    };
  } else {
    const parsed = await parseExtract(body, {
      today: localDate(now),
      ...(upload.onlyRegion ? { onlyRegion: upload.onlyRegion } : {}),
    });
    const errors = [...parsed.errors];
    if (errors.length === 0 && parsed.tallies.rows === 0)
      errors.push({ line: 2, column: 'fil', message: 'Filen indeholder ingen forløb.' });
    result = {
      ...upload,
      status: errors.length > 0 ? 'rejected' : 'done',
      rows: parsed.tallies.rows,
      ongoing: parsed.tallies.ongoing,
      errors,
      moreErrors: parsed.moreErrors,
    };
    if (errors.length === 0) {
      const acceptedAt = currentTime().toISOString();
      // Each (region, quarter) on its own, side by side: its history, current figures and audit entry.
      const groups = [...parsed.tallies.groups.values()];
      await Promise.all(
        groups.map(async (group) => {
          await replaceRegionQuarter({
            ...group,
            uploadId: upload.id,
            fileName: upload.fileName,
            acceptedAt,
            acceptedBy: upload.createdBy,
          });
          await recordAudit(
            upload.createdBy,
            'monitoring',
            `${group.region}-${group.quarter}`,
            'replaced',
            phrase('trail.monitoring.replaced', {
              region: group.region,
              quarter: group.quarter,
              file: upload.fileName,
              count: tallyTotal(group.byCancer),
            }),
            { at: new Date(acceptedAt) },
          );
        }),
      );
      const replaced = groups.map((group) => `${group.quarter}#${group.region}`);
      result.replaced = replaced.sort();
    }
  }
  result.finishedAt = currentTime().toISOString();
  await finishUpload(result);
  await deleteObject(key);
  return result.status;
}
