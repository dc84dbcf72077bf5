/** Watch mode: chokidar, debouncing and a long-lived pipeline workspace re-run for what changed. */
export { startWatch, DEFAULT_DEBOUNCE_MS, type WatchBuild, type WatchEvent, type WatchHandle, type WatchOptions } from './start-watch.js';
