/**
 * Output folders a project wrote before its `output` changed (tester9 F5: `output: src/generated`
 * became `src/gen`, and every file of the old folder stayed behind, still compiling, still
 * exported). Each manifest records which config's project wrote its folder (ManifestOwner); when a
 * project's output folder has no manifest yet (a first run there), the config's folder is searched
 * for manifests that project wrote elsewhere, and the files they list that are still as generated
 * are deleted in the same commit as the new outputs (a hand-edited one is kept with CG4008, as any
 * orphan is). The search runs only then, so a run into a folder codegen wrote before costs
 * nothing more.
 */
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { ProjectConfig } from '../config/types.js';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { MANIFEST_FILE, nodeFileSystem, parseManifest, planEmit, type EmitPlan, type FileSystem, type ManifestOwner } from '../emit/index.js';
import { removeEmptyParents } from '../emit/empty-folders.js';

/** An output folder the project wrote before, and what becomes of its files. */
export interface PreviousOutput {
  /** Absolute. */
  outputDir: string;
  /** Every file its manifest lists, planned away as `clean` plans them. */
  plan: EmitPlan;
  /** After a write: the files actually deleted. */
  deleted: string[];
}

/** What the manifest of `project`'s output folder records as its owner. */
export function manifestOwner(configFile: string, project: ProjectConfig): ManifestOwner {
  return { config: relative(project.output, configFile).split(sep).join('/'), project: project.name };
}

export interface PreviousOutputsInput {
  fs: FileSystem;
  /** The config file's folder: the folder searched. */
  rootDir: string;
  configFile: string;
  project: ProjectConfig;
  /** Every project's output folder now: never a previous one. */
  outputs: readonly string[];
  displayRoot: string;
}

/**
 * The previous output folders of `input.project` (absolute), when its output folder has no
 * manifest yet; none otherwise. A previous folder that holds a current output folder, or lies in
 * one, is left alone with warning CG4013 (its files and the new ones could be the same).
 */
export async function findPreviousOutputs(input: PreviousOutputsInput): Promise<{ folders: string[]; diagnostics: Diagnostic[] }> {
  const { fs, project } = input;
  if ((await fs.kind(join(project.output, MANIFEST_FILE))) !== undefined) return { folders: [], diagnostics: [] };
  const folders: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const manifestPath of await manifestsBelow(fs, input.rootDir)) {
    const folder = dirname(manifestPath);
    if (input.outputs.includes(folder)) continue;
    const text = await fs.readFile(manifestPath).catch(() => undefined);
    const owner = text === undefined ? undefined : parseManifest(text)?.owner;
    if (!owner || owner.project !== project.name || resolve(folder, owner.config) !== input.configFile) continue;
    const shown = relative(input.displayRoot, folder).split(sep).join('/') || '.';
    const holding = input.outputs.find((output) => within(output, folder) || within(folder, output));
    if (holding !== undefined) {
      diagnostics.push(
        diagnostic('CG4013', {
          message: `${shown} holds the files project "${project.name}" generated before its output became ${relative(input.displayRoot, project.output).split(sep).join('/')}; they are left in place, since one folder holds the other.`,
          file: join(shown, MANIFEST_FILE).split(sep).join('/'),
        }),
      );
      continue;
    }
    folders.push(folder);
  }
  return { folders, diagnostics };
}

/**
 * A previous output folder with every file its manifest lists planned away as an orphan: deleted
 * when still as generated, kept (CG4008) when edited; `protect` applies. Its new manifest records
 * no owner: what it keeps is the user's, never found again.
 */
export async function planPreviousOutput(fs: FileSystem, folder: string, project: ProjectConfig, displayRoot: string): Promise<PreviousOutput> {
  const plan = await planEmit({ outputDir: folder, files: [], fs, protect: project.protect, onHandEdit: 'error', force: false, prune: true, displayRoot });
  return { outputDir: folder, plan, deleted: [] };
}

/**
 * After the commit: a previous folder whose manifest keeps nothing is removed with its manifest,
 * and so are the folders it leaves empty up to the config's folder.
 */
export async function removeEmptiedFolder(fs: FileSystem, previous: PreviousOutput, rootDir: string): Promise<void> {
  if (Object.keys(previous.plan.manifest.files).length > 0) return;
  await fs.remove(join(previous.outputDir, MANIFEST_FILE)).catch(() => undefined);
  await removeEmptyParents(fs, previous.outputDir, rootDir).catch(() => undefined);
}

/** Every manifest below `root`, outside `node_modules` and `.git`, links not followed. */
async function manifestsBelow(fs: FileSystem, root: string): Promise<string[]> {
  if (fs === nodeFileSystem) {
    return glob(`**/${MANIFEST_FILE}`, { cwd: root, absolute: true, dot: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] }).then(
      (found) => found.map((path) => resolve(path)).sort(),
      () => [],
    );
  }
  const files = await fs.listFiles(root).catch(() => []);
  return files.filter((path) => basename(path) === MANIFEST_FILE && !path.split(sep).some((part) => part === 'node_modules' || part === '.git')).sort();
}

function within(path: string, folder: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && !rest.startsWith('..') && !isAbsolute(rest);
}
