/**
 * Whether a backtracking engine can take exponential time on a pattern, read from its sampleable
 * tree: the one test that decides whether codegen runs a user's RegExp at generation time.
 */
import type { RegexNode } from './regex-parse.js';

/**
 * True for a repeat that can run more than once around another such repeat or an alternation
 * (`(a+)+`, `(a|ab)*`), the shape of every classic ReDoS.
 */
export function backtracksExponentially(tree: RegexNode): boolean {
  const risky = (node: RegexNode, insideRepeat: boolean): boolean => {
    switch (node.kind) {
      case 'repeat': {
        const repeats = node.max > 1;
        if (repeats && insideRepeat) return true;
        return risky(node.node, insideRepeat || repeats);
      }
      case 'alternation':
        return (insideRepeat && node.options.length > 1) || node.options.some((option) => risky(option, insideRepeat));
      case 'sequence':
        return node.items.some((item) => risky(item, insideRepeat));
      default:
        return false;
    }
  };
  return risky(tree, false);
}
