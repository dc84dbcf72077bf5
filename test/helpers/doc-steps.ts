/**
 * Reads a Markdown walk-through (docs/getting-started.md, README.md) as the steps a reader takes,
 * in document order, so a test can run them. The convention, kept visible to readers:
 *
 * - A fenced block with lines starting `$ ` is commands: each `$ ` line is a command, the lines
 *   after it (up to the next `$ ` line) the output it shows. A line `…` ends a shown excerpt.
 *   A command must exit 0 unless the next one is `$ echo $?`, whose output is its exit code.
 * - A fenced `sh` block without `$ ` lines is commands only, one per line (comments allowed).
 * - `<!-- docs-test: file PATH -->` before a fenced block: the block is the whole of PATH;
 *   `append PATH` adds it to the end of PATH; `set PATH` replaces, for each `key: value` line of
 *   the block, the line of PATH that starts with `key:`.
 * - Every other block (excerpts of output files, snippets) is illustration and not run.
 */

export type DocStep =
  | { kind: 'file' | 'append' | 'set'; line: number; path: string; content: string }
  | { kind: 'command'; line: number; command: string; output?: string[] };

const DIRECTIVE = /^<!-- docs-test: (file|append|set) (\S+) -->$/;
const FENCE = /^```(\w*)\s*$/;

/** The steps of one Markdown text; throws on a directive that is not followed by a block. */
export function readDocSteps(markdown: string): DocStep[] {
  const lines = markdown.split('\n');
  const steps: DocStep[] = [];
  let directive: { kind: 'file' | 'append' | 'set'; path: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const found = DIRECTIVE.exec(lines[i]!);
    if (found) {
      directive = { kind: found[1] as 'file', path: found[2]!, line: i + 1 };
      continue;
    }
    const fence = FENCE.exec(lines[i]!);
    if (!fence) {
      if (directive && lines[i]!.trim() !== '') throw new Error(`line ${directive.line}: a docs-test directive must be followed by a fenced block`);
      continue;
    }
    const start = i + 1;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    if (directive) steps.push({ ...directive, line: start, content: `${body.join('\n')}\n` });
    else steps.push(...commandsOf(body, fence[1]!, start));
    directive = undefined;
  }
  return steps;
}

/** The commands of one block (none for an illustration); `start` is the block's first line. */
function commandsOf(body: string[], language: string, start: number): DocStep[] {
  const steps: Array<DocStep & { kind: 'command' }> = [];
  if (body.some((line) => line.startsWith('$ '))) {
    body.forEach((line, index) => {
      if (line.startsWith('$ ')) steps.push({ kind: 'command', line: start + index + 1, command: line.slice(2), output: [] });
      else steps.at(-1)?.output?.push(line);
    });
    return steps;
  }
  if (language !== 'sh') return [];
  body.forEach((line, index) => {
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) steps.push({ kind: 'command', line: start + index + 1, command: line });
  });
  return steps;
}

/** The exit code a command must end with: the output of a following `$ echo $?`, else 0. */
export function expectedExitCode(steps: DocStep[], index: number): number {
  const next = steps[index + 1];
  if (next?.kind === 'command' && next.command === 'echo $?' && next.output?.length) return Number(next.output[0]);
  return 0;
}
