/**
 * Checks of a project's paths that the shape of the config cannot tell: where `output` lies
 * against the config folder, `protect` globs that could never match, and (once a command is about
 * to use them) a `templates` folder and `plugins` that are not there. Each is located at the value
 * as written (in the project's own entry, else at the top level it inherits from).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { KeyPath } from './check-value.js';
import { findUp } from './discover.js';
import { formatKeyPath, locateInProject, locateNearest, type Locate, type Position } from './locate.js';
import { isInside, relativeForDisplay, toPosix } from './paths.js';
import { didYouMean } from './suggest.js';
import type { ProjectConfig } from './types.js';

function at(locate: Locate, project: string, keyPath: KeyPath): Position | undefined {
  return locateInProject(locate, project, keyPath, 'value') ?? locateInProject(locate, project, keyPath.slice(0, 1)) ?? locateNearest(locate, []);
}

/**
 * The output folder against the project: the config folder itself or a folder above it (`.`,
 * `..`, `/`) is CG1016, since generated files, the manifest and `index.ts` would land among the
 * project's own files; a folder outside the project (the folder of the nearest package.json at or
 * above the config file, else the config folder) is warning CG1015 naming where files go: a config
 * kept in `config/` may write to `../src/generated`, but `../../elsewhere` leaves the package.
 * (An output folder holding an input folder is CG1013, see inputs.ts.)
 */
export function checkOutputFolder(project: ProjectConfig, written: string, rootDir: string, locate: Locate): Diagnostic[] {
  const output = project.output;
  const where = at(locate, project.name, ['output']);
  if (isInside(rootDir, output)) {
    const what = toPosix(path.resolve(output)) === toPosix(path.resolve(rootDir)) ? 'is the config file\'s folder' : `holds the config file's folder ${toPosix(rootDir)}`;
    const message = `The output folder "${written}" of project "${project.name}" ${what}: generated files would be written among the project's own.`;
    return [diagnostic('CG1016', { message, ...where })];
  }
  const manifest = findUp('package.json', rootDir);
  const projectDir = manifest === undefined ? rootDir : path.dirname(manifest);
  if (!isInside(output, projectDir)) {
    const folder = manifest === undefined ? `the config file's folder ${toPosix(rootDir)}` : `the project ${toPosix(projectDir)} (the folder of the nearest package.json)`;
    const message = `The output folder "${written}" of project "${project.name}" is outside ${folder}: generated files will be written to ${toPosix(output)}.`;
    return [diagnostic('CG1015', { message, ...where })];
  }
  return [];
}

/**
 * `protect` globs are matched against paths relative to the output folder, which never start
 * with `/`, a drive or `..`: such a glob protects nothing, so it is a CG1004 rather than a
 * silent no-op.
 */
export function checkProtectGlobs(project: ProjectConfig, locate: Locate): Diagnostic[] {
  return project.protect.flatMap((glob, index) => {
    const pattern = glob.replace(/^!+/, '');
    const normalised = path.posix.normalize(toPosix(pattern));
    const outside = pattern.startsWith('/') || /^[A-Za-z]:/.test(pattern) || normalised === '..' || normalised.startsWith('../');
    if (!outside) return [];
    const keyPath = ['protect', index];
    const message = `Invalid value for "${formatKeyPath(keyPath)}": "${glob}" leads outside the output folder, and protect globs are relative to it, so it could never match.`;
    const hint = 'Write the glob relative to the output folder, as the files are listed by `codegen list` (e.g. "**/*.sql" or "schema.postgres.sql").';
    return [diagnostic('CG1004', { message, hint, ...at(locate, project.name, keyPath) })];
  });
}

/**
 * The `templates` folder and each plugin path must exist when a command reads them: a misspelt
 * templates folder would otherwise give the built-in output without a word (CG1014), and a
 * missing plugin is reported at its entry in the config (CG3005) rather than at a path that
 * does not exist. Not checked by `loadConfig` itself: `codegen templates eject` creates the folder.
 */
