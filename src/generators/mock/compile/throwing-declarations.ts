/**
 * Whether every mock of a declaration throws (its `randomT` holds a `cannotMock` no choice
 * avoids): `owner?: Account` is then left out, as an optional property of a type no mock builds
 * is (mock-compiler.ts `buildable`). Found by compiling the declaration on its own, once per
 * model; a declaration met again while its own compile runs (a cycle) counts as buildable.
 */
import type { Declaration } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { declarationExpression } from './declaration-body.js';
import { MockCompiler } from './mock-compiler.js';

const verdicts = new WeakMap<DeclarationIndex, Map<string, boolean>>();

function knownVerdicts(index: DeclarationIndex): Map<string, boolean> {
  let known = verdicts.get(index);
  if (!known) verdicts.set(index, (known = new Map()));
  return known;
}

/**
 * The expression of a declaration's `randomT`, compiled into its file, its verdict kept: a later
 * `owner?: Account` asks no second compile of `Account` (a file's references mostly point back).
 */
export function compiledDeclaration(declaration: Declaration, compiler: MockCompiler): string {
  const { code, throws } = compiler.counted(() => declarationExpression(declaration, compiler));
  const known = knownVerdicts(compiler.index);
  if (!known.has(declaration.id)) known.set(declaration.id, throws);
  return code;
}

/** Whether the mock of declaration `id` throws on every seed. */
export function declarationThrows(id: string, index: DeclarationIndex): boolean {
  const known = knownVerdicts(index);
  const verdict = known.get(id);
  if (verdict !== undefined) return verdict;
  // While it compiles, a call of itself (a recursive type) counts as buildable.
  known.set(id, false);
  const compiler = new MockCompiler({ index, localIds: new Set([id]) });
  const throws = compiler.buildable(() => declarationExpression(index.get(id), compiler)) === undefined;
  known.set(id, throws);
  return throws;
}
