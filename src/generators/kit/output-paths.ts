/**
 * Output file naming (`split`, `fileName` patterns) and import paths between generated and source
 * files. Output names are made of what both tsc and Node's ESM loader read the same way (see
 * `safeName`), so a specifier between generated files always loads; a source file whose name Node
 * cannot load is refused where generated code would load it at run time (`importPath`).
 */
import { posix } from 'node:path';
import type { CommonGeneratorOptions, PlanContext } from './contract.js';
import { diagnostic } from '../../diagnostics/create.js';
import { DiagnosticError, type Diagnostic } from '../../diagnostics/types.js';
import { kebabCase } from '../../model/naming.js';
import type { Entity } from '../../model/types.js';
import { packageFile } from './package-specifiers.js';

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
  const { dir, name } = patternValues(subject, options, context);
  const pattern = options.fileName ?? `{dir}/{name}.${generator}.ts`;
  const unsafe = unsafeInOutputName(pattern);
  if (unsafe) {
    throw new DiagnosticError([
      diagnostic('CG5002', { message: `${generator}: the fileName pattern "${pattern}" holds ${unsafe}, which an import of the file cannot carry.` }),
    ]);
  }
  const filled = pattern.replace(/\{dir\}/g, dir).replace(/\{name\}/g, name);
  const normalised = posix.normalize(filled).replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  if (normalised.startsWith('../')) {
    // The config refuses such a pattern where it is written (validate-generators.ts); this guards other callers.
    throw new DiagnosticError([diagnostic('CG5002', { message: `${generator}: the fileName pattern "${pattern}" leads outside the output folder (${normalised}).` })]);
  }
  return normalised;
}

/** What `{dir}` and `{name}` stand for, each made a safe output name. */
function patternValues(
  subject: OutputSubject,
  options: Pick<CommonGeneratorOptions, 'split'>,
  context: Pick<PlanContext, 'inputRoot'>,
): { dir: string; name: string } {
  const raw = rawPatternValues(subject, options, context);
  // A package's scope keeps its `@` (`_external/packages/@acme/money`): no folder mirrored from a path can start with one.
  const scope = packageFile(subject.sourcePath) ? 2 : -1;
  const dir = raw.dir
    .split('/')
    .map((segment, at) =>
      segment === '.' || segment === '..' ? segment : at === scope && segment.startsWith('@') ? `@${safeName(segment.slice(1))}` : safeName(segment),
    )
    .join('/');
  const name = options.split === 'type' && subject.typeName ? typeFileName(raw.name) : kebabCase(raw.name.normalize('NFC'));
  return { dir, name: name === '' ? codePointName(raw.name) : name };
}

/**
 * A type's `{name}` under `split: type`: kebab-cased between its `_`s, which stay. codegen names an
 * instantiation by joining its parts with `_` (`Mut<Src>` is `Mut_Src`), and users name one the same
 * words (`type MutSrc = Mut<Src>`): `mut_src` and `mut-src` are two files (tester7 F11: both were
 * `mut-src`, CG4011, and no fileName pattern could tell them apart).
 */
function typeFileName(typeName: string): string {
  return typeName
    .normalize('NFC')
    .split('_')
    .map((part) => kebabCase(part))
    .filter((part) => part !== '')
    .join('_');
}

/** `{dir}` and `{name}` as the source spells them, before they are made output names. */
function rawPatternValues(
  subject: OutputSubject,
  options: Pick<CommonGeneratorOptions, 'split'>,
  context: Pick<PlanContext, 'inputRoot'>,
): { dir: string; name: string } {
  const dir = relativeDir(subject.sourcePath, context.inputRoot);
  const baseName = posix.basename(subject.sourcePath).replace(/\.(d\.)?[cm]?tsx?$/, '');
  return { dir, name: options.split === 'type' && subject.typeName ? subject.typeName : baseName };
}

/**
 * A file or folder name as an output name: NFC-normalised, Unicode letters, marks and digits kept
 * with `_`, `.` and `-`, every other run of characters (`#`, `%`, `?`, spaces, quotes, line
 * breaks…) one `-`. `x#y` → `x-y`, `über` → `über`, `日本` → `日本`. A name with nothing left
 * (`%%`, `🎉`) is spelled by its code points (`u25-u25`), so it is never empty and stays distinct.
 */
