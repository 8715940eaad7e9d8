/** Absolute paths into the repository, independent of the working directory. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the directory holding package.json). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** An absolute path from a path relative to the repository root. */
export function fromRoot(relative: string): string {
  return join(ROOT, relative);
}
