/**
 * The chokidar watcher, opened so that its `ready` means what watch mode needs it to mean: every
 * existing folder and file handed to it is being watched.
 *
 * Why not simply `watch(paths)` and await `ready`: chokidar 4.0.3 counts a path that does not
 * exist (a `templates` folder not made yet) twice towards `ready`, so with one such path among
 * three it says ready before it has even listed the others, and a change made right after that
 * is never reported (the spawned watch test hung on exactly this). And with no path at all it
 * never says ready. So the paths that exist are watched first and awaited; those that do not are
 * added once that is done (chokidar then watches their parent for them to appear).
 */
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';

export interface WatcherOptions {
  /** Paths the watcher should not even look at. */
  ignored(path: string): boolean;
  /** Poll instead of native events. */
  poll: boolean;
}

/** A watcher over `paths` (absolute), resolved once all of them that exist are watched. */
export async function openWatcher(paths: readonly string[], options: WatcherOptions): Promise<FSWatcher> {
  const existing = paths.filter((path) => existsSync(path));
  const missing = paths.filter((path) => !existing.includes(path));
  const watcher = chokidarWatch(existing, {
    ignored: (path: string) => options.ignored(path),
    ignoreInitial: true,
    usePolling: options.poll,
    interval: 100,
  });
  if (existing.length > 0) await watcherReady(watcher);
  addPaths(watcher, missing);
  return watcher;
}

/** Watches more paths on an open watcher (its `ready` has passed: nothing to await). */
export function addPaths(watcher: FSWatcher, paths: readonly string[]): void {
  if (paths.length > 0) watcher.add([...paths]);
}

/**
 * Watches more existing files on an open watcher and resolves once chokidar lists each of them
 * as watched (or after `limitMs`): `add` sets up its watches asynchronously and has no `ready`,
 * so a change made right after it could otherwise go unseen.
 */
export async function addFiles(watcher: FSWatcher, files: readonly string[], limitMs = 1000): Promise<void> {
  if (files.length === 0) return;
  watcher.add([...files]);
  const until = Date.now() + limitMs;
  const watched = () => {
    const listed = watcher.getWatched();
    return files.every((file) => listed[dirname(file)]?.includes(basename(file)));
  };
  while (!watched() && Date.now() < until) await new Promise((resolveTurn) => setTimeout(resolveTurn, 10));
}

/** Resolves once the watcher has set up its watches; rejects on an error before that. */
function watcherReady(watcher: FSWatcher): Promise<void> {
  return new Promise((resolveReady, rejectReady) => {
    const fail = (error: unknown) => {
      watcher.off('ready', ready);
      rejectReady(error);
    };
    const ready = () => {
      watcher.off('error', fail);
      resolveReady();
    };
    watcher.once('error', fail);
    watcher.once('ready', ready);
  });
}
