/** Where a built-in generator's templates live: `templates/<generator>` at the package root. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above `from` holding a `package.json` (works from `src/` and `dist/`). */
function packageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

/** The absolute folder of a built-in generator's templates. */
export function builtinTemplatesDir(generatorName: string): string {
  return join(PACKAGE_ROOT, 'templates', generatorName);
}
