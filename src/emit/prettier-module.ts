/** Finding Prettier: the project's own when it has one, so `prettier --check` agrees with us. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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
}

/** The Prettier that `projectRoot` resolves, else the one bundled with codegen. */
export async function loadPrettier(projectRoot: string): Promise<PrettierApi> {
  let resolved: string | undefined;
  try {
    resolved = createRequire(join(projectRoot, 'package.json')).resolve('prettier');
  } catch {
    resolved = undefined; // the project has no Prettier of its own
  }
  const module: unknown = resolved ? await import(pathToFileURL(resolved).href) : await import('prettier');
  return unwrap(module);
}

function unwrap(module: unknown): PrettierApi {
  const candidate = module as { default?: unknown; format?: unknown };
  // A CommonJS entry imported from ESM puts its exports under `default`.
  if (typeof candidate.format === 'function') return candidate as PrettierApi;
  return candidate.default as PrettierApi;
}
