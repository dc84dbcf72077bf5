/** Output file naming (`split`, `fileName` patterns) and import paths between generated and source files. */
import { posix } from 'node:path';
import type { CommonGeneratorOptions, PlanContext } from './contract.js';
import { kebabCase } from '../../model/naming.js';
import type { Entity } from '../../model/types.js';

export interface OutputSubject {
  /** The source file (POSIX, relative to the config folder). */
  sourcePath: string;
  /** The type's name, for `split: type`. */
  typeName?: string;
}

/**
 * The path of what `generator` emits for a source file (or, with `split: type`, for one type of
 * it): `{dir}/{name}.<generator>.ts` by default. Relative to the generator's output folder: the
 * pipeline prefixes `options.output` itself (see `locatedOutputPath` for imports).
 */
export function outputPathFor(
  subject: OutputSubject,
  generator: string,
  options: Pick<CommonGeneratorOptions, 'split' | 'fileName'>,
  context: Pick<PlanContext, 'inputRoot'>,
): string {
  const dir = relativeDir(subject.sourcePath, context.inputRoot);
  const baseName = posix.basename(subject.sourcePath).replace(/\.(d\.)?[cm]?tsx?$/, '');
  const name = options.split === 'type' && subject.typeName ? kebabCase(subject.typeName) : kebabCase(baseName);
  const pattern = options.fileName ?? `{dir}/{name}.${generator}.ts`;
  const filled = pattern.replace(/\{dir\}/g, dir).replace(/\{name\}/g, name);
  const normalised = posix.normalize(filled).replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  if (normalised.startsWith('../')) {
    throw new Error(`The file name pattern "${pattern}" leads outside the output folder (${normalised}).`);
  }
  return normalised;
}

/** Where a planned file really lands, relative to the project's output folder (the generator's `output` prefixed). */
export function locatedOutputPath(plannedPath: string, options: Pick<CommonGeneratorOptions, 'output'>): string {
  return options.output ? posix.join(options.output, plannedPath) : plannedPath;
}

/** The source file's folder relative to the input root (`.` for the root itself), POSIX. */
function relativeDir(sourcePath: string, inputRoot: string): string {
  const dir = posix.relative(inputRoot === '' ? '.' : inputRoot, posix.dirname(sourcePath));
  return dir === '' ? '.' : dir;
}

/**
 * The module specifier to import `toSourceFile` (relative to the config folder) from the
 * generated file `fromOutputFile` (relative to the output folder), with the import extension.
 */
export function importPath(
  fromOutputFile: string,
  toSourceFile: string,
  context: Pick<PlanContext, 'outputDir' | 'importExtension'>,
): string {
  const from = posix.dirname(posix.join(context.outputDir, fromOutputFile));
  return relativeSpecifier(from, toSourceFile, context.importExtension);
}

/** The module specifier from one generated file to another, both relative to the output folder. */
export function importPathBetweenOutputs(
  fromOutputFile: string,
  toOutputFile: string,
  context: Pick<PlanContext, 'importExtension'>,
): string {
  return relativeSpecifier(posix.dirname(fromOutputFile), toOutputFile, context.importExtension);
}

function relativeSpecifier(fromDir: string, toFile: string, extension: '.js' | ''): string {
  const withoutExtension = toFile.replace(/\.(d\.)?([cm]?)tsx?$/, '');
  const jsExtension = extension === '' ? '' : (toFile.match(/\.(?:d\.)?([cm]?)tsx?$/)?.[1] ?? '') + 'js';
  let specifier = posix.relative(fromDir, withoutExtension);
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return extension === '' ? specifier : `${specifier}.${jsExtension}`;
}

/** The entities written to one output file, and the source file that file is generated from. */
export interface EntityOutputFile {
  path: string;
  source: string;
  entities: Entity[];
}

/**
 * `entities` grouped by the file `generator` writes each one to (one per source file, or per
 * entity with `split: type`), sorted by path so output never depends on discovery order.
 */
export function entitiesByOutputFile(
  entities: readonly Entity[],
  generator: string,
  options: Pick<CommonGeneratorOptions, 'split' | 'fileName'>,
  context: Pick<PlanContext, 'inputRoot'>,
): EntityOutputFile[] {
  const files = new Map<string, EntityOutputFile>();
  for (const entity of entities) {
    const path = outputPathFor({ sourcePath: entity.source.file, typeName: entity.name }, generator, options, context);
    const file = files.get(path) ?? { path, source: entity.source.file, entities: [] };
    file.entities.push(entity);
    files.set(path, file);
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
