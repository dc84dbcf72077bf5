/**
 * `--only gen,…` and `--type Name,…` (as `go generate -type=User`): which of the planned files a
 * run writes. Project-wide files (the index, runtime helpers: those whose source is the config
 * file) are always written, since they come from the full plan and stay valid for every file.
 */
import { didYouMean } from '../config/suggest.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Model } from '../model/types.js';
import type { OutputFile } from './build-project.js';

/** The files of the chosen generators and of the source files declaring the chosen types. */
export function selectOutputs(
  files: readonly OutputFile[],
  model: Model,
  only: readonly string[],
  types: readonly string[],
  configSource: string,
): OutputFile[] {
  const sources = sourcesOf(model, types);
  return files.filter((file) => {
    const projectWide = file.source === configSource;
    if (only.length > 0 && !only.includes(file.generator) && file.generator !== 'index') return false;
    return types.length === 0 || projectWide || sources.has(file.source);
  });
}

function sourcesOf(model: Model, types: readonly string[]): Set<string> {
  const wanted = new Set(types);
  const named = [...model.declarations, ...model.services].filter(
    (item) => wanted.has(item.name) || ('instantiation' in item && item.instantiation !== undefined && wanted.has(item.instantiation.generic)),
  );
  return new Set(named.map((item) => item.source.file));
}

/** Names given to `--type` that match nothing, for a helpful error. */
export function unknownTypes(model: Model, names: readonly string[]): string[] {
  const known = new Set(typeNames(model));
  return names.filter((name) => !known.has(name));
}

/**
 * CG1009 for each `--type` name the project does not declare, with the closest declared name
 * ("did you mean") when one is near enough to be a typo.
 */
export function unknownTypeDiagnostics(model: Model, names: readonly string[], project: string): Diagnostic[] {
  const candidates = typeNames(model);
  return unknownTypes(model, names).map((name) =>
    diagnostic('CG1009', {
      message: `--type ${name}: no type of that name in project "${project}".${didYouMean(name, candidates)}`,
      hint: 'Names are the declared names of types and services, case-sensitive: `codegen inspect` lists them.',
    }),
  );
}

function typeNames(model: Model): string[] {
  return [...new Set([...model.declarations.map((d) => d.name), ...model.services.map((s) => s.name)])];
}
