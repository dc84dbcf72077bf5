import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../src/emit/index.js';

describe('unifiedDiff', () => {
  it('shows a changed line with context', () => {
    expect(unifiedDiff('user.ts', 'a\nb\nc\n', 'a\nB\nc\n')).toBe(
      '--- a/user.ts\n+++ b/user.ts\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n',
    );
  });

  it('diffs a created file against empty and a deleted one to empty', () => {
    expect(unifiedDiff('new.ts', undefined, 'x\n')).toBe('--- /dev/null\n+++ b/new.ts\n@@ -0,0 +1,1 @@\n+x\n');
    expect(unifiedDiff('old.ts', 'x\n', undefined)).toBe('--- a/old.ts\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-x\n');
  });

  it('is empty when nothing changes', () => {
    expect(unifiedDiff('same.ts', 'x\n', 'x\n')).toBe('');
  });
});
