import { afterEach } from 'vitest';
import { startWatch, type WatchHandle, type WatchOptions } from '../../src/watch/index.js';
import { removeProject } from './workspace.js';

/** What a test file's watch sessions are opened and its project folders registered with. */
export interface WatchSessions {
  /** Starts watch mode; the session is closed after the test if the test did not close it. */
  start(options: WatchOptions): WatchHandle;
  /** Registers a project folder to remove after the test; returns it. */
  track(folder: string): string;
}

/**
 * Watch sessions for the tests of one file: after each test every session still open is closed
 * (closing twice is harmless) and every registered folder removed, so a failed assertion leaves
 * no watcher running into the next test.
 */
export function useWatchSessions(): WatchSessions {
  const handles: WatchHandle[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    for (const handle of handles.splice(0)) await handle.close();
    for (const folder of folders.splice(0)) removeProject(folder);
  });
  return {
    start(options) {
      const handle = startWatch(options);
      handles.push(handle);
      return handle;
    },
    track(folder) {
      folders.push(folder);
      return folder;
    },
  };
}
