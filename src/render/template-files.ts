/** Where templates come from: the user's templates folder first, then the built-in ones. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface TemplateFile {
  /** Absolute path. */
  path: string;
  source: string;
}

/** The first existing `dir/name` among `dirs`, read. */
export function findTemplate(dirs: readonly string[], name: string): TemplateFile | undefined {
  for (const dir of dirs) {
    const path = join(dir, name);
    if (existsSync(path)) return { path, source: readFileSync(path, 'utf8') };
  }
  return undefined;
}

/**
 * Partials by name (file name without `.hbs`) from `dirs`, later folders overriding earlier
 * ones, so a user's partial of the same name replaces the built-in one.
 */
export function collectPartials(dirs: readonly string[]): Map<string, TemplateFile> {
  const partials = new Map<string, TemplateFile>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir).sort()) {
      if (!entry.endsWith('.hbs')) continue;
      const path = join(dir, entry);
      partials.set(basename(entry, '.hbs'), { path, source: readFileSync(path, 'utf8') });
    }
  }
  return partials;
}
