/**
 * `npm start`: the whole system locally. Settings:
 *   PORT (default 3000; 0 picks a free port, printed), LOCAL_TIME_SCALE (divides every ladder wait; default 1),
 *   DATA_DIR (default .data; `npm run reset` or deleting it starts clean; DATA_DIR=memory keeps nothing).
 */
import { startLocal } from './runtime.ts';

const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.DATA_DIR === 'memory' ? undefined : (process.env.DATA_DIR ?? '.data');
const timeScale = Number(process.env.LOCAL_TIME_SCALE ?? 1);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}
if (!Number.isFinite(timeScale) || timeScale < 1) {
  console.error(`LOCAL_TIME_SCALE must be a number of at least 1, got "${process.env.LOCAL_TIME_SCALE}"`);
  process.exit(1);
}

const runtime = await startLocal({ port, dataDir, timeScale, monitoringDemo: true, quarterDemo: true });
console.log(`Kræftkapacitet kører på ${runtime.url}`);
console.log(`  Formular:     ${runtime.url}/indberet`);
console.log(`  Demo-brugere: ${runtime.url}/local/demo-users`);
console.log(`  Udbakke:      ${runtime.url}/local/outbox`);
console.log(`  Overvågning:  ${runtime.url}/overvaagning`);
console.log(
  `  Data:         ${dataDir ?? 'kun i hukommelsen'}${timeScale > 1 ? ` · LOCAL_TIME_SCALE=${timeScale}` : ''}`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await runtime.close();
    process.exit(0);
  });
}
