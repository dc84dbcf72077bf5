/**
 * Formatting a large output in pieces: which outputs may be split (the Prettier and options under
 * which the pieces' outputs joined are byte-identical to Prettier's output for the whole file,
 * test/unit/emit/chunked-format.test.ts), the split (split-statements.ts for TypeScript,
 * split-json.ts for JSON), and the join. Pieces are formatted and cached one by one, so one huge
 * file uses every worker and an edit re-formats only the pieces it touched.
 */
import { splitJson, type JobLines, type SplitPlan } from './split-json.js';
import { MAX_PIECE, MIN_PIECE, splitStatements } from './split-statements.js';

export type { JobLines, SplitPlan } from './split-json.js';

/** Options under which a piece may print differently than inside the whole file: such files are formatted whole. */
const WHOLE_FILE_OPTIONS = ['plugins', 'requirePragma', 'insertPragma', 'rangeStart', 'rangeEnd', 'cursorOffset'];

/**
 * The split of `text` for Prettier `version` with `options` (the resolved config and `parser`), or
 * undefined when it is formatted whole: small files, other parsers than `typescript` and `json`,
 * a Prettier other than 3 (the identity is proven for 3), plugins (a plugin may print the program
 * as a whole), pragmas and ranges, and texts that cannot be split safely. `scan`: a TypeScript
 * output of codegen's own layout, whose cuts a scan finds instead of a parse (scan-cuts.ts).
 */
export async function planSplit(
  text: string,
  version: string,
  options: Record<string, unknown>,
  size: { min: number; max: number } = { min: MIN_PIECE, max: MAX_PIECE },
  scan = false,
): Promise<SplitPlan | undefined> {
  if (!version.startsWith('3.')) return undefined;
  if (WHOLE_FILE_OPTIONS.some((name) => options[name] !== undefined && options[name] !== false && !(Array.isArray(options[name]) && options[name].length === 0)))
    return undefined;
  if (options.parser === 'json') return splitJson(text, options, size.min, size.max);
  if (options.parser !== 'typescript') return undefined;
  const pieces = await splitStatements(text, size.min, size.max, scan);
  if (!pieces) return undefined;
  return {
    jobs: pieces.map((piece) => piece.text),
    join: (outputs) => {
      const counts = outputs.map(lineCount);
      // A piece that prints as nothing would lose its separator: the whole file is formatted instead.
      if (counts.some((count) => count === 0)) return undefined;
      return pieces.flatMap((piece, job): (string | JobLines)[] => {
        const whole: JobLines = { job, from: 0, to: counts[job]! };
        return piece.blankBefore ? ['\n', whole] : [whole];
      });
    },
  };
}

/** The joined text of `segments`, taking each job's lines from `outputText(job)`. */
export function joinSegments(segments: readonly (string | JobLines)[], outputText: (job: number) => string): string {
  const split = new Map<number, string[]>();
  let joined = '';
  for (const segment of segments) {
    if (typeof segment === 'string') {
      joined += segment;
      continue;
    }
    const text = outputText(segment.job);
    if (segment.from === 0 && segment.to === lineCount(text)) {
      joined += text;
      continue;
    }
    let lines = split.get(segment.job);
    if (!lines) {
      lines = text.split('\n');
      split.set(segment.job, lines);
    }
    for (let line = segment.from; line < segment.to; line += 1) joined += `${lines[line]}\n`;
  }
  return joined;
}

/** How many lines a Prettier output (ending with a line break, or empty) has. */
function lineCount(output: string): number {
  if (output === '') return 0;
  let count = 0;
  for (let at = output.indexOf('\n'); at >= 0; at = output.indexOf('\n', at + 1)) count += 1;
  return count;
}
