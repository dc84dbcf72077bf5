/**
 * Watch mode, as an API: one full build, then a build for every settled batch of changes, on
 * one long-lived workspace (see src/pipeline/workspace.ts). Watching starts before the first
 * build (the config is loaded first to learn what to watch), so a file saved while that build
 * runs makes one more build once it ends. Like the rest of the API it never
 * prints and never exits: each build is handed to `onBuild` and to `nextBuild()` waiters; the
 * CLI prints them and handles signals.
 */
import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { CONFIG_FILE_NAMES, findConfigFile } from '../config/index.js';
import { diagnostic } from '../diagnostics/create.js';
import type { RunOptions, RunResult } from '../pipeline/run.js';
import type { Session, SessionScope } from '../pipeline/session.js';
import { createWorkspace } from '../pipeline/workspace.js';
import { createContentHashes } from './content-hashes.js';
import { createRebuildQueue } from './rebuild-queue.js';
import { watchTargets, type WatchTargets } from './targets.js';
import { createRootWatch } from './roots.js';
import { addFiles, addPaths } from './watcher.js';

/**
 * The quiet period after a change before a build starts, when the config does not set `debounce`:
 * long enough to make one build of the events of one save (an editor's write, rename and chmod,
 * several files saved at once, all within a few ms), as webpack's `aggregateTimeout` (20 ms).
 * It no longer has to outlast chokidar's 50 ms in which a file's further change events are dropped
 * (a save written in parts reported at its first part only): a build never commits what it read
 * from a file that changed since its last reported event (see `settledSince`), and the file is
 * read again `TRAILING_CHECK_MS` after that event anyway.
 */
export const DEFAULT_DEBOUNCE_MS = 20;

/**
 * How long after a file's reported change its content is read once more: chokidar drops the
 * file's change events for 50 ms after it reports one, so the last part of a save written in
 * parts may never be reported. A build's commit waits for the same moment (`settledSince`).
 */
const TRAILING_CHECK_MS = 60;

/** How long watching must be idle after a build before the format cache is written. */
const CACHE_SAVE_IDLE_MS = 1000;

export interface WatchOptions extends Omit<RunOptions, 'mode'> {
  /** Poll the file system instead of native events (Docker bind mounts, WSL, network drives). */
  poll?: boolean;
  /** The quiet period in ms; default: the config's `debounce` (largest over its projects), else 20. */
  debounceMs?: number;
  /** Called after every build, the first one included. */
  onBuild?: (build: WatchBuild) => void;
  /** Called for every file event the watcher reports (after the first scan), kept or ignored. */
  onEvent?: (event: WatchEvent) => void;
  /** Called when the watcher reports an error (watching goes on with what it still watches). */
  onError?: (error: Error) => void;
}

export interface WatchBuild {
  /** 1 for the first, full build; the builds reported count up by one (a superseded or abandoned build is not counted). */
  number: number;
  /** The changed files that caused it (POSIX, relative to cwd); empty for the first build. */
  changed: string[];
  result: RunResult;
}

export interface WatchEvent {
  /** `addDir`: a templates or plugin folder that did not exist, made (empty); chokidar's own `addDir` events are not listened to. */
  kind: 'add' | 'addDir' | 'change' | 'unlink' | 'unlinkDir';
  /** POSIX, relative to cwd. */
  file: string;
  /** Why it builds nothing: the bytes did not change, or the path does not concern the build. */
  ignored?: 'same content' | 'not an input';
}

export interface WatchHandle {
  /** The first build, resolved once it is done; the watcher was watching before it started. */
  readonly ready: Promise<WatchBuild>;
  /** The next build to finish after this call. Call it before making the change it should see. */
  nextBuild(): Promise<WatchBuild>;
  /** Stops watching: a build not yet writing writes nothing, one writing finishes its commit. */
  close(): Promise<void>;
}

