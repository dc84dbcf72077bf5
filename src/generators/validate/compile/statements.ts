/**
 * A tiny statement tree for generated code, so that braces, `else if` chains and merged
 * conditions come out as a person would write them, and a nested `if` can never capture
 * another's `else`.
 */

export type Statement =
  | { kind: 'code'; code: string }
  | { kind: 'if'; test: string; then: Statement[]; otherwise: Statement[] };

/** A statement given as code (a call, a declaration, a loop already written out). */
export function code(text: string): Statement {
  return { kind: 'code', code: text };
}

/**
 * `if (test) then else otherwise`, simplified: nothing when both branches are empty, and
 * `if (a) { if (b) x }` becomes `if (a && b) x`.
 */
export function when(test: string, then: Statement[], otherwise: Statement[] = []): Statement[] {
  if (then.length === 0 && otherwise.length === 0) return [];
  if (otherwise.length === 0 && then.length === 1 && then[0]!.kind === 'if' && then[0]!.otherwise.length === 0) {
    const inner = then[0]!;
    return [{ kind: 'if', test: `${group(test)} && ${group(inner.test)}`, then: inner.then, otherwise: [] }];
  }
  if (then.length === 0) return [{ kind: 'if', test: negate(test), then: otherwise, otherwise: [] }];
  return [{ kind: 'if', test, then, otherwise }];
}

/** The negation of a test, as a reader would write it: `a !== b` rather than `!(a === b)`. */
export function negate(test: string): string {
  const comparison = /^([\w.$[\]"'-]+|typeof [\w.$[\]"'-]+) (===|!==) ([\w."'-]+)$/.exec(test);
  if (comparison) return `${comparison[1]} ${comparison[2] === '===' ? '!==' : '===' } ${comparison[3]}`;
  if (/^!?[\w.$]+\([^()]*\)$/.test(test)) return test.startsWith('!') ? test.slice(1) : `!${test}`;
  return `!(${test})`;
}

/** Parenthesises a test holding a top-level `||` before it joins an `&&`. */
function group(test: string): string {
  return test.includes('||') && !isWrapped(test) ? `(${test})` : test;
}

function isWrapped(test: string): boolean {
  if (!test.startsWith('(') || !test.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < test.length; i++) {
    if (test[i] === '(') depth += 1;
    if (test[i] === ')') depth -= 1;
    if (depth === 0 && i < test.length - 1) return false;
  }
  return true;
}

/** The statements as code, one per line (Prettier lays them out afterwards). */
export function printStatements(statements: readonly Statement[]): string {
  return statements.map(printStatement).join('\n');
}

function printStatement(statement: Statement): string {
  if (statement.kind === 'code') return statement.code;
  const hasElse = statement.otherwise.length > 0;
  const single = statement.then.length === 1 ? statement.then[0]! : undefined;
  // A lone `if` in the then-branch is braced: it could otherwise take a following `else`, and
  // `if (a) if (b) x; else y` misleads readers even where it is right.
  const then = single?.kind === 'code' ? printStatement(single) : braced(statement.then);
  const head = `if (${statement.test}) ${then}`;
  if (!hasElse) return head;
  const otherwise = statement.otherwise.length === 1 ? printStatement(statement.otherwise[0]!) : braced(statement.otherwise);
  return `${head}\nelse ${otherwise}`;
}

function braced(statements: readonly Statement[]): string {
  return `{\n${printStatements(statements)}\n}`;
}
