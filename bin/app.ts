#!/usr/bin/env node
/**
 * CDK entry point (cdk.json: `npx tsx bin/app.ts`). Configuration comes from context:
 *   npx cdk deploy -c stage=test -c senderEmail=kraeftkapacitet@regionh.dk -c opsEmail=drift@regionh.dk
 * See docs/deploy.md for every value.
 */
import { buildApp } from '../lib/app.ts';
import { ConfigError } from '../lib/config.ts';

try {
  buildApp().app.synth();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
