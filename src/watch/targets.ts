/**
 * What watch mode watches, from the loaded session (and from a config that failed to load after
 * it was read: see Workspace.failedScope): the static base folder of each input glob,
 * each templates folder, each plugin, each project's tsconfig and the config file; and which
 * events matter: a file an input glob matches, anything in a templates folder or plugin (the
 * folder itself included), a tsconfig, the config file. A path that does not exist yet is watched
 * for (see watcher.ts). Output folders
 * (with their manifest and journal), `node_modules` (and the format cache in it) and codegen's
 * temp files are never watched: the build's own writes must not trigger a build.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { SessionScope } from '../pipeline/session.js';

export interface WatchTargets {
  /** Folders and files to hand to the watcher (absolute, sorted, each once). */
  paths: string[];
  /** Whether the watcher should not even look at a path (outputs, node_modules, temps). */
  ignored(path: string): boolean;
  /** Whether a change to `path` can change the build. */
  relevant(path: string): boolean;
}

/** The watch targets of one or more configs' projects (a running session's, a failed load's), merged. */
export function watchTargets(scopes: readonly SessionScope[]): WatchTargets {
  const roots = new Set<string>(scopes.map((scope) => scope.config.configFile));
  const configFiles = new Set(roots);
  const outputs = scopes.flatMap((scope) => scope.projects.map((project) => project.output));
  const folders = new Set<string>();
  const tsconfigs = new Set<string>();
  const inputMatchers: ((path: string) => boolean)[] = [];
  // Ignored paths are resolved against the first config's folder (chokidar hands over absolute paths anyway).
  const rootDir = scopes[0]?.config.rootDir ?? process.cwd();
  for (const { config, project } of scopes.flatMap((scope) => scope.projects.map((each) => ({ config: scope.config, project: each })))) {
    const includes = project.input.filter((glob) => !glob.startsWith('!'));
    const excludes = project.input.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
    for (const glob of includes) roots.add(resolve(config.rootDir, picomatch.scan(glob).base || '.'));
    const included = picomatch(includes);
    const excluded = excludes.length > 0 ? picomatch(excludes) : () => false;
    inputMatchers.push((path) => {
      const fromRoot = relative(config.rootDir, path).split(sep).join('/');
      return included(fromRoot) && !excluded(fromRoot);
    });
    // A tsconfig change (paths, strictness…) means a new TypeScript program for the project.
    if (project.tsconfig) {
      roots.add(project.tsconfig);
      tsconfigs.add(project.tsconfig);
    }
    for (const folder of [...(project.templates ? [project.templates] : []), ...project.plugins]) {
      roots.add(folder);
      folders.add(folder);
    }
  }
  return {
    paths: [...roots].sort(),
    ignored: (path) => {
      const absolute = isAbsolute(path) ? path : resolve(rootDir, path);
      if (absolute.split(sep).includes('node_modules')) return true;
      if (/\.codegen-tmp-/.test(absolute)) return true;
      return outputs.some((output) => absolute === output || within(absolute, output));
    },
    relevant: (path) =>
      configFiles.has(path) || tsconfigs.has(path) || [...folders].some((folder) => path === folder || within(path, folder)) || inputMatchers.some((matches) => matches(path)),
  };
}

function within(path: string, folder: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && !rest.startsWith('..') && !isAbsolute(rest);
}
