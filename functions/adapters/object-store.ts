/**
 * The monitoring bucket: presigned PUT URLs for uploads, streamed reads and deletes for the
 * ingest. S3 in AWS; locally the embedded S3 engine at `S3_ENDPOINT` (path-style, fixed keys).
 */
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config } from './config.ts';

let client: S3Client | undefined;

function s3(): S3Client {
  if (client) return client;
  const { S3_ENDPOINT, AWS_REGION } = config();
  client = new S3Client({
    region: AWS_REGION,
    // A presigned PUT must not carry a checksum of an empty body: the browser sends the file.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    ...(S3_ENDPOINT
      ? {
          endpoint: S3_ENDPOINT,
          forcePathStyle: true,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        }
      : {}),
  });
  return client;
}

export function resetObjectStore(): void {
  client?.destroy();
  client = undefined;
}

/** A URL that lets its holder PUT one object with this content type until it expires. */
export async function presignUpload(
  key: string,
  contentType: string,
  expiresInSeconds: number,
): Promise<string> {
  return getSignedUrl(
    s3(),
    new PutObjectCommand({ Bucket: config().MONITORING_BUCKET, Key: key, ContentType: contentType }),
    { expiresIn: expiresInSeconds },
  );
}

/** The object as a stream (never buffered whole), with its size. */
export async function readObject(key: string): Promise<{ body: Readable; size: number }> {
  const out = await s3().send(new GetObjectCommand({ Bucket: config().MONITORING_BUCKET, Key: key }));
  return { body: out.Body as Readable, size: out.ContentLength ?? 0 };
}

export async function deleteObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: config().MONITORING_BUCKET, Key: key }));
}
