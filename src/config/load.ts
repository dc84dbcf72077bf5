/**
 * Loading the config: find or take the file, parse it keeping positions, interpolate
 * environment variables, validate against the option table, apply defaults and resolve paths.
 * Returns diagnostics rather than throwing; `config` is present only when there are no errors.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { isPlainObject } from './check-value.js';
import { CONFIG_FILE_NAMES, findConfigFile } from './discover.js';
import { interpolateDocument, type Env } from './interpolate.js';
import { createLocator, locateNothing, type Locate } from './locate.js';
import { parseConfigText } from './parse.js';
import { displayPath, toPosix } from './paths.js';
import { resolveConfig } from './resolve.js';
import { uniqueDiagnostics } from './unique-diagnostics.js';
import type { ResolvedConfig } from './types.js';
import { validateConfigShape } from './validate.js';

export interface LoadConfigOptions {
  /** The working folder (`--cwd`): where discovery starts and what diagnostics are relative to. */
  cwd: string;
  /** An explicit config path (`--config` or `CODEGEN_CONFIG`), relative to `cwd`. */
  configFile?: string;
  /** Variables for `${VAR}` interpolation; default `process.env`. */
  env?: Env;
}

export interface LoadConfigResult {
  config?: ResolvedConfig;
  diagnostics: Diagnostic[];
  /** Where a key (or, with `value`, its value) is written in the config file. */
  locate: Locate;
}

/** Finds, reads, validates and resolves the config file. */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadConfigResult> {
  const cwd = path.resolve(options.cwd);
  const configFile = options.configFile === undefined ? findConfigFile(cwd) : path.resolve(cwd, options.configFile);
  if (configFile === undefined || !existsSync(configFile)) {
    return { diagnostics: [notFound(cwd, options.configFile)], locate: locateNothing };
  }
  const file = displayPath(configFile, cwd);
  const text = await readFile(configFile, 'utf8');
  const parsed = parseConfigText(text, path.extname(configFile).toLowerCase() === '.json');
  if (parsed.errors.length > 0) {
    const diagnostics = parsed.errors.map((e) =>
      diagnostic('CG1001', { message: `Cannot parse the config file: ${e.message}`, file, line: e.line, column: e.column }),
    );
    return { diagnostics, locate: locateNothing };
  }

  const locate = createLocator(parsed.document, parsed.lineCounter, file);
  const diagnostics: Diagnostic[] = [];
  interpolateDocument(parsed.document, options.env ?? process.env, (variable, node) => {
    const { line, col } = parsed.lineCounter.linePos(node.range?.[0] ?? 0);
    const message = `Environment variable "${variable}" is not set and has no default (write \${${variable}:-default}).`;
    diagnostics.push(diagnostic('CG1007', { message, file, line, column: col }));
  });
  const raw: unknown = parsed.document.toJS();
  diagnostics.push(...validateConfigShape(raw, locate));
  if (hasErrors(diagnostics) || !isPlainObject(raw)) return { diagnostics, locate };

  const resolved = resolveConfig(raw, configFile, locate);
  const all = uniqueDiagnostics([...diagnostics, ...resolved.diagnostics]);
  return resolved.config && !hasErrors(all) ? { config: resolved.config, diagnostics: all, locate } : { diagnostics: all, locate };
}

function notFound(cwd: string, given: string | undefined): Diagnostic {
  const message =
    given === undefined
      ? `No config file found: looked for ${CONFIG_FILE_NAMES.join(', ')} in ${toPosix(cwd)} and its parents up to the nearest package.json.`
      : `Config file not found: ${given}.`;
  return diagnostic('CG1005', { message });
}
