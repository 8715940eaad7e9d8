/**
 * Monitoring uploads (issue 10): register an extract and hand out a presigned PUT URL, and read
 * an upload's status. Apart from the figures (monitoring.ts), so the quarterly status, which
 * reads figures only, loads neither the upload schema nor the object store.
 */
import { createHash, randomUUID } from 'node:crypto';
import { currentTime } from '#adapters/deps.ts';
import { createUpload, getUpload, type MonitoringUpload, objectKey } from '#adapters/monitoring-store.ts';
import type { RegionId } from '#domain/reference.ts';
import type { UploadRequest } from '#domain/schemas/monitoring.ts';
import { phrase } from '#web/i18n/phrase.ts';
import { type Actor, asPerson, ForbiddenError, NotFoundError, PhrasedError } from './actors.ts';

/** How long a presigned upload URL works. */
export const UPLOAD_URL_SECONDS = 15 * 60;

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
  // The S3 client and presigner come with the first upload, not with the monitoring pages.
  const { presignUpload } = await import('#adapters/object-store.ts');
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
