/**
 * `codegen init`: a commented config file and the `prebuild` hook (the `go:generate` of npm),
 * never overwriting without `force`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderInitConfig } from '../config/index.js';
import { BUILTIN_GENERATOR_INFO } from '../generators/builtin-info.js';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/types.js';

export const CONFIG_FILE_NAME = 'codegen.config.yaml';
const PREBUILD = 'codegen generate';

export interface InitOptions {
  cwd?: string;
  force?: boolean;
  /** The npm package name that serves the JSON Schema (this package's own name). */
  packageName: string;
}

export interface InitResult {
  exitCode: 0 | 2;
  /** Files written or changed, relative to cwd. */
  written: string[];
  /** Human notes (e.g. how pnpm/Yarn Berry users run the hook). */
  notes: string[];
  diagnostics: Diagnostic[];
}

/** Writes `codegen.config.yaml` and adds `"prebuild": "codegen generate"` to package.json. */
export function init(options: InitOptions): InitResult {
  const cwd = options.cwd ?? process.cwd();
  const configPath = join(cwd, CONFIG_FILE_NAME);
  if (existsSync(configPath) && !options.force) {
    return {
      exitCode: 2,
      written: [],
      notes: [],
      diagnostics: [diagnostic('CG1011', { message: `${CONFIG_FILE_NAME} already exists; run \`codegen init --force\` to replace it.`, file: CONFIG_FILE_NAME })],
    };
  }
  writeFileSync(configPath, renderInitConfig({ packageName: options.packageName, generators: BUILTIN_GENERATOR_INFO }));
  const written = [CONFIG_FILE_NAME];
  const notes: string[] = [];
  const packageJson = join(cwd, 'package.json');
  if (existsSync(packageJson)) {
    const text = readFileSync(packageJson, 'utf8');
    const pkg = JSON.parse(text) as { scripts?: Record<string, string> };
    const scripts = (pkg.scripts ??= {});
    if (scripts['prebuild'] === undefined || options.force) {
      scripts['prebuild'] = PREBUILD;
      writeFileSync(packageJson, `${JSON.stringify(pkg, null, detectIndent(text))}\n`);
      written.push('package.json');
    } else if (!scripts['prebuild'].includes(PREBUILD)) {
      notes.push(`package.json already has a "prebuild" script; add \`${PREBUILD} && \` in front of it to generate before each build.`);
    }
  } else {
    notes.push(`No package.json here: run \`${PREBUILD}\` before your build.`);
  }
  notes.push(`pnpm and Yarn Berry skip "pre" scripts: use "build": "${PREBUILD} && <your build>" there.`);
  return { exitCode: 0, written, notes, diagnostics: [] };
}

function detectIndent(json: string): string | number {
  const match = /^\{\r?\n([ \t]+)/.exec(json);
  return match?.[1] ?? 2;
}
