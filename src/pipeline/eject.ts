/** `codegen templates eject <generator>`: copies built-in templates into the templates folder. */
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { BUILTIN_GENERATOR_INFO } from '../generators/builtin-info.js';
import { suggest } from '../config/suggest.js';

export interface EjectOptions {
  generator: string;
  /** Absolute templates folder: the generator's templates land in `<to>/<generator>/`. */
  to: string;
  force?: boolean;
  cwd?: string;
}

export interface EjectResult {
  exitCode: 0 | 2;
  written: string[];
  diagnostics: Diagnostic[];
}

/** Copies every template file of a built-in generator, refusing to overwrite without `force`. */
export function eject(options: EjectOptions): EjectResult {
  const cwd = options.cwd ?? process.cwd();
  const generator = BUILTIN_GENERATOR_INFO.find((candidate) => candidate.name === options.generator);
  if (!generator) {
    const names = BUILTIN_GENERATOR_INFO.map((candidate) => candidate.name);
    const close = suggest(options.generator, names);
    return {
      exitCode: 2,
      written: [],
      diagnostics: [
        diagnostic('CG1002', {
          message: `Unknown generator "${options.generator}".${close ? ` Did you mean "${close}"?` : ''} Built-in generators: ${names.join(', ')}.`,
        }),
      ],
    };
  }
  const target = join(options.to, generator.name);
  const files = listFiles(generator.templatesDir);
  const clashes = files.filter((file) => existsSync(join(target, file)));
  if (clashes.length > 0 && !options.force) {
    return {
      exitCode: 2,
      written: [],
      diagnostics: clashes.map((file) =>
        diagnostic('CG1011', { message: `${display(cwd, join(target, file))} already exists; pass --force to replace it.` }),
      ),
    };
  }
  for (const file of files) cpSync(join(generator.templatesDir, file), join(target, file));
  return { exitCode: 0, written: files.map((file) => display(cwd, join(target, file))), diagnostics: [] };
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix))
    .sort()
    .flatMap((entry) => {
      const path = join(prefix, entry);
      return statSync(join(dir, path)).isDirectory() ? listFiles(dir, path) : [path];
    });
}

function display(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/');
}
