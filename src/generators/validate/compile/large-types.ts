/**
 * Keeping generated code within what Prettier and tsc handle for extreme but legal types:
 * Prettier and tsc walk a `||` or `&&` chain recursively, so a union of thousands of literals
 * written as one chain overflows their stacks; an expected type printed in full at every level
 * of a 200-level nested type makes a file quadratic in size; and a lifted function's name, built
 * from the path to its node, grows with the depth.
 */
import type { TypeNode } from '../../../model/types.js';
import { snakeCase } from '../../../model/naming.js';
import { literalCode } from '../../kit/emit.js';
import { printType } from '../../kit/print-type.js';
import type { FileCompiler } from './file-compiler.js';
import { unknownCheck } from './behaviour-checks.js';

/** From this many literal values on, a union or enum is tested with one `Set` lookup. */
export const LITERAL_SET_MIN = 16;
/** Most operands in one chain of `||` or `&&`; longer chains are grouped in parentheses. */
export const CHAIN_MAX = 32;
/** Longest expected-type text written into an issue; longer types are summarised. */
export const EXPECTED_MAX = 120;
/** Longest base of a lifted function's name before it is shortened. */
export const NAME_BASE_MAX = 48;

type LiteralValue = string | number | boolean;

/**
 * `a || b || c…` (or `&&`) nested in groups of at most `CHAIN_MAX`, so the depth of the
 * expression tree grows with the logarithm of the number of tests, not linearly.
 */
export function joinTests(tests: readonly string[], operator: '||' | '&&'): string {
  if (tests.length <= CHAIN_MAX) return tests.join(` ${operator} `);
  const groups: string[] = [];
  for (let start = 0; start < tests.length; start += CHAIN_MAX) {
    const group = tests.slice(start, start + CHAIN_MAX);
    groups.push(group.length === 1 ? group[0]! : `(${group.join(` ${operator} `)})`);
  }
  return joinTests(groups, operator);
}

/**
 * The membership test of `x` in a set of literal values, hoisted as a module constant
 * (`const ROLE_VALUES = new Set<unknown>([…])`) when there are many; undefined when there are few.
 */
export function literalSetTest(values: readonly LiteralValue[], x: string, compiler: FileCompiler, base: string): string | undefined {
  if (values.length < LITERAL_SET_MIN) return undefined;
  const code = `new Set<unknown>([${values.map(literalCode).join(', ')}])`;
  const name = compiler.constant(code, `${snakeCase(shortBase(base)).toUpperCase() || 'LITERAL'}_VALUES`);
  return `${name}.has(${x})`;
}

/** The literal values of a union's members (`"a" | "b" | …`), in source order. */
export function literalValues(members: readonly TypeNode[]): LiteralValue[] {
  return members.flatMap((member) => (member.kind === 'literal' ? [member.value] : []));
}

/** A type as `expected` text: printed in full when short, else summarised by its shape. */
export function expectedText(node: TypeNode, compiler: FileCompiler): string {
  // A method is `function`, a platform class `an instance of URL`: what the check of it tests.
  const full = printType(node, compiler.index, undefined, (form) => (form.form === 'never' ? undefined : unknownCheck({ kind: 'unknown', unsupported: form }, 'x')?.expected));
  if (full.length <= EXPECTED_MAX) return full;
  switch (node.kind) {
    case 'union': {
      const shown: string[] = [];
      let length = 0;
      for (const member of node.members) {
        const text = summary(member, compiler);
        if (length + text.length > EXPECTED_MAX) break;
        shown.push(text);
        length += text.length + 3;
      }
      const rest = shown.length < node.members.length ? ` | … (${node.members.length} members)` : '';
      return `${shown.join(' | ')}${rest}`;
    }
    default:
      return summary(node, compiler);
  }
}

/** A short description of a type's shape: its text when short, else its kind. */
function summary(node: TypeNode, compiler: FileCompiler): string {
  switch (node.kind) {
    case 'object':
    case 'record':
    case 'intersection':
      return 'object';
    case 'array':
      return 'array';
    case 'tuple':
      return 'tuple';
    case 'union':
      return `one of ${node.members.length} types`;
    default: {
      const text = printType(node, compiler.index);
      return text.length <= EXPECTED_MAX ? text : node.kind;
    }
  }
}

/** A name base cut to `NAME_BASE_MAX` characters: deep parts become `<prefix>Nested`, numbered by the allocator. */
export function shortBase(base: string): string {
  return base.length <= NAME_BASE_MAX ? base : `${base.slice(0, NAME_BASE_MAX - 'Nested'.length)}Nested`;
}