/** Starts watch mode; see `WatchHandle`. */
export function startWatch(options: WatchOptions = {}): WatchHandle {
  const cwd = resolve(options.cwd ?? process.cwd());
  const workspace = createWorkspace({ ...options, cwd, mode: 'write', reuse: true });
  const hashes = createContentHashes();
  const abort = new AbortController();
  let waiters: ((build: WatchBuild) => void)[] = [];
  let count = 0;
  let targets: WatchTargets | undefined;
  let watchedSession: Session | undefined;
  let watchedFailure: SessionScope | undefined;
  let closed = false;
  /**
   * Files the programs import from outside what the targets name (a shared types folder beside
   * the inputs, a monorepo package's sources): watched one by one, as `tsc --watch` watches
   * every file of its program, so that an edit there builds as an input's edit does.
   */
  const imported = new Set<string>();
  const relevant = (file: string) => (targets?.relevant(file) ?? false) || imported.has(file);
  /** Per file, the read due `TRAILING_CHECK_MS` after its last reported change. */
  const trailing = new Map<string, NodeJS.Timeout>();
  /** Per file, when chokidar last reported an event for it (performance.now()). */
  const reportedAt = new Map<string, number>();
  const show = (file: string) => relative(cwd, file).split(sep).join('/');

  const build = async (files: string[]): Promise<WatchBuild> => {
    let result: RunResult;
    try {
      const beforeCommit = files.length > 0 ? settledSince(files, hashes.snapshot(files)) : undefined;
      result = await workspace.build({ files, signal: abort.signal, ...(beforeCommit ? { beforeCommit } : {}) });
      // A failed build commits nothing, so it was not asked: its errors may be those of a half-written save (a syntax error).
      if (result.exitCode === 2 && !result.aborted && beforeCommit && !(await beforeCommit())) result = { ...result, superseded: true };
    } catch (error) {
      result = failedBuild(error);
    }
    // Numbered when announced: a superseded build is not reported, and the numbers users see run 1, 2, 3.
    return { number: 0, changed: files.map(show), result };
  };
  /**
   * The format cache is written once watching has been idle for `CACHE_SAVE_IDLE_MS` after a build
   * (and on close), not within a build nor right after it (see WorkspaceOptions.reuse): writing
   * it is a whole-file JSON of every formatted text, which would hold up the next save's build.
   * A cache lost to a crash before it is written only costs formatting again.
   */
  let saving: Promise<void> = Promise.resolve();
  let unsaved = false;
  let saveTimer: NodeJS.Timeout | undefined;
  const saveNow = () => {
    saveTimer = undefined;
    if (!unsaved) return saving;
    unsaved = false;
    saving = saving.then(() => workspace.saveCaches());
    return saving;
  };
  const announce = (built: WatchBuild) => {
    // A file it read changed before it wrote: the build queued for that change is the one to report and wait for.
    if (built.result.superseded) return;
    const done = built.result.aborted ? built : { ...built, number: ++count };
    // A build abandoned because watching stops wrote nothing and failed at nothing: it is not a build to report.
    if (!done.result.aborted) options.onBuild?.(done);
    const waiting = waiters;
    waiters = [];
    for (const resolveWaiter of waiting) resolveWaiter(done);
    if (done.result.aborted) return;
    unsaved = true;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      // A build started meanwhile (or due) saves after it instead.
      if (queue.busy()) return;
      void saveNow();
    }, CACHE_SAVE_IDLE_MS);
    saveTimer.unref();
  };

  const queue = createRebuildQueue(
    async (files) => {
      const done = await build(files);
      // A reloaded config may name other folders: watch what the new one names, before saying the build is done.
      if (scopeChanged()) await retarget();
      await watchImports();
      announce(done);
    },
    () => options.debounceMs ?? debounceOf(workspace.session),
  );

  /**
   * The commit check of a build of `files` (see WorkspaceChanges.beforeCommit): waits until
   * `TRAILING_CHECK_MS` have passed since each file's last reported event (chokidar reports no
   * part of a save written within 50 ms of a reported one), then reads them. A file whose bytes
   * are no longer those recorded when the build started (`before`), with no event reported since,
   * was written on unannounced: the build may have read it half-written, so it writes nothing and
   * one more build reads the file as it is now. A change reported meanwhile does not stop the
   * commit (its own build follows; saves coming faster than builds still get outputs written).
   * A build slower than that wait (any real one) does not wait at all.
   */
  const settledSince = (files: readonly string[], before: ReadonlyMap<string, string | undefined>) => {
    const started = performance.now();
    return async (): Promise<boolean> => {
      const last = Math.max(...files.map((file) => reportedAt.get(file) ?? 0));
      const wait = last + TRAILING_CHECK_MS - performance.now();
      if (wait > 0) await new Promise((resolveWait) => setTimeout(resolveWait, wait));
      let settled = true;
      for (const file of files) {
        if ((reportedAt.get(file) ?? 0) > started || before.get(file) === (await hashes.current(file))) continue;
        settled = false;
        await hashes.changed(file);
        queue.add(file);
      }
      return settled;
    };
  };

  const onEvent = async (kind: WatchEvent['kind'], path: string) => {
    const file = resolve(path);
    reportedAt.set(file, performance.now());
    const report = (ignored?: WatchEvent['ignored']) => options.onEvent?.({ kind, file: show(file), ...(ignored ? { ignored } : {}) });
    // chokidar stops watching a watched root that is deleted (the input folder, by a branch switch
    // or a script that makes it again): it is watched for from then on (see roots.ts).
    if ((kind === 'unlinkDir' || kind === 'unlink') && roots.has(file)) roots.vanished(file);
    if (kind === 'unlinkDir') {
      const gone = removedBelow(file);
      report(gone.length === 0 ? 'not an input' : undefined);
      for (const each of gone) queue.add(each);
      return;
    }
    if (!relevant(file)) return report('not an input');
    if (kind === 'unlink') {
      hashes.remove(file);
      // chokidar stops watching a deleted file: its folder is watched so that its return builds (git checkout, undo).
      if (imported.has(file) && roots.main) addPaths(roots.main, [dirname(file)]);
    }
    else {
      checkAgainLater(file);
      if (!(await hashes.changed(file))) return report('same content');
    }
    report();
    queue.add(file);
  };

  /**
   * The known files at or below a deleted path, forgotten; with the path itself when it is a
   * templates or plugin folder (its going changes the build even when it held nothing: CG1014).
   */
  const removedBelow = (path: string): string[] => {
    const gone = hashes.within(path);
    for (const each of gone) hashes.remove(each);
    if (hashes.remove(path) || (roots.has(path) && relevant(path))) gone.push(path);
    return gone;
  };

  /**
   * A root that was not there is now, and is watched: the files it holds that concern the build
   * build now (made before its watcher was ready, they are reported by none), and so does
   * an empty templates or plugin folder (its making is what a session missing it waits for).
   */
  const onAppear = async (root: string) => {
    const current = targets;
    if (!current || closed) return;
    for (const file of await filesBelow([root], current)) {
      if (!(await hashes.changed(file))) continue;
      options.onEvent?.({ kind: isFolder(file) ? 'addDir' : 'add', file: show(file) });
      queue.add(file);
    }
  };

  /** A root that went without the watcher saying so (its parent deleted, `rm -rf src`): what it held builds as removed. */
  const onVanish = (root: string) => {
    if (closed) return;
    const wasFile = hashes.snapshot([root]).get(root) !== undefined;
    const gone = removedBelow(root);
    options.onEvent?.({ kind: wasFile ? 'unlink' : 'unlinkDir', file: show(root), ...(gone.length === 0 ? { ignored: 'not an input' as const } : {}) });
    for (const each of gone) queue.add(each);
  };

  const roots = createRootWatch({
    ignored: (path) => targets?.ignored(path) ?? false,
    poll: options.poll ?? false,
    onWatcher: (watcher) => {
      for (const kind of ['add', 'change', 'unlink', 'unlinkDir'] as const) {
        watcher.on(kind, (path: string) => void onEvent(kind, path));
      }
      // Without a listener an error would end the process; a watch that failed must not end watching.
      watcher.on('error', (error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
    },
    onAppear,
    onVanish,
    onError: (error) => options.onError?.(error),
  });

  /**
   * Reads `file` again once chokidar reports its changes again: bytes written right after the
   * reported change (the rest of a save, whose events chokidar dropped) make a build then, which
   * they would otherwise only make at the next save. Bytes read already build nothing more.
   */
  const checkAgainLater = (file: string) => {
    clearTimeout(trailing.get(file));
    const timer = setTimeout(() => {
      trailing.delete(file);
      if (closed || !relevant(file)) return;
      void hashes.changed(file).then((changed) => {
        if (!changed || closed) return;
        options.onEvent?.({ kind: 'change', file: show(file) });
        queue.add(file);
      });
    }, TRAILING_CHECK_MS);
    timer.unref();
    trailing.set(file, timer);
  };

  /** Whether the configs watched are no longer those the workspace holds (a reload, or a load that failed anew). */
  const scopeChanged = () => workspace.session !== watchedSession || workspace.failedScope !== watchedFailure;

  /**
   * Watches what the session names and, when the config on disk failed to load after it was read,
   * what that one names too (a templates folder or plugin not made yet: making it must build); with
   * neither, the config file alone.
   */
  const retarget = async () => {
    const session = workspace.session;
    const failed = workspace.failedScope;
    watchedSession = session;
    watchedFailure = failed;
    const scopes = [...(session ? [session] : []), ...(failed ? [failed] : [])];
    const next = scopes.length > 0 ? watchTargets(scopes) : configOnly(options, cwd);
    targets = next;
    if (!roots.main) {
      // The files there now are recorded after the watcher is ready: a change from here on is
      // either seen by the watcher (and builds) or already in what the seed reads (and in what the
      // first build reads, which starts after this).
      const watched = await roots.set(next.paths);
      for (const file of await filesBelow(watched, next)) await hashes.seed(file);
      return;
    }
    // The files already in a newly watched folder are recorded first (the build that loaded this config read them): the watcher reports only what changes after.
    await roots.set(next.paths, async (added) => {
      for (const file of await filesBelow(added, next)) await hashes.seed(file);
    });
  };

  /** Watches the files the last build's programs hold that nothing watched yet (see `imported`). */
  const watchImports = async () => {
    const current = targets;
    const watcher = roots.main;
    if (!watcher || !current || closed) return;
    const fresh = workspace.sourceFiles().filter((file) => !imported.has(file) && !current.ignored(file) && !current.relevant(file));
    if (fresh.length === 0) return;
    // Recorded before the watcher sees them: a change from here on builds, the bytes read already do not.
    for (const file of fresh) {
      imported.add(file);
      await hashes.seed(file);
    }
    await addFiles(watcher, fresh);
  };

  const ready = (async () => {
    // What to watch comes from the config: load it, watch, then build (in the queue's build
    // slot, so that changes seen meanwhile wait for it and then build once).
    await workspace.open();
    if (!closed) await retarget();
    return queue.exclusive(async () => {
      const first = await build([]);
      if (!closed && scopeChanged()) await retarget();
      await watchImports();
      if (closed) await roots.close();
      announce(first);
      return first;
    });
  })();

  return {
    ready,
    nextBuild: () => new Promise((resolveBuild) => waiters.push(resolveBuild)),
    async close() {
      if (closed) return;
      closed = true;
      abort.abort();
      for (const timer of trailing.values()) clearTimeout(timer);
      trailing.clear();
      await ready.catch(() => undefined);
      await queue.stop();
      await roots.close();
      if (saveTimer) clearTimeout(saveTimer);
      await saveNow();
      await workspace.close();
    },
  };
}

/** The files at or below `paths` that the targets do not ignore. */
async function filesBelow(paths: readonly string[], targets: WatchTargets): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const files = await glob('**/*', { cwd: path, absolute: true, dot: true, ignore: ['**/node_modules/**'] }).catch(() => []);
    found.push(...(files.length > 0 ? files : [path]).filter((file) => !targets.ignored(file) && targets.relevant(file)));
  }
  return found;
}

/** The largest `debounce` of the session's projects, or the default. */
function debounceOf(session: Session | undefined): number {
  const values = session?.projects.map((project) => project.debounce) ?? [];
  return values.length > 0 ? Math.max(...values) : DEFAULT_DEBOUNCE_MS;
}

/**
 * No config ever read: watch the config file alone, so fixing it starts the work; with none
 * found, the names one may be made under in `cwd` (`codegen init`, or a file written by hand).
 */
function configOnly(options: WatchOptions, cwd: string): WatchTargets {
  const file = options.config ? resolve(cwd, options.config) : findConfigFile(cwd);
  const files = file ? [file] : CONFIG_FILE_NAMES.map((name) => resolve(cwd, name));
  return { paths: files, ignored: () => false, relevant: (path) => files.includes(path) };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** An unexpected failure of a build, reported like any error; watching goes on. */
function failedBuild(error: unknown): RunResult {
  const message = error instanceof Error ? error.message : String(error);
  const failure = diagnostic('CG5003', { message: `Unexpected internal error: ${message}` });
  if (error instanceof Error && error.stack) failure.stack = error.stack;
  return { mode: 'write', generators: [], exitCode: 2, diagnostics: [failure], projects: [], timings: {}, durationMs: 0 };
}
