import { dirname, sep } from 'node:path';
import type { FileSystem } from './file-system.js';

/** Removes `folder` and its parents while they are empty, up to (never including) the output folder. */
export async function removeEmptyParents(fs: FileSystem, folder: string, outputDir: string): Promise<void> {
  let current = folder;
  while (current.startsWith(`${outputDir}${sep}`)) {
    if (!(await fs.removeEmptyDirectory(current))) return;
    current = dirname(current);
  }
}
