import { createTwoFilesPatch } from 'diff';

/**
 * A plain unified diff of one output (the CLI colours it); a created file diffs against
 * empty, a deleted one to empty. Empty when nothing changes.
 */
export function unifiedDiff(path: string, before: string | undefined, after: string | undefined): string {
  if (before === after) return '';
  const oldName = before === undefined ? '/dev/null' : `a/${path}`;
  const newName = after === undefined ? '/dev/null' : `b/${path}`;
  const patch = createTwoFilesPatch(oldName, newName, before ?? '', after ?? '', undefined, undefined, { context: 3 });
  // The `====` rule jsdiff puts first is not part of the unified format git and editors read.
  return patch.replace(/^=+\n/, '');
}
