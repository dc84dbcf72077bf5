/** Finding files by walking up the folder tree: the config file and the nearest tsconfig. */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_FILE_NAMES = ['codegen.config.yaml', 'codegen.config.yml', 'codegen.config.json'] as const;

/**
 * The config file in `cwd` or its parents, stopping at the folder holding the nearest
 * `package.json` (inclusive), so a config outside the package is never picked up.
 */
export function findConfigFile(cwd: string): string | undefined {
  for (const dir of ancestors(path.resolve(cwd))) {
    const found = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).find((file) => existsSync(file));
    if (found) return found;
    if (existsSync(path.join(dir, 'package.json'))) return undefined;
  }
  return undefined;
}

/** The nearest file called `name` in `dir` or its parents, up to the file-system root. */
export function findUp(name: string, dir: string): string | undefined {
  for (const candidate of ancestors(path.resolve(dir))) {
    const file = path.join(candidate, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

function* ancestors(dir: string): Generator<string> {
  let current = dir;
  while (true) {
    yield current;
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
