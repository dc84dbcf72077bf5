/**
 * The proof behind the layout printer (src/emit/layout/): on every piece it accepts, its output is
 * byte-identical to Prettier's. Checked on the pieces (as the formatter cuts them) of the
 * TypeScript outputs the fixtures expect, of the bundled example, and of a freshly generated
 * synthetic corpus like the benchmark's c1000 (rendered, not formatted: what the printer meets in
 * a run); and on generated validator-shaped code whose names (1..60 characters) move lines across
 * the 80-column edge, so each line-breaking decision is taken both ways. Where it declines, the
 * formatter gives the piece to Prettier, and a run's outputs are the same with and without it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as prettier from 'prettier';
import { ts } from 'ts-morph';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticProject } from '../../../bench/generation/synthetic-project.js';
import { createFormatter, nodeFileSystem } from '../../../src/emit/index.js';
import { layoutOptions, printLayout } from '../../../src/emit/layout/index.js';
import { splitStatements } from '../../../src/emit/split-statements.js';
import { run } from '../../../src/pipeline/run.js';
import { TMP_ROOT } from '../../helpers/paths.js';
import { renderedExample } from '../../helpers/rendered-example.js';

const SEED = Number(process.env['PROPERTY_SEED'] ?? 12);
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 150);
const OPTIONS = layoutOptions(prettier.version, 'typescript', {})!;
const tools = { ts, doc: prettier.doc };
/** Words that cannot name a variable (the property test's names avoid them). */
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await as of type async'.split(' '),
);

/** What the printer took of a set of texts, and where it differed from Prettier. */
interface Comparison {
  pieces: number;
  taken: number;
  bytes: number;
  takenBytes: number;
  differing: string[];
}

/** The pieces the formatter would format of `text` (or the whole text when it is not split). */
async function piecesOf(text: string): Promise<string[]> {
  const pieces = await splitStatements(text, undefined, undefined, true);
  return pieces ? pieces.map((piece) => piece.text) : [text];
}

async function compare(texts: Iterable<[string, string]>): Promise<Comparison> {
  const result: Comparison = { pieces: 0, taken: 0, bytes: 0, takenBytes: 0, differing: [] };
  for (const [label, text] of texts) {
    for (const piece of await piecesOf(text)) {
      result.pieces += 1;
      result.bytes += piece.length;
      const own = printLayout(piece, OPTIONS, tools);
      if (own === undefined) continue;
      result.taken += 1;
      result.takenBytes += piece.length;
      const expected = await prettier.format(piece, { parser: 'typescript' });
      if (own !== expected) result.differing.push(`${label}: ${firstDifference(own, expected)}`);
    }
  }
  return result;
}

function firstDifference(own: string, expected: string): string {
  const a = own.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  return `line ${line + 1}: printed ${JSON.stringify(a[line])}, Prettier ${JSON.stringify(b[line])}`;
}

function readAll(pattern: string): [string, string][] {
  return globSync(pattern)
    .sort()
    .map((file) => [file, readFileSync(file, 'utf8')]);
}

