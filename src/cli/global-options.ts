/** The flags every command understands, read from commander into one typed object. */
import { resolve } from 'node:path';

export interface GlobalOptions {
  config?: string;
  cwd: string;
  only: string[];
  types: string[];
  force: boolean;
  format: boolean;
  prune: boolean;
  verbose: boolean;
  quiet: boolean;
  json: boolean;
  color?: boolean;
  strict: boolean;
}

/** Splits `--only a,b --only c` style values. */
export function listValue(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim()).filter(Boolean)];
}

/** Normalises commander's merged options (`cmd.optsWithGlobals()`); `--cwd` is resolved against `startDir`. */
export function readGlobalOptions(raw: Record<string, unknown>, env: Record<string, string | undefined>, startDir: string): GlobalOptions {
  const cwd = resolve(startDir, typeof raw['cwd'] === 'string' ? raw['cwd'] : '.');
  const config = typeof raw['config'] === 'string' ? raw['config'] : env['CODEGEN_CONFIG'];
  const options: GlobalOptions = {
    cwd,
    only: (raw['only'] as string[] | undefined) ?? [],
    types: (raw['type'] as string[] | undefined) ?? [],
    force: raw['force'] === true,
    format: raw['format'] !== false,
    prune: raw['prune'] !== false,
    verbose: raw['verbose'] === true,
    quiet: raw['quiet'] === true,
    json: raw['json'] === true,
    strict: raw['strict'] === true,
  };
  if (config !== undefined && config !== '') options.config = resolve(cwd, config);
  if (typeof raw['color'] === 'boolean') options.color = raw['color'];
  return options;
}
