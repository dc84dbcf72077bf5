/**
 * Whether a model source path lies in an installed package (`node_modules/...`, at any depth,
 * `../../node_modules/@types/node/fs.d.ts` included): a file the user cannot edit.
 */

/** True for a path (POSIX, as the model and diagnostics write it) inside a `node_modules` folder. */
export function isInstalledSource(file: string): boolean {
  return /(^|\/)node_modules\//.test(file);
}