export function safeName(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}_.-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return safe === '' || /^\.+$/.test(safe) ? codePointName(name) : safe;
}

function codePointName(name: string): string {
  return [...name.normalize('NFC')].map((char) => `u${char.codePointAt(0)!.toString(16)}`).join('-') || 'unnamed';
}

/**
 * What in a written output name (a `fileName` pattern, an `output` folder) an import could not
 * carry: `#`, `?`, `%` (Node reads relative specifiers as URLs: fragment, query, escapes), `\\`
 * (tsc and URLs read it as `/`), quotes and backticks (templates quote specifiers as written),
 * control characters and line breaks. Undefined when the name is fine.
 */
export function unsafeInOutputName(name: string): string | undefined {
  const found = /[#?%\\"'`\p{Cc}\u2028\u2029]/u.exec(name)?.[0];
  return found === undefined ? undefined : `${JSON.stringify(found)}`;
}

/**
 * Output paths for one generator's subjects, refusing a name two sources would share. Output names
 * drop what a file name may hold but an import cannot (`a#b.ts` and `a-b.ts` both give
 * `a-b.validate.ts`) and kebab-case the name (`User.ts`, `user.ts`): rather than merge two
 * sources into one file silently, `pathFor` throws a CG4011 located at the second source. Files a
 * pattern merges on purpose (a `fileName` without `{name}`) are not a collision.
 */
export class OutputNames {
  private readonly claimed = new Map<string, { key: string; subject: OutputSubject }>();
  /**
   * Each subject's path and collision key, by what they are made of (the source path, and the type
   * name under `split: type`): a model has many declarations per source file, and naming is pure.
   */
  private readonly named = new Map<string, { path: string; key: string }>();

  constructor(
    private readonly generator: string,
    private readonly options: Pick<CommonGeneratorOptions, 'split' | 'fileName'>,
    private readonly context: Pick<PlanContext, 'inputRoot'>,
  ) {}

  /** `outputPathFor(subject)`, unless a subject with another name already has that path. */
  pathFor(subject: OutputSubject): string {
    const { path, key } = this.name(subject);
    const first = this.claimed.get(path);
    if (!first) this.claimed.set(path, { key, subject });
    else if (first.key !== key) throw new DiagnosticError([this.collision(path, first.subject, subject)]);
    return path;
  }

  private name(subject: OutputSubject): { path: string; key: string } {
    const byType = this.options.split === 'type' && subject.typeName;
    const memoKey = byType ? `${subject.sourcePath}\0${subject.typeName}` : subject.sourcePath;
    let named = this.named.get(memoKey);
    if (!named) {
      const path = outputPathFor(subject, this.generator, this.options, this.context);
      const pattern = this.options.fileName ?? '{dir}/{name}';
      const raw = rawPatternValues(subject, this.options, this.context);
      // Only what the pattern uses tells files apart: without `{name}`, every file of a folder shares one output.
      // The source's own folder, not `{dir}`: `../a/x.ts` and `../../a/x.ts` share `_external/a` but are two files.
      const key = `${pattern.includes('{dir}') ? posix.dirname(subject.sourcePath) : ''}\0${pattern.includes('{name}') ? raw.name : ''}`;
      named = { path, key };
      this.named.set(memoKey, named);
    }
    return named;
  }

  private collision(path: string, first: OutputSubject, second: OutputSubject): Diagnostic {
    const what = (subject: OutputSubject) =>
      this.options.split === 'type' && subject.typeName ? `${subject.typeName} (${subject.sourcePath})` : subject.sourcePath;
    return diagnostic('CG4011', {
      message: `${this.generator}: ${what(second)} and ${what(first)} would both be written to ${path}.`,
      file: second.sourcePath,
    });
  }
}

/** Where a planned file really lands, relative to the project's output folder (the generator's `output` prefixed). */
export function locatedOutputPath(plannedPath: string, options: Pick<CommonGeneratorOptions, 'output'>): string {
  if (!options.output) return plannedPath;
  const unsafe = unsafeInOutputName(options.output);
  if (unsafe) {
    throw new DiagnosticError([diagnostic('CG5002', { message: `The output folder "${options.output}" holds ${unsafe}, which an import of its files cannot carry.` })]);
  }
  return posix.join(options.output, plannedPath);
}

/** The folder, inside every output folder, of what is generated for sources outside the input base. */
export const EXTERNAL_DIR = '_external';

/** The folder, inside `EXTERNAL_DIR`, of what is generated for the files of installed packages. */
export const PACKAGES_DIR = 'packages';

/**
 * `{dir}`: the source file's folder relative to the input root (`.` for the root itself), POSIX.
 * A source outside the input base (a type imported from `../../shared/money.ts`, from a workspace
 * package, from `src/shared` beside the base `src/models`) is mirrored under `_external/`, by its
 * path from the config folder without the leading `../`: `_external/shared`. So its outputs stay
 * inside the output folder, and where they go depends on the file alone, not on what imports it.
 *
 * A file of an installed package (a path through `node_modules`, inside the base or not) goes to
 * `_external/packages/<package>/<folder in the package>`: never below a folder named
 * `node_modules`, whose `.ts` files tsc type-checks but never emits (and Prettier, linters and
 * bundlers skip), so the compiled app would miss them at run time.
 */
function relativeDir(sourcePath: string, inputRoot: string): string {
  const installed = packageFile(sourcePath);
  if (installed) return [EXTERNAL_DIR, PACKAGES_DIR, installed.name, posix.dirname(installed.inner)].filter((part) => part !== '.').join('/');
  const folder = posix.dirname(sourcePath);
  const dir = posix.relative(inputRoot === '' ? '.' : inputRoot, folder);
  if (dir === '') return '.';
  if (dir !== '..' && !dir.startsWith('../') && !posix.isAbsolute(dir)) return dir;
  // The path from the config folder, with what climbs out of it (`../`, `/`, a drive) dropped.
  const inside = posix
    .normalize(folder)
    .replace(/^[A-Za-z]:/, '')
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..');
  return [EXTERNAL_DIR, ...inside].join('/');
}

/**
 * The module specifier to import `toSourceFile` (relative to the config folder) from the
 * generated file `fromOutputFile` (relative to the output folder), with the import extension.
 * The specifier is the path as it is (quote it with `specifierText`): tsc reads it literally,
 * while Node reads it as a URL. So a source whose name the import cannot carry is a CG2014 thrown
 * here: `\\` for any import, and for a `value` import (one Node loads at run time; type-only
 * imports are erased) also `#`, `?`, `%`, tab and line breaks.
 *
 * A file of an installed package is imported by the specifier user code imports it by
 * (`context.packageSpecifiers`: `mylib`, `geojson`, `@acme/shapes/sub`), when the pipeline found one.
 */
export function importPath(
  fromOutputFile: string,
  toSourceFile: string,
  context: Pick<PlanContext, 'outputDir' | 'importExtension' | 'packageSpecifiers'>,
  use: 'type' | 'value' = 'type',
): string {
  const specifier = context.packageSpecifiers?.[toSourceFile];
  if (specifier !== undefined) return specifier;
  const refused = (use === 'value' ? /[#?%\\\t\n\r]/ : /\\/).exec(toSourceFile)?.[0];
  if (refused !== undefined) {
    const why = use === 'value' ? 'generated code loads it at run time, and Node reads' : 'tsc reads';
    throw new DiagnosticError([
      diagnostic('CG2014', { message: `Generated code imports ${toSourceFile}, but ${why} ${JSON.stringify(refused)} in an import differently from the file name.`, file: toSourceFile }),
    ]);
  }
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
  const names = new OutputNames(generator, options, context);
  for (const entity of entities) {
    const path = names.pathFor({ sourcePath: entity.source.file, typeName: entity.name });
    const file = files.get(path) ?? { path, source: entity.source.file, entities: [] };
    file.entities.push(entity);
    files.set(path, file);
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