export function checkProjectFolders(project: ProjectConfig, rootDir: string, locate: Locate): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (project.templates !== undefined) {
    const kind = kindOf(project.templates);
    if (kind !== 'folder') {
      const written = relativeForDisplay(rootDir, project.templates);
      const what = kind === 'missing' ? 'does not exist' : 'is a file, not a folder';
      const message = `The templates folder "${written}" of project "${project.name}" ${what}.`;
      diagnostics.push(diagnostic('CG1014', { message, ...at(locate, project.name, ['templates']) }));
    }
  }
  project.plugins.forEach((plugin, index) => {
    if (kindOf(plugin) !== 'missing') return;
    const message = `Plugin "${relativeForDisplay(rootDir, plugin)}" cannot be loaded: no such file or folder.`;
    diagnostics.push(diagnostic('CG3005', { message, ...at(locate, project.name, ['plugins', index]) }));
  });
  return diagnostics;
}

function kindOf(file: string): 'missing' | 'folder' | 'file' {
  try {
    return statSync(file).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/**
 * CG3008 for what in the `templates` folder overrides nothing (a misspelt generator folder, a
 * misspelt template name), which would otherwise be ignored without a word: a subfolder must be
 * a generator's name or `_partials`; a file in a generator's folder must have the name of one of
 * its built-in templates (new partials go in `partials/`). Files at the top are left alone.
 */
export function unusedTemplates(
  project: ProjectConfig,
  generators: readonly { name: string; templatesDir: string }[],
  rootDir: string,
  locate: Locate,
): Diagnostic[] {
  if (project.templates === undefined || kindOf(project.templates) !== 'folder') return [];
  const where = at(locate, project.name, ['templates']);
  const shown = (file: string) => relativeForDisplay(rootDir, file);
  const diagnostics: Diagnostic[] = [];
  for (const entry of readdirSync(project.templates, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === '_partials') continue;
    const folder = path.join(project.templates, entry.name);
    const generator = generators.find((candidate) => candidate.name === entry.name);
    if (!generator) {
      const names = generators.map((candidate) => candidate.name);
      const message = `The templates folder "${shown(folder)}" names no generator, so its templates are never used.${didYouMean(entry.name, names)}`;
      diagnostics.push(diagnostic('CG3008', { message, ...where }));
      continue;
    }
    for (const file of readdirSync(folder, { withFileTypes: true })) {
      if (!file.isFile() || existsSync(path.join(generator.templatesDir, file.name))) continue;
      const message = `The template "${shown(path.join(folder, file.name))}" has the name of no template of "${generator.name}", so it is never used.`;
      diagnostics.push(diagnostic('CG3008', { message, ...where }));
    }
  }
  return diagnostics;
}

/**
 * Two projects writing to one output folder, or one inside the other's: each run's `index.ts`
 * and manifest would replace the other's, and each would delete the other's files as its own
 * orphans. CG1004 at the later project's `output`.
 */
export function checkSharedOutputs(projects: readonly ProjectConfig[], locate: Locate): Diagnostic[] {
  return projects.flatMap((project, index) => {
    const earlier = projects.slice(0, index).find((other) => isInside(project.output, other.output) || isInside(other.output, project.output));
    if (earlier === undefined) return [];
    const relation = toPosix(project.output) === toPosix(earlier.output) ? 'is the output folder' : isInside(project.output, earlier.output) ? 'is inside the output folder' : 'holds the output folder';
    const message = `The output folder of project "${project.name}" ${relation} of project "${earlier.name}": each run would overwrite the other's index.ts and manifest and delete the other's files. Give each project a folder of its own.`;
    const hint = 'Give each project an `output` folder of its own, side by side (`src/generated/api`, `src/generated/admin`), not one inside another.';
    return [diagnostic('CG1004', { message, hint, ...at(locate, project.name, ['output']) })];
  });
}
