/**
 * Monitoring of maximum waiting times and package pathway times (issue 10): uploads by presigned
 * URL, the ingest that turns an extract into aggregates (and deletes it), and the figures.
 * The same code runs in AWS (S3 event → ingest Lambda) and locally (embedded S3's event).
 */
import { createHash, randomUUID } from 'node:crypto';
import * as z from 'zod';
import { config } from '#adapters/config.ts';
import { currentTime } from '#adapters/deps.ts';
import {
  createUpload,
  getUpload,
  listRegionQuarterHistory,
  listRegionQuarters,
  type MonitoringUpload,
  objectKey,
  type StoredRegionQuarter,
} from '#adapters/monitoring-store.ts';
import { presignUpload } from '#adapters/object-store.ts';
import { CPR_MESSAGE_DA, containsCprNumber } from '#domain/cpr.ts';
import {
  DEFAULT_PRESSURE_THRESHOLDS,
  type MonitoringStatusFigures,
  monitoringStatusFigures,
  type PressureThresholds,
  packageTimes,
  waitingTimes,
} from '#domain/monitoring-figures.ts';
import type { RegionId } from '#domain/reference.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { type Actor, asPerson, ForbiddenError, NotFoundError, PhrasedError } from './actors.ts';

/** How long a presigned upload URL works. */
export const UPLOAD_URL_SECONDS = 15 * 60;

export const uploadRequestSchema = z.object({
  fileName: z
    .string({ error: 'Angiv filens navn.' })
    .trim()
    .min(1, 'Angiv filens navn.')
    .max(200, 'Filnavnet må højst være 200 tegn.')
    .refine((t) => !containsCprNumber(t), CPR_MESSAGE_DA),
  contentType: z.enum(['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'], {
    error: 'Filen skal være en CSV-fil (contentType text/csv).',
  }),
});
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

/** Secretariat and administrators upload for every region; a region's users for their region only. */
export function uploadScope(actor: Actor): { onlyRegion?: RegionId } {
  if (actor.role === 'secretariat' || actor.role === 'admin') return {};
  if (actor.region) return { onlyRegion: actor.region as RegionId };
  throw new ForbiddenError(phrase('error.monitoring.uploadForbidden'));
}

/** A repeated Idempotency-Key with other contents. */
export class IdempotencyConflictError extends PhrasedError {}

export interface UploadTicket {
  id: string;
  uploadUrl: string;
  method: 'PUT';
  headers: { 'content-type': string };
  expiresAt: string;
}

/** Registers an upload and hands out a presigned PUT URL; the same Idempotency-Key gives the same upload. */
export async function requestUpload(
  actor: Actor,
  request: UploadRequest,
  idempotencyKey?: string,
): Promise<{ ticket: UploadTicket; created: boolean }> {
  const scope = uploadScope(actor);
  const now = currentTime();
  const id = idempotencyKey
    ? createHash('sha256')
        .update(`${actor.email.toLowerCase()}\n${idempotencyKey}`)
        .digest('hex')
        .slice(0, 32)
    : randomUUID();
  const upload: MonitoringUpload = {
    id,
    status: 'pending',
    fileName: request.fileName,
    contentType: request.contentType,
    createdAt: now.toISOString(),
    createdBy: asPerson(actor),
    ...scope,
    rows: 0,
    ongoing: 0,
    errors: [],
  };
  const created = await createUpload(upload);
  if (!created) {
    const existing = await getUpload(id);
    if (existing && (existing.fileName !== request.fileName || existing.contentType !== request.contentType))
      throw new IdempotencyConflictError(phrase('error.monitoring.keyReused'));
  }
  const uploadUrl = await presignUpload(objectKey(id), request.contentType, UPLOAD_URL_SECONDS);
  return {
    ticket: {
      id,
      uploadUrl,
      method: 'PUT',
      headers: { 'content-type': request.contentType },
      expiresAt: new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
    },
    created,
  };
}

export interface UploadView {
  id: string;
  status: MonitoringUpload['status'];
  fileName: string;
  rows: number;
  ongoing: number;
  errors: MonitoringUpload['errors'];
  moreErrors: boolean;
  replaced: string[];
}

/** An upload's status, for the uploader, the secretariat and administrators. */
export async function uploadStatus(actor: Actor, id: string): Promise<UploadView> {
  const upload = await getUpload(id);
  const mayRead =
    upload &&
    (upload.createdBy.email.toLowerCase() === actor.email.toLowerCase() ||
      actor.role === 'secretariat' ||
      actor.role === 'admin');
  if (!upload || !mayRead) throw new NotFoundError(phrase('error.monitoring.uploadNotFound'));
  return {
    id: upload.id,
    status: upload.status,
    fileName: upload.fileName,
    rows: upload.rows,
    ongoing: upload.ongoing,
    errors: upload.errors,
    moreErrors: upload.moreErrors ?? false,
    replaced: upload.replaced ?? [],
  };
}

// ---------------------------------------------------------------- figures

export async function monitoringFigures(year: number, cancerType?: string) {
  const stored = await listRegionQuarters(year);
  return {
    waiting: waitingTimes(stored, year, cancerType),
    packages: packageTimes(stored, year, cancerType),
    stored,
  };
}

export function pressureThresholds(): PressureThresholds {
  const [capacity, notComplied] = config().MONITORING_PRESSURE.split(',').map(Number) as [number, number];
  return { ...DEFAULT_PRESSURE_THRESHOLDS, capacity, notComplied };
}

/** The monitoring's figures for the quarterly status; undefined when no region has reported the quarter. */
export async function quarterMonitoringFigures(
  quarter: string,
): Promise<MonitoringStatusFigures | undefined> {
  return monitoringStatusFigures(
    await listRegionQuarters(Number(quarter.slice(0, 4))),
    quarter,
    pressureThresholds(),
  );
}

export function regionQuarterHistory(region: string, quarter: string): Promise<StoredRegionQuarter[]> {
  return listRegionQuarterHistory(region, quarter);
}
