// Copies files next to a Lambda bundle (NodejsFunction afterBundling hook). Plain Node, so the hook
// works in any shell: node lib/copy-assets.mjs <outputDir> <from>=<to> ...
// <from> is relative to the repository root, <to> relative to the bundle directory.
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [outputDir, ...pairs] = process.argv.slice(2);
if (!outputDir || pairs.length === 0) {
  console.error('usage: node lib/copy-assets.mjs <outputDir> <from>=<to> ...');
  process.exit(2);
}
for (const pair of pairs) {
  const [from, to] = pair.split('=');
  if (!from || !to) throw new Error(`expected <from>=<to>, got ${pair}`);
  cpSync(join(root, from), join(outputDir, to), { recursive: true });
}
