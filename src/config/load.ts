/**
 * Loading the config: find or take the file, parse it keeping positions, interpolate
 * environment variables, validate against the option table, apply defaults and resolve paths.
 * Returns diagnostics rather than throwing; `config` is present only when there are no errors.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { isPlainObject } from './check-value.js';
import { CONFIG_FILE_NAMES, findConfigFile } from './discover.js';
import { interpolateDocument, type Env } from './interpolate.js';
import { createLocator, locateNothing, type Locate } from './locate.js';
import { CONFIG_LIMITS, formatCount } from './limits.js';
import { documentToJS, parseConfigText, type ParseError } from './parse.js';
import { displayPath, toPosix } from './paths.js';
import { resolveConfig } from './resolve.js';
import { uniqueDiagnostics } from './unique-diagnostics.js';
import type { ResolvedConfig } from './types.js';
import { validateConfigShape } from './validate.js';
import { checkValueLimits } from './value-limits.js';

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
  const { size } = await stat(configFile);
  if (size > CONFIG_LIMITS.fileBytes) {
    const message = `Cannot parse the config file: it has ${formatCount(size)} bytes, and codegen reads config files of at most ${formatCount(CONFIG_LIMITS.fileBytes)}.`;
    return { diagnostics: [diagnostic('CG1001', { message, file, line: 1, column: 1 })], locate: locateNothing };
  }
  const text = await readFile(configFile, 'utf8');
  const parsed = parseConfigText(text, path.extname(configFile).toLowerCase() === '.json');
  if (parsed.errors.length > 0) return { diagnostics: parsed.errors.map((e) => cannotParse(e, file)), locate: locateNothing };

  const locate = createLocator(parsed.document, parsed.lineCounter, file);
  const diagnostics: Diagnostic[] = [];
  interpolateDocument(parsed.document, options.env ?? process.env, (variable, node) => {
    const { line, col } = parsed.lineCounter.linePos(node.range?.[0] ?? 0);
    const message = `Environment variable "${variable}" is not set and has no default (write \${${variable}:-default}).`;
    diagnostics.push(diagnostic('CG1007', { message, file, line, column: col }));
  });
  const data = documentToJS(parsed.document, parsed.lineCounter);
  if ('error' in data) return { diagnostics: [...diagnostics, cannotParse(data.error, file)], locate };
  const raw = data.value;
  diagnostics.push(...validateConfigShape(raw, locate));
  if (isPlainObject(raw)) diagnostics.push(...checkValueLimits(raw, locate));
  if (hasErrors(diagnostics) || !isPlainObject(raw)) return { diagnostics, locate };

  const resolved = resolveConfig(raw, configFile, locate);
  const all = uniqueDiagnostics([...diagnostics, ...resolved.diagnostics]);
  return resolved.config && !hasErrors(all) ? { config: resolved.config, diagnostics: all, locate } : { diagnostics: all, locate };
}

function cannotParse(error: ParseError, file: string): Diagnostic {
  return diagnostic('CG1001', { message: `Cannot parse the config file: ${error.message}`, file, line: error.line, column: error.column });
}

function notFound(cwd: string, given: string | undefined): Diagnostic {
  const message =
    given === undefined
      ? `No config file found: looked for ${CONFIG_FILE_NAMES.join(', ')} in ${toPosix(cwd)} and its parents up to the nearest package.json.`
      : `Config file not found: ${given}.`;
  return diagnostic('CG1005', { message });
}
