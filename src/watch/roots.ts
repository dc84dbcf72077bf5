/**
 * The roots watch mode watches (input folders, templates folders, plugins, tsconfigs, the config
 * file: see targets.ts), each watched while it exists and watched for while it does not.
 *
 * Why not hand chokidar every root and let it cope: chokidar watches a missing path through its
 * parent only when that parent exists (`src/models` with no `src`, `codegen/templates` with no
 * `codegen`: nothing, ever), a path handed to a running watcher is watched some unknown time later
 * (its `add` has no `ready`: a folder made right after a config reload named it went unseen), and a
 * watched folder whose parent is deleted (`rm -rf src`) is dropped without an event. So:
 *
 * - Roots that exist are handed to a watcher opened for them and awaited (`openWatcher`): the
 *   first batch to the main watcher, each later batch (a reloaded config's new folders, a root that
 *   appeared) to a watcher of its own, whose `ready` is reliable.
 * - Whether each root exists is checked every `CHECK_MS` (a stat per root). A root that appears is
 *   handed to a watcher, awaited, then reported (`onAppear`): the caller reads what it holds then,
 *   and the watcher reports what changes after. A root that went (found here, or reported by the
 *   watcher: `vanished`) is unwatched and reported (`onVanish`); it is watched for again.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { FSWatcher } from 'chokidar';
import { openWatcher } from './watcher.js';

/** How often whether each root exists is checked: a folder made later builds within this (plus the quiet period). */
export const CHECK_MS = 200;

export interface RootWatchOptions {
  /** Paths no watcher should even look at. */
  ignored(path: string): boolean;
  poll: boolean;
  /** Called with each watcher opened, to subscribe to its events. */
  onWatcher(watcher: FSWatcher): void;
  /** A root that did not exist does now, and is watched. */
  onAppear(path: string): Promise<void> | void;
  /** A root that existed does not any more (the watcher may or may not have reported it). */
  onVanish(path: string): void;
  /** A root that appeared could not be watched: it is tried again at the next check. */
  onError(error: Error): void;
}

export interface RootWatch {
  /**
   * Watches `paths` (absolute) from now on, each as soon as it exists, and no longer the roots
   * left out; resolves, once each of them that exists is watched, to the roots newly watched.
   * `beforeOpen` is called with those before their watcher opens (the watcher reports only
   * what changes after it is ready).
   */
  set(paths: readonly string[], beforeOpen?: (paths: string[]) => Promise<void>): Promise<string[]>;
  /** A root the watcher reported deleted: watched for from now on (without `onVanish`). */
  vanished(path: string): void;
  /** Whether `path` is one of the roots. */
  has(path: string): boolean;
  /** The first watcher (where single files are added: see addFiles); undefined before the first `set`. */
  readonly main: FSWatcher | undefined;
  close(): Promise<void>;
}

/** Roots watched and watched for; nothing is watched until the first `set`. */
export function createRootWatch(options: RootWatchOptions): RootWatch {
  /** Each root and the watcher that watches it (undefined: it does not exist, and is watched for). */
  const roots = new Map<string, FSWatcher | undefined>();
  const watchers: FSWatcher[] = [];
  let main: FSWatcher | undefined;
  let closed = false;
  let checking = false;

  const open = async (paths: string[]): Promise<FSWatcher> => {
    const watcher = await openWatcher(paths, { ignored: options.ignored, poll: options.poll });
    watchers.push(watcher);
    main ??= watcher;
    options.onWatcher(watcher);
    return watcher;
  };

  const unwatch = (path: string) => {
    const watcher = roots.get(path);
    roots.set(path, undefined);
    if (!watcher) return;
    const others = [...roots].filter(([other, holder]) => other !== path && holder === watcher).map(([other]) => other);
    // A later watcher left with no root is closed (a folder deleted and made again, many times over a session).
    if (watcher !== main && others.length === 0) {
      watchers.splice(watchers.indexOf(watcher), 1);
      void watcher.close();
      return;
    }
    // chokidar's unwatch ignores all below the path from then on: not when its watcher watches another root at or inside it.
    if (!others.some((other) => related(other, path))) watcher.unwatch(path);
  };

  /** Opens a watcher for a root that appeared, then reports it; a root dropped meanwhile is not watched. */
  const watchAppeared = async (path: string) => {
    const opened = await open([path]).catch((error: unknown) => {
      options.onError(error instanceof Error ? error : new Error(String(error)));
      return undefined;
    });
    if (!opened) return;
    if (closed || !roots.has(path) || roots.get(path)) {
      watchers.splice(watchers.indexOf(opened), 1);
      await opened.close();
      return;
    }
    roots.set(path, opened);
    await options.onAppear(path);
  };

  const check = async () => {
    if (checking || closed) return;
    checking = true;
    try {
      for (const path of [...roots.keys()]) {
        if (closed) return;
        if (!roots.has(path)) continue;
        const exists = existsSync(path);
        if (roots.get(path) && !exists) {
          unwatch(path);
          options.onVanish(path);
        } else if (!roots.get(path) && exists) {
          await watchAppeared(path);
        }
      }
    } finally {
      checking = false;
    }
  };
  // Not unref'd: with no root that exists (no config yet), this is what keeps watching alive.
  const timer = setInterval(() => void check(), CHECK_MS);

  return {
    get main() {
      return main;
    },
    has: (path) => roots.has(path),
    vanished(path) {
      if (roots.get(path)) unwatch(path);
    },
    async set(paths, beforeOpen) {
      const wanted = new Set(paths);
      for (const path of [...roots.keys()].filter((root) => !wanted.has(root))) {
        unwatch(path);
        roots.delete(path);
      }
      const fresh = paths.filter((path) => !roots.has(path));
      const existing = fresh.filter((path) => existsSync(path));
      // Those that exist become roots once watched: until then the check does not take them for missing ones.
      for (const path of fresh.filter((each) => !existing.includes(each))) roots.set(path, undefined);
      if (existing.length === 0 && main) return [];
      await beforeOpen?.(existing);
      // The first watcher opens even over nothing: single files are added to it later.
      const watcher = await open(existing);
      for (const path of existing) roots.set(path, watcher);
      return existing;
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}

function related(one: string, other: string): boolean {
  return one === other || within(one, other) || within(other, one);
}

function within(path: string, folder: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && !rest.startsWith('..') && !isAbsolute(rest);
}
