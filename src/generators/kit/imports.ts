/** Import lists of generated files: one statement per module, in an order that never depends on discovery order. */

/** One import statement as templates print it: `import { names } from "from";`. */
export interface ImportView {
  /** The import list as written between the braces: `isUser, collectUserIssues`. */
  names: string;
  from: string;
}

/** Imports grouped by module, modules and names sorted, so output does not depend on discovery order. */
export function groupImports(entries: Iterable<{ name: string; from: string }>): ImportView[] {
  const byModule = new Map<string, Set<string>>();
  for (const { name, from } of entries) byModule.set(from, (byModule.get(from) ?? new Set()).add(name));
  return [...byModule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([from, names]) => ({ from, names: [...names].sort().join(', ') }));
}
