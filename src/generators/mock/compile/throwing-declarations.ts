/**
 * Whether every mock of a declaration throws (its `randomT` holds a `cannotMock` no choice
 * avoids): `owner?: Account` is then left out, as an optional property of a type no mock builds
 * is (mock-compiler.ts `buildable`). Found by compiling the declaration on its own, once per
 * model; a declaration met again while its own compile runs (a cycle) counts as buildable.
 * A watch's next build takes the verdicts of earlier builds back while all they read is unchanged
 * (`keepVerdicts`): one edit does not compile again every declaration a replanned file reaches.
 */
import type { Declaration } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { freeOfMutualRecursion } from '../../kit/plan-memo.js';
import { declarationExpression } from './declaration-body.js';
import { MockCompiler } from './mock-compiler.js';

const verdicts = new WeakMap<DeclarationIndex, Map<string, boolean>>();

function knownVerdicts(index: DeclarationIndex): Map<string, boolean> {
  let known = verdicts.get(index);
  if (!known) verdicts.set(index, (known = new Map()));
  return known;
}

/**
 * Verdicts of earlier builds, by a key naming all a verdict read: the declaration and every
 * declaration it reaches, each with its version (plan-memo.ts `closureKeys`). Only for
 * declarations that reach no cycle of two or more declarations: inside one, a member asked while
 * another compiles counts as buildable, so its verdict depends on which was asked first, and a
 * build asking fewer (a watch replanning one file) could not repeat a cold run's answer.
 * Let go past a size, as plan-memo's tables are (a lost verdict only costs a compile).
 */
let lasting = new Map<string, boolean>();
const MAX_LASTING = 100_000;

/** Per index, the key of a declaration's lasting verdict, or undefined where it must not last. */
const lastingKeys = new WeakMap<DeclarationIndex, (id: string) => string | undefined>();

/**
 * Lets `declarationThrows` on `index` take (and keep) verdicts between builds, told apart by
 * `closureKey` (plan-memo.ts `closureKeys` of the same index: equal keys name equal closures).
 */
export function keepVerdicts(index: DeclarationIndex, closureKey: (ids: Iterable<string>) => string): void {
  const orderFree = freeOfMutualRecursion(index);
  lastingKeys.set(index, (id) => (orderFree(id) ? closureKey([id]) : undefined));
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
  const key = lastingKeys.get(index)?.(id);
  const kept = key === undefined ? undefined : lasting.get(key);
  if (kept !== undefined) {
    known.set(id, kept);
    return kept;
  }
  // While it compiles, a call of itself (a recursive type) counts as buildable.
  known.set(id, false);
  const compiler = new MockCompiler({ index, localIds: new Set([id]) });
  const throws = compiler.buildable(() => declarationExpression(index.get(id), compiler)) === undefined;
  known.set(id, throws);
  if (key !== undefined) {
    if (lasting.size >= MAX_LASTING) lasting = new Map();
    lasting.set(key, throws);
  }
  return throws;
}
