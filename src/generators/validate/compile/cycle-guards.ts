/**
 * Cyclic values (tester s7 R4). A value of a recursive type may be a cyclic graph: an ORM
 * entity with a back-reference (`a.kids = [a]`), a tree whose nodes point to their parent.
 * TypeScript takes such a value as a value of the type, and walking it without end overflowed
 * the stack. The functions of a recursive declaration (one that reaches itself through refs:
 * only there can a check come back to the same object) are guarded by the runtime's
 * `checkOnce`, `collectOnce` and `coerceOnce`: an object met again while it is being checked
 * against the same declaration is valid on that path (coinductive checking: every finite
 * unfolding of the value is checked), and coercion hands out the object's copy early, so the
 * converted graph keeps its cycles. The checks record the objects on their paths only once a
 * path grew deeper than ordinary values go (the runtime's `cycleWalk` explains how), so a
 * recursive type's `isT` on an ordinary value costs a counter; other declarations' functions are
 * left as they are. Coercion walks the same way, handing out early copies only while recording.
 */
import { snakeCase } from '../../../model/naming.js';
import type { FileCompiler } from './file-compiler.js';

/** A module-level constant or private function the guards need, for the file's view. */
export interface GuardPart {
  name: string;
  code: string;
}

/**
 * The body of a recursive declaration's `isT`: its check moves to a private function, called
 * inline while the walk is plain and not too deep (one counter), else through `checkOnce`.
 */
export function guardedIsBody(body: string, declarationName: string, compiler: FileCompiler): string {
  const active = compiler.guardConstant(`${guardBase(declarationName)}_CHECKING`, 'new Set<unknown>()');
  const inner = compiler.guardFunction(`_is${functionPart(declarationName)}Once`, (name) => `function ${name}(${parameter(body, 'value')}: unknown): boolean {\n${body}\n}`);
  const walk = compiler.runtime('cycleWalk');
  return [
    `const depth = ${walk}.depth;`,
    `if (depth <= 0 || depth >= ${walk}.limit) return ${compiler.runtime('checkOnce')}(${active}, value, ${inner});`,
    `${walk}.depth = depth + 1;`,
    `const valid = ${inner}(value);`,
    `${walk}.depth = depth;`,
    'return valid;',
  ].join('\n');
}

/** The body of a recursive declaration's `collectTIssues`, as `guardedIsBody`'s, with `collectOnce`. */
export function guardedCollectBody(body: string, declarationName: string, compiler: FileCompiler): string {
  const active = compiler.guardConstant(`${guardBase(declarationName)}_COLLECTING`, 'new Set<unknown>()');
  const issue = compiler.runtimeTypes.issue;
  const inner = compiler.guardFunction(
    `_collect${functionPart(declarationName)}IssuesOnce`,
    (name) => `function ${name}(${parameter(body, 'value')}: unknown, ${parameter(body, 'path')}: string, ${parameter(body, 'issues')}: ${issue}[]): void {\n${body}\n}`,
  );
  const walk = compiler.runtime('cycleWalk');
  return [
    `const depth = ${walk}.depth;`,
    `if (depth <= 0 || depth >= ${walk}.limit) return ${compiler.runtime('collectOnce')}(${active}, value, path, issues, ${inner});`,
    `${walk}.depth = depth + 1;`,
    `${inner}(value, path, issues);`,
    `${walk}.depth = depth;`,
  ].join('\n');
}

/** The body of a recursive declaration's `coerceT`, as `guardedIsBody`'s, with `coerceOnce`. */
export function guardedCoerceBody(body: string, declarationName: string, compiler: FileCompiler): string {
  const active = compiler.guardConstant(`${guardBase(declarationName)}_COERCING`, '[new Map<unknown, unknown>(), new Map<unknown, unknown>()] as const');
  const inner = compiler.guardFunction(`_coerce${functionPart(declarationName)}Once`, (name) => `function ${name}(value: unknown): unknown {\n${body}\n}`);
  const walk = compiler.runtime('cycleWalk');
  return [
    `const depth = ${walk}.depth;`,
    `if (depth <= 0 || depth >= ${walk}.limit) return ${compiler.runtime('coerceOnce')}(${active}, value, ${inner});`,
    `${walk}.depth = depth + 1;`,
    `const coerced = ${inner}(value);`,
    `${walk}.depth = depth;`,
    'return coerced;',
  ].join('\n');
}

function guardBase(declarationName: string): string {
  return snakeCase(declarationName).toUpperCase() || 'TYPE';
}

function functionPart(declarationName: string): string {
  return declarationName.replace(/[^\w$]/g, '_');
}

/** `name` where `body` reads it, `_name` (which `noUnusedParameters` allows unread) otherwise. */
function parameter(body: string, name: string): string {
  return new RegExp(`\\b${name}\\b`).test(body) ? name : `_${name}`;
}
