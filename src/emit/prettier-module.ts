/** Finding Prettier: the project's own when it has one, so `prettier --check` agrees with us. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocModule } from './layout/context.js';

/** The part of Prettier's API codegen uses (Prettier 3; Prettier 2's sync API also fits). */
export interface PrettierApi {
  version: string;
  format(source: string, options: Record<string, unknown>): Promise<string> | string;
  resolveConfig(file: string, options?: { editorconfig?: boolean }): Promise<Record<string, unknown> | null>;
  getFileInfo(
    file: string,
    options?: { ignorePath?: string | string[] },
  ): Promise<{ ignored: boolean; inferredParser: string | null }>;
  clearConfigCache?(): Promise<void> | void;
  /** Prettier 3's doc builders and printer (the layout printer builds docs and prints them with it). */
  doc?: DocModule;
}

/** The Prettier that `projectRoot` resolves, else the one bundled with codegen. */
export async function loadPrettier(projectRoot: string): Promise<PrettierApi> {
  const own = projectPrettier(projectRoot);
  const module: unknown = own ? await import(own) : await import('prettier');
  return unwrap(module);
}

/**
 * The URL of the Prettier `loadPrettier` imports, for a worker thread to import the same one (the
 * bundled one by its CommonJS entry where `import.meta.resolve` is missing: the same Prettier).
 */
export function prettierModuleUrl(projectRoot: string): string | undefined {
  const own = projectPrettier(projectRoot);
  if (own) return own;
  try {
    return typeof import.meta.resolve === 'function' ? import.meta.resolve('prettier') : pathToFileURL(createRequire(import.meta.url).resolve('prettier')).href;
  } catch {
    return undefined;
  }
}

/** The file URL of the project's own Prettier, if it has one. */
function projectPrettier(projectRoot: string): string | undefined {
  try {
    return pathToFileURL(createRequire(join(projectRoot, 'package.json')).resolve('prettier')).href;
  } catch {
    return undefined; // the project has no Prettier of its own
  }
}

function unwrap(module: unknown): PrettierApi {
  const candidate = module as { default?: unknown; format?: unknown };
  // A CommonJS entry imported from ESM puts its exports under `default`.
  if (typeof candidate.format === 'function') return candidate as PrettierApi;
  return candidate.default as PrettierApi;
}
