/**
 * The limits a config file must stay within, so that loading it takes bounded time and memory
 * whatever it holds (a config is a few hundred bytes in practice; these are far above that).
 * Each is reported as a config error at the offending key or value, never as an internal error.
 */
export const CONFIG_LIMITS = {
  /** Bytes of the config file, checked before it is read (parsing takes about 1 s per 100 KB of keys). */
  fileBytes: 256 * 1024,
  /** Levels of nested mappings and sequences. */
  nesting: 64,
  /** Expanded uses of YAML aliases (`*name`): a "billion laughs" document stops here. */
  aliases: 100,
  /** Entries of each of `input`, `plugins` and `protect`. */
  listItems: 1000,
  /** Characters of one path or glob (Linux's PATH_MAX). */
  pathLength: 4096,
  /** Entries under `generators` of one project. */
  generators: 100,
  /** Entries under `projects`. */
  projects: 100,
} as const;

/** `1,048,576`: numbers as messages print them. */
export function formatCount(count: number): string {
  return count.toLocaleString('en');
}