describe('the layout printer prints what Prettier prints', () => {
  let corpus: string;
  /** The bundled example, rendered and not formatted: every built-in generator's raw output. */
  let example: [string, string][];
  beforeAll(async () => {
    mkdirSync(TMP_ROOT, { recursive: true });
    corpus = mkdtempSync(join(TMP_ROOT, 'layout-'));
    writeSyntheticProject(corpus, { files: 2, generators: ['validate', 'mock', 'openapi'] });
    expect((await run({ cwd: corpus, format: false })).exitCode).toBe(0);
    example = await renderedExample();
  }, 240_000);
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  it('on the bundled example, rendered and not formatted (every built-in generator)', async () => {
    expect(example.length).toBeGreaterThan(20);
    const result = await compare(example);
    expect(result.differing).toEqual([]);
    expect(result.taken).toBeGreaterThan(0);
    console.info(`layout printer, example rendered: ${result.taken}/${result.pieces} pieces (${result.takenBytes}/${result.bytes} bytes)`);
  }, 300_000);

  it('on a generated synthetic corpus (the benchmark c1000, two of its files), rendered and not formatted', async () => {
    const validators = await compare(readAll(`${corpus}/src/generated/*.validate.ts`));
    const others = await compare(readAll(`${corpus}/src/generated/!(*.validate).ts`));
    expect(validators.differing).toEqual([]);
    expect(others.differing).toEqual([]);
    // The validators are what the printer is for: it must take nearly all of them.
    expect(validators.takenBytes / validators.bytes).toBeGreaterThan(0.9);
    console.info(`layout printer, synthetic corpus: validators ${validators.taken}/${validators.pieces} pieces (${validators.takenBytes}/${validators.bytes} bytes); other outputs ${others.taken}/${others.pieces} pieces (${others.takenBytes}/${others.bytes} bytes)`);
  }, 120_000);

  it('on the outputs the fixtures expect and the bundled example', async () => {
    const texts = new Map<string, string>();
    // Many fixtures share outputs byte for byte: each distinct text once.
    for (const [file, text] of [...readAll('test/fixtures/**/expected/**/*.ts'), ...readAll('examples/bookstore/src/generated/**/*.ts')]) {
      if (![...texts.values()].includes(text)) texts.set(file, text);
    }
    const result = await compare(texts);
    expect(result.differing).toEqual([]);
    expect(result.taken).toBeGreaterThan(0);
    console.info(`layout printer, fixtures and example: ${result.taken}/${result.pieces} pieces (${result.takenBytes}/${result.bytes} bytes)`);
  }, 300_000);

  it('with names of 1 to 60 characters, on both sides of the 80-column edge', async () => {
    const name = fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,59}$/).filter((text) => !RESERVED.has(text));
    const literal = fc.stringMatching(/^[ -~]{0,50}$/).map((text) => JSON.stringify(text));
    const statement = fc.oneof(
      fc.tuple(name, literal).map(([n, l]) => `if (value[${JSON.stringify(n)}] === undefined) report(issues, path + "/${n}", "required", ${l});`),
      fc.tuple(name, name).map(([n, m]) => `if (value[${JSON.stringify(m)}] !== undefined) report(issues, path, "${n}", "${m}");\nelse if (!(typeof value[${JSON.stringify(n)}] === "number" && Number.isFinite(value[${JSON.stringify(n)}]))) report(issues, path + "/${n}", "type", "${m}");`),
      fc.tuple(name, name, name).map(([a, b, c]) => `if (!((${a}.length <= 80 || codePointLength(${b}) <= 80) && ${c}.test(${a}))) return false;`),
      fc.array(name, { minLength: 1, maxLength: 8 }).map((names) => `const { ${[...new Set(names)].join(', ')} } = value;`),
      fc.tuple(name, name).map(([a, b]) => `const ${a} = ${b}[i];`),
      fc.tuple(name, name).map(([a, b]) => `const ${a} = new Set<${b}>();\ncycleWalk.${a} = ${b} + 1;\n${a} = ${b};`),
      fc.tuple(name, literal).map(([a, l]) => `const ${a} = ${l};`),
      fc.tuple(name, name).map(([a, b]) => `for (let i = 0; i < ${a}.length; i++) {\n${b}(${a}[i], path + "/" + i, issues);\n}`),
      fc.tuple(name, fc.array(literal, { minLength: 1, maxLength: 4 })).map(([a, cases]) => `for (const key in ${a}) {\nswitch (key) {\n${[...new Set(cases)].map((c) => `case ${c}:`).join('\n')}\nbreak;\ndefault:\nreturn false;\n}\n}`),
      fc.tuple(name, name, name, literal).map(([a, b, c, l]) => `if (!(${a} === undefined || (${b} === null || ${c} === ${l} || (${a} === ${l})))) return false;`),
      fc.tuple(name, name, literal).map(([a, b, l]) => `return { ${b}: r.int(0, 1000), name: ${l}, ...(r.chance(0.5) ? { ${a}: mockWord(r) } : {}), note: r.chance(0.2) ? null : ${b}(r) };`),
      fc.tuple(name, name).map(([a, b]) => `return mockOne<${a}>(overrides, options, (r) => ${b}(r, 0));`),
      // A mock list's unique columns: quoted keys, which Prettier unquotes when they are names.
      fc.tuple(name, name, literal).map(([a, b, l]) => `return mockList(count, options, (r) => ${b}(r, 0), [{ keys: [${JSON.stringify(a)}], label: ${l} }, { keys: [${l}], label: ${l}, wide: { ${JSON.stringify(a)}: (r) => wideText(r, ${b}(r), 1, 80) } }]);`),
      fc.tuple(name, fc.array(literal, { minLength: 1, maxLength: 5 })).map(([a, ls]) => `return oneOf(r, [${ls.map((l) => `() => ${l} as const`).join(', ')}], ${a});`),
      fc.array(name, { minLength: 1, maxLength: 10 }).map((names) => `return ${names.map((n, index) => (index % 3 === 2 ? `(${n} === null || typeof ${n} === "string")` : `typeof ${n} === "string"`)).join(' && ')};`),
    );
    const program = fc.tuple(name, name, fc.array(statement, { minLength: 1, maxLength: 6 }), fc.array(name, { minLength: 1, maxLength: 12 })).map(
      ([fn, type, body, imports]) =>
        `import { ${[...new Set(imports)].join(', ')} } from "./validation.js";\n\n/** Whether \`value\` is a valid \`${type}\`. */\nexport function ${fn}(value: unknown, path: string, issues: ValidationIssue[]): value is ${type} {\nif (!isObject(value)) return false;\n${body.join('\n')}\nreturn true;\n}\n`,
    );
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(program, async (text) => {
        const own = printLayout(text, OPTIONS, tools);
        if (own === undefined) return;
        taken += 1;
        expect(own).toBe(await prettier.format(text, { parser: 'typescript' }));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The shapes are the validators': the printer must take (nearly) all of them.
    expect(taken).toBeGreaterThan(RUNS * 0.9);
  }, 300_000);

  it('with type arguments (unions too), qualified type names, renamed pattern names and arrays of numbers (what a large .d.ts such as @microsoft/microsoft-graph-types gives), on both sides of the edge', async () => {
    const name = fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,39}$/).filter((text) => !RESERVED.has(text));
    const typeName = fc.stringMatching(/^[A-Z][A-Za-z0-9_]{0,39}$/);
    // The types the validators and mocks name: A, A[], A[][], N.A, Wrap<A[]>, Wrap<N.A>, Pair<A, B[]>, "a".
    const type = fc.oneof(
      typeName,
      typeName.map((a) => `${a}[]`),
      typeName.map((a) => `${a}[][]`),
      fc.tuple(typeName, typeName).map(([n, a]) => `${n}.${a}`),
      fc.tuple(typeName, typeName).map(([w, a]) => `${w}<${a}[]>`),
      fc.tuple(typeName, typeName, typeName).map(([w, n, a]) => `${w}<${n}.${a}>`),
      fc.tuple(typeName, typeName, typeName).map(([w, a, b]) => `${w}<${a}, ${b}[]>`),
      fc.tuple(typeName, typeName).map(([w, a]) => `${w}<${a}<string>[]>[]`),
      fc.constant('"a"'),
    );
    // In a type argument also unions (oneOf<"a" | "b">, hugged Page<A> | null), broken one member a line when long.
    const literal = fc.stringMatching(/^[a-zA-Z0-9 ]{0,30}$/).map((text) => JSON.stringify(text));
    const argument = fc.oneof(
      type,
      fc.uniqueArray(literal, { minLength: 2, maxLength: 8 }).map((members) => members.join(' | ')),
      fc.tuple(type, fc.constantFrom('null', 'void')).map(([a, b]) => `${a} | ${b}`),
      fc.tuple(typeName, typeName).map(([a, b]) => `${a} | ${b} | null`),
    );
    const key = fc.oneof(name, name.map((text) => JSON.stringify(text)), fc.constantFrom('"default"', '"class"', 'key', 'value'));
    const pattern = fc.array(fc.tuple(fc.option(key, { nil: undefined }), name), { minLength: 1, maxLength: 5 }).map((elements) => {
      const seen = new Set<string>();
      const unique = elements.filter(([, local]) => !seen.has(local) && seen.add(local));
      return `const { ${unique.map(([written, local]) => (written === undefined ? local : `${written}: ${local}`)).join(', ')} } = value;`;
    });
    // Arrays of numbers, which Prettier fills (the mocks' pattern constants: rep: [65, 90]).
    const numbers = fc.array(fc.oneof(fc.nat(100000), fc.integer({ min: -99, max: -1 }), fc.constantFrom(0.5, 12.25)), { minLength: 1, maxLength: 40 }).map((list) => list.join(', '));
    const program = fc.tuple(name, type, argument, argument, name, pattern, numbers, numbers).map(
      ([fn, t, a, b, other, destructure, list, more]) =>
        `const ${other}_PATTERN = { seq: [{ rep: [${list}], min: 3, max: 3 }, "-", { rep: [${more}] }] } as const;\n` +
        `const ${fn}List = [${more}];\n\n` +
        `/** Checks \`value\`. */\nexport function validate${fn}(value: unknown): ValidationResult<${a}> {\n${destructure}\nreturn validateWith<${a}>(value, is${fn}, collect${other}Issues);\n}\n\n` +
        `export function mock${fn}(overrides?: DeepPartial<${b}>, options?: MockOptions): ${t} {\nreturn mockOne<${b}>(overrides, options, (r) => random${other}(r, 0));\n}\n\n` +
        `export function random${fn}(r: Rng, depth: number): ${t} {\nreturn oneOf<${b}>(r, [() => ${other}(r, depth) as const, () => "x" as const]);\n}\n\n` +
        `export function assert${fn}(value: unknown): ${t} {\nconst ${other} = assertValid<${a}>(validate${fn}(value));\nreturn ${other};\n}\n`,
    );
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(program, async (text) => {
        const own = printLayout(text, OPTIONS, tools);
        if (own === undefined) return;
        taken += 1;
        expect(own).toBe(await prettier.format(text, { parser: 'typescript' }));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(taken).toBeGreaterThan(RUNS * 0.9);
  }, 300_000);

  it('leaves to Prettier what it does not support, and a comment it does not place', () => {
    expect(printLayout('export const x = { a: 1 } satisfies object;\n', OPTIONS, tools)).toBeUndefined();
    expect(printLayout('export function f(): void {\n  g(/* inline */ 1);\n}\n', OPTIONS, tools)).toBeUndefined();
    expect(printLayout('export function f(): void {\n  g(1); // trailing\n}\n', OPTIONS, tools)).toBeUndefined();
    expect(printLayout('export function f(: void {\n', OPTIONS, tools)).toBeUndefined();
    // A quoted key Prettier keeps quoted (not a name, or written with an escape).
    expect(printLayout('export const x = { "a-b": 1 };\n', OPTIONS, tools)).toBeUndefined();
    expect(printLayout('export const x = { "\\u0061": 1 };\n', OPTIONS, tools)).toBeUndefined();
    // Supported: the same without the comment, and a JSDoc before a statement.
    expect(printLayout('/** Doc. */\nexport function f(): void {\n  g(1);\n}\n', OPTIONS, tools)).toBe('/** Doc. */\nexport function f(): void {\n  g(1);\n}\n');
  });

  it('prints a mock list\'s unique columns, whose keys are quoted names, as Prettier does', async () => {
    const text = `export function mockRecordList(count: number, options?: MockOptions): Record012[] {\nreturn mockList(count, options, (r) => randomRecord(r, 0), [{ keys: ["id"], label: "Record.id" }, { keys: ["name"], label: "Record.name", wide: { "name": (r) => wideText(r, mockFullName(r), 1, 80) } }]);\n}\n`;
    const own = printLayout(text, OPTIONS, tools);
    expect(own).toBe(await prettier.format(text, { parser: 'typescript' }));
    expect(own).toContain('wide: { name: (r) =>');
  });

  it('is used only under the options it is proven for', () => {
    expect(layoutOptions('3.10.1', 'typescript', {})).toEqual({ printWidth: 80, tabWidth: 2, useTabs: false });
    expect(layoutOptions('3.10.1', 'typescript', { semi: true, printWidth: 80, plugins: [] })).toBeDefined();
    expect(layoutOptions('3.10.1', 'typescript', { printWidth: 100 })).toBeUndefined();
    expect(layoutOptions('3.10.1', 'typescript', { singleQuote: true })).toBeUndefined();
    expect(layoutOptions('3.10.1', 'typescript', { plugins: ['prettier-plugin-organize-imports'] })).toBeUndefined();
    expect(layoutOptions('3.10.1', 'babel', {})).toBeUndefined();
    expect(layoutOptions('2.8.8', 'typescript', {})).toBeUndefined();
    // Another Prettier 3 (a project's own) may print differently: Prettier prints there.
    expect(layoutOptions('3.3.3', 'typescript', {})).toBeUndefined();
    expect(layoutOptions('3.11.0', 'typescript', {})).toBeUndefined();
  });

  it('gives a run the same outputs with and without it', async () => {
    const outputs = readAll(`${corpus}/src/generated/*.ts`).slice(0, 3);
    const formatWith = async (layout: boolean) => {
      const formatter = await createFormatter({ projectRoot: corpus, format: 'auto', fs: nodeFileSystem, useCache: false, workers: false, layout });
      const texts = [];
      for (const [file, text] of outputs) texts.push(await formatter.format(file, text, { builtInLayout: true }));
      await formatter.close();
      return { texts, printed: formatter.printedLayout };
    };
    const withPrinter = await formatWith(true);
    const without = await formatWith(false);
    expect(withPrinter.texts).toEqual(without.texts);
    expect(withPrinter.printed).toBeGreaterThan(0);
    expect(without.printed).toBe(0);
  }, 300_000);
});
