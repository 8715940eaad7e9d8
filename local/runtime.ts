/**
 * The whole system on one machine: embedded DynamoDB, the ASL interpreter, the outbox, a local
 * scheduler and the HTTP server — all wired to the same handler code as in AWS.
 */

import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { config, resetConfig } from '../functions/adapters/config.ts';
import { setDeps } from '../functions/adapters/deps.ts';
import { resetDocumentClient } from '../functions/adapters/dynamo.ts';
import { resetObjectStore } from '../functions/adapters/object-store.ts';
import { setReadiness } from '../functions/adapters/readiness.ts';
import { rebuildWeekSummaries, weekSummariesBackfilled } from '../functions/adapters/weekly-store.ts';
import { referenceData } from '../functions/domain/reference.ts';
import { checkBundledReferenceData } from '../functions/domain/schemas/reference.ts';
import { registerRoutes } from '../functions/http/api.ts';
import { reconcileLadders } from '../functions/services/recovery.ts';
import { ensureStaticAssets } from '../scripts/build-assets.ts';
import { ensureTable, startDynalite } from './dynamo.ts';
import { Foreground } from './foreground.ts';
import { scheduleJobs } from './jobs.ts';
import { seedMonitoringDemo } from './monitoring-seed.ts';
import { demoUsersPage, jobsPage, outboxPage, runJob } from './pages.ts';
import { seedLastQuarterDemo } from './quarter-seed.ts';
import { type LocalS3, type S3EventTarget, startS3 } from './s3.ts';
import { seedDemoData } from './seed.ts';
import { createLocalServer, type S3Passthrough } from './server.ts';
import { staticRoutes } from './static-files.ts';
import { type LocalWorkflow, localWorkflowEngine } from './workflow.ts';

export interface LocalOptions {
  port?: number;
  /** Folder for the persisted DynamoDB; `undefined` keeps everything in memory. */
  dataDir?: string;
  timeScale?: number;
  /** Run the local scheduler (the job registry's schedules). */
  scheduler?: boolean;
  env?: Record<string, string>;
  /** Seed a generated year of monitoring figures (npm start; tests upload their own files). */
  monitoringDemo?: boolean;
  /** Seed the last quarter's history and prepare its quarterly status (npm start). */
  quarterDemo?: boolean;
  /** Where an uploaded extract's S3 event goes; the ingest handler in this process by default. */
  ingest?: S3EventTarget;
}

export interface LocalRuntime {
  url: string;
  dynamoEndpoint: string;
  workflow: LocalWorkflow;
  s3: LocalS3;
  close(): Promise<void>;
}

async function reconcileLogged(): Promise<void> {
  try {
    await reconcileLadders();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  }
}

export async function startLocal(options: LocalOptions = {}): Promise<LocalRuntime> {
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  setReadiness({ ready: false, reason: 'Databasen startes.' });
  const dynamo = await startDynalite(dataDir);
  // The content-hashed CSS, fonts and icons the pages link to (rebuilt only when an input changed).
  ensureStaticAssets({ log: console.log });

  registerRoutes([
    ...staticRoutes,
    { method: 'GET', path: '/local/outbox', handler: outboxPage },
    { method: 'GET', path: '/local/demo-users', handler: demoUsersPage },
    { method: 'GET', path: '/local/jobs', handler: jobsPage },
    { method: 'POST', path: '/local/jobs/:id', handler: runJob },
  ]);
  const s3Passthrough: S3Passthrough = { bucket: '' };
  const foreground = new Foreground();
  const server = createLocalServer(s3Passthrough, foreground);
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;

  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    BASE_URL: url,
    MAILER: 'outbox',
    LOCAL_TIME_SCALE: String(options.timeScale ?? 1),
    // A local ladder step has 30 s (lambda-context.ts); a sender killed mid-send is taken over after that.
    SEND_LEASE_SECONDS: process.env.SEND_LEASE_SECONDS ?? '30',
    ...options.env,
  });
  resetConfig();
  resetDocumentClient();
  await ensureTable(dynamo.endpoint, config().TABLE_NAME);
  const s3 = await startS3(config().MONITORING_BUCKET, dataDir, options.ingest);
  // Presigned URLs point at the app's own origin; the front door passes them to the engine.
  Object.assign(s3Passthrough, { bucket: config().MONITORING_BUCKET, target: s3.endpoint });
  process.env.S3_ENDPOINT = url;
  resetConfig();
  resetObjectStore();
  setReadiness({ ready: false, reason: 'Demodata indlæses.' });

  // The shipped reference files against their schemas: a broken file fails here, loudly.
  checkBundledReferenceData();
  const workflow = localWorkflowEngine({ foreground });
  setDeps({ workflow });
  await seedDemoData();
  // Reports stored before week summaries existed get theirs once (the national overview reads them).
  if (!(await weekSummariesBackfilled()))
    await rebuildWeekSummaries(referenceData().cancerTypes.map((c) => c.id));
  if (options.monitoringDemo) await seedMonitoringDemo();
  // After the monitoring figures: the prepared status includes them.
  if (options.quarterDemo) await seedLastQuarterDemo();
  setReadiness({ ready: true });

  // Executions live in memory: after a restart, the reconcile job (as in AWS) finds every open
  // problem whose execution is not running and restarts it where it was.
  await reconcileLogged();

  const jobs = options.scheduler === false ? [] : scheduleJobs();

  return {
    url,
    dynamoEndpoint: dynamo.endpoint,
    workflow,
    s3,
    async close() {
      for (const job of jobs) job.stop();
      // Steps under way end before the store closes (each within its 30 s budget).
      await workflow.stopAll();
      // close() waits for every open connection; closing them at once keeps a client's
      // keep-alive connection (or a request still in flight) from holding the shutdown.
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
      await s3.close();
      resetObjectStore();
      resetDocumentClient();
      await dynamo.close();
    },
  };
}
