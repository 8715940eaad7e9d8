/**
 * Builds the static assets once, named by content hash, into `.build/static/`:
 *
 * - `app.<hash>.css`: the Det Fælles Designsystem rules whose classes the views can emit (every
 *   class-like word in functions/**\/*.ts and local/**\/*.ts, so a class another page adds later
 *   is kept without a hand list) plus the app's own styles, minified;
 * - the IBM Plex Sans faces as Latin-1 WOFF2 subsets (Danish needs nothing more; other glyphs
 *   fall back per character) with `font-display: optional`, so text never re-lays out when a
 *   font arrives late (no layout shift), and the icons the kept rules reference;
 * - `felter.<hash>.js`, the script behind the fields' character counters, minified;
 * - `favicon.<hash>.svg` and `favicon.ico` (the one unhashed name: browsers ask for it by path);
 * - a Brotli and a gzip copy of every compressible file (the local server serves them as
 *   CloudFront does), and `.build/asset-manifest.json` mapping source names to hashed names.
 *
 * Idempotent and cached: nothing is rewritten when the inputs have not changed. `npm start`, the
 * tests (vitest global setup) and `cdk synth` call {@link ensureStaticAssets}; `npm run build:assets`
 * runs it by hand.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import postcss, { type AtRule, type Root, type Rule } from 'postcss';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DKFDS = join(ROOT, 'node_modules/dkfds/dist');
const SOURCES = join(ROOT, 'functions/web/static');
/** Where the views live whose class names decide which DKFDS rules are kept. */
const VIEW_DIRS = ['functions', 'local'].map((d) => join(ROOT, d));

export const BUILD_DIR = join(ROOT, '.build/static');
export const MANIFEST_PATH = join(ROOT, '.build/asset-manifest.json');

/** What the pages need to know: hashed file names by source name, and the fonts to preload. */
export interface AssetManifest {
  /** Hash of every input; a build with the same inputs is skipped. */
  inputHash: string;
  /** Source name → file name in BUILD_DIR, e.g. `app.css` → `app.3f9a1c2b.css`. */
  files: Record<string, string>;
  /** File names of the font faces the pages use on first paint (preloaded by the layout). */
  preload: string[];
}

/**
 * Faces every page uses on first paint: body text (400), the header's name and DKFDS labels and
 * headings (600), and DKFDS's h1 (700). One not preloaded is found only once the stylesheet has
 * arrived, a round trip later, and with `font-display: optional` may miss the first paint.
 */
const PRELOADED_FACES = ['IBMPlexSans-Regular', 'IBMPlexSans-SemiBold', 'IBMPlexSans-Bold'];
const COMPRESSIBLE = new Set(['.css', '.js', '.svg', '.ico', '.json', '.txt']);

function sha(content: Buffer | string, length = 10): string {
  return createHash('sha256').update(content).digest('hex').slice(0, length);
}

function hashedName(name: string, content: Buffer | string): string {
  const ext = extname(name);
  return `${basename(name, ext)}.${sha(content)}${ext}`;
}

function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Every word that could be a class name in the views. A word ending in `-` is a prefix of a class
 * built at run time (`alert-${kind}` → every `alert-…` class is kept).
 */
export function usedClassTokens(dirs: string[] = VIEW_DIRS): { words: Set<string>; prefixes: string[] } {
  const words = new Set<string>();
  for (const dir of dirs)
    for (const file of listFiles(dir, '.ts'))
      for (const word of readFileSync(file, 'utf8').match(/[A-Za-z_][\w-]*/g) ?? []) words.add(word);
  const prefixes = [...words].filter((w) => w.endsWith('-') && w.length >= 3);
  return { words, prefixes };
}

/** The class names a selector requires, ignoring those inside :not(…) (they need not be present). */
function requiredClasses(selector: string): string[] {
  const withoutNot = selector.replace(/:not\([^)]*\)/g, '');
  return [...withoutNot.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1] as string);
}

/**
 * Keeps a selector when every class it requires can occur in a page. Selectors with escapes or
 * `:is()`/`:where()`/`:has()` are kept as they are (cheap to keep, easy to get wrong).
 */
export function selectorIsUsed(selector: string, used: { words: Set<string>; prefixes: string[] }): boolean {
  if (/\\|:(is|where|has|matches)\(/.test(selector)) return true;
  return requiredClasses(selector).every(
    (c) => used.words.has(c) || used.prefixes.some((p) => c.startsWith(p)),
  );
}

/** Removes rules no page can match, and at-rules left empty. */
export function purge(root: Root, used: { words: Set<string>; prefixes: string[] }): void {
  root.walkRules((rule: Rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as AtRule).name)) return;
    const kept = rule.selectors.filter((s) => selectorIsUsed(s, used));
    if (kept.length === 0) rule.remove();
    else if (kept.length !== rule.selectors.length) rule.selectors = kept;
  });
  let removed = true;
  while (removed) {
    removed = false;
    root.walkAtRules((at) => {
      if (['media', 'supports'].includes(at.name) && (at.nodes?.length ?? 0) === 0) {
        at.remove();
        removed = true;
      }
    });
  }
}

interface Output {
  files: Map<string, Buffer>;
  names: Record<string, string>;
}

function addFile(out: Output, sourceName: string, content: Buffer, fixedName?: string): string {
  const name = fixedName ?? hashedName(sourceName, content);
  out.files.set(name, content);
  out.names[sourceName] = name;
  return name;
}

