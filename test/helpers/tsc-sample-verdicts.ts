/**
 * TypeScript's own verdict on sample values: each `const v: T = <sample>` compiled by tsc
 * --strict against the fixture's input, so a fixture's valid and invalid samples are checked
 * against the type checker rather than against what the generators believe.
 */
import { basename, join } from 'node:path';
import ts from 'typescript';
import type { FixtureSamples } from './validate-samples.js';

/** Each sample as `T valid|invalid <sample>`, with the verdict tsc gives (`expected` says which it should be). */
export function tscSampleVerdicts(input: string, samples: FixtureSamples): { actual: string[]; expected: string[] } {
  const lines: Array<{ line: string; valid: boolean }> = [];
  for (const [type, typeSamples] of Object.entries(samples)) {
    for (const [values, valid] of [[typeSamples.valid, true], [typeSamples.invalid, false]] as const) {
      for (const value of values) lines.push({ line: `export const v${lines.length}: T.${type} = ${tsLiteral(value)};`, valid });
    }
  }
  const module = `./${basename(input).replace(/\.ts$/, '.js')}`;
  const rejected = rejectedLines(input, [`import type * as T from '${module}';`, ...lines.map((entry) => entry.line)]);
  return {
    actual: lines.map((entry, i) => `${entry.line} ${rejected.has(i + 1) ? 'rejected' : 'accepted'}`),
    expected: lines.map((entry) => `${entry.line} ${entry.valid ? 'accepted' : 'rejected'}`),
  };
}

/** A value as a TypeScript expression whose type is the value's (keys quoted: `"__proto__": 1` is a property to the type checker). */
function tsLiteral(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{ ${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}: ${tsLiteral((value as Record<string, unknown>)[key])}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** The 0-based lines of `lines` (a file beside `input`) that tsc --strict reports an error on; throws if `input` itself does not compile. */
function rejectedLines(input: string, lines: string[]): Set<number> {
  const check = join(input, '..', '__samples.ts');
  const text = lines.join('\n');
  // The ES2022 library only, and no @types: the fixtures' types and samples need neither DOM nor
  // Node, and without `types` TypeScript would load every @types package of this repo's
  // node_modules (node, pg, chai…) and the DOM library: ~3 s of CPU per call instead of ~0.8. A
  // fixture that needed them would not compile here, and this throws rather than misjudging.
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: [],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === check ? text : readFile(file));
  host.fileExists = (file) => file === check || fileExists(file);
  host.getSourceFile = (file, language) => (file === check ? ts.createSourceFile(file, text, language) : getSourceFile(file, language));
  const program = ts.createProgram([check, input], options, host);
  const own = program.getSemanticDiagnostics(program.getSourceFile(input));
  if (own.length > 0) throw new Error(`${input} does not compile: ${own.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join('; ')}`);
  const file = program.getSourceFile(check)!;
  const rejected = new Set<number>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program, file)) {
    if (diagnostic.file?.fileName === check && diagnostic.start !== undefined) rejected.add(file.getLineAndCharacterOfPosition(diagnostic.start).line);
  }
  return rejected;
}