/** Points the IBM Plex Sans faces at hashed Latin-1 WOFF2 subsets, with `font-display: optional`. */
function rewriteFontFaces(root: Root, out: Output): void {
  root.walkAtRules('font-face', (face) => {
    let src = '';
    face.walkDecls('src', (d) => {
      src = d.value;
    });
    const match = /IBMPlexSans\/complete\/woff2\/(IBMPlexSans-[A-Za-z]+)\.woff2/.exec(src);
    if (!match) return; // the `system` face uses local() fonts only
    const face_ = match[1] as string;
    const file = join(DKFDS, `fonts/IBMPlexSans/split/woff2/${face_}-Latin1.woff2`);
    const name = addFile(out, `${face_}.woff2`, readFileSync(file));
    face.walkDecls((d) => {
      if (d.prop === 'src') d.value = `url(${name}) format("woff2")`;
      if (d.prop === 'font-display') d.value = 'optional';
    });
  });
}

/** Copies every image a kept rule references next to the stylesheet, hashed, and rewrites the url(). */
function rewriteImageUrls(root: Root, out: Output): void {
  root.walkDecls((decl) => {
    if (!decl.value.includes('url(')) return;
    decl.value = decl.value.replace(/url\((['"]?)(\.\.\/img\/[^'")]+)\1\)/g, (_all, _q, path: string) => {
      const content = readFileSync(join(DKFDS, 'css', path));
      return `url(${addFile(out, basename(path), content)})`;
    });
  });
}

function buildStylesheet(out: Output, used: { words: Set<string>; prefixes: string[] }): void {
  const root = postcss.parse(readFileSync(join(DKFDS, 'css/dkfds.min.css'), 'utf8'));
  root.walkComments((c) => {
    c.remove();
  });
  purge(root, used);
  rewriteFontFaces(root, out);
  rewriteImageUrls(root, out);
  const css = `${root.toString()}\n${readFileSync(join(SOURCES, 'app.css'), 'utf8')}`;
  const minified = transformSync(css, { loader: 'css', minify: true, legalComments: 'none' }).code;
  addFile(out, 'app.css', Buffer.from(minified));
}

/** A browser script of functions/web/static, minified (its comments go; it stays one IIFE). */
function addScript(out: Output, sourceName: string): void {
  const source = readFileSync(join(SOURCES, sourceName), 'utf8');
  const minified = transformSync(source, { loader: 'js', minify: true, legalComments: 'none' }).code;
  addFile(out, sourceName, Buffer.from(minified));
}

function inputHash(used: { words: Set<string> }): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(readFileSync(join(DKFDS, 'css/dkfds.min.css')));
  for (const file of listFiles(SOURCES, '')) hash.update(relative(ROOT, file)).update(readFileSync(file));
  hash.update([...used.words].sort().join(' '));
  return hash.digest('hex');
}

function readManifest(): AssetManifest | undefined {
  try {
    return JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as AssetManifest;
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename, so a concurrent reader never sees half a file. */
function writeAtomically(path: string, content: Buffer | string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/** Builds `.build/static` unless the inputs are unchanged since the last build. Synchronous. */
export function ensureStaticAssets(options: { log?: (line: string) => void } = {}): AssetManifest {
  const used = usedClassTokens();
  const hash = inputHash(used);
  const existing = readManifest();
  if (existing?.inputHash === hash) return existing;

  const out: Output = { files: new Map(), names: {} };
  buildStylesheet(out, used);
  addScript(out, 'felter.js');
  addFile(out, 'favicon.svg', readFileSync(join(SOURCES, 'favicon.svg')));
  addFile(out, 'favicon.ico', readFileSync(join(SOURCES, 'favicon.ico')), 'favicon.ico');

  mkdirSync(BUILD_DIR, { recursive: true });
  for (const [name, content] of out.files) {
    writeAtomically(join(BUILD_DIR, name), content);
    if (!COMPRESSIBLE.has(extname(name))) continue;
    writeAtomically(
      join(BUILD_DIR, `${name}.br`),
      brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeAtomically(join(BUILD_DIR, `${name}.gz`), gzipSync(content, { level: 9 }));
  }
  const manifest: AssetManifest = {
    inputHash: hash,
    files: out.names,
    preload: PRELOADED_FACES.map((face) => out.names[`${face}.woff2`]).filter((n): n is string => !!n),
  };
  writeAtomically(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);

  // Files of earlier builds go; hashed names of this build (and their encodings) stay.
  const keep = new Set([...out.files.keys()].flatMap((n) => [n, `${n}.br`, `${n}.gz`]));
  for (const name of readdirSync(BUILD_DIR))
    if (!keep.has(name) && !name.endsWith('.tmp')) rmSync(join(BUILD_DIR, name), { force: true });

  const css = out.files.get(out.names['app.css'] ?? '');
  options.log?.(
    `Static assets built in ${relative(process.cwd(), BUILD_DIR) || '.'}: ${out.files.size} files, stylesheet ${((css?.length ?? 0) / 1024).toFixed(1)} KiB (Brotli ${(brotliCompressSync(css ?? Buffer.alloc(0)).length / 1024).toFixed(1)} KiB)`,
  );
  return manifest;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureStaticAssets({ log: console.log });
}
