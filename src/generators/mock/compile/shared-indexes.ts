/**
 * Index signatures over the same keys in one intersection (`Record<string, unknown> &
 * Record<string, string>`, `Record<\`x-${string}\`, number> & Record<\`x-${string}\`, 1 | 2>`):
 * each key's value must meet every member's value type, so one signature is mocked, of the
 * narrowest value type (`string`, `1 | 2`) or, when none is narrower than the others, of their
 * intersection (`Min3 & StartsA`). Mocking each member on its own spread wide values
 * (`r.int(0, 1000)` for `1 | 2`) that the validators reject and TypeScript does not accept.
 */
import type { PatternIndex, TypeNode } from '../../../model/types.js';

/** The members of an intersection with its string records joined into one, and its objects' pattern indexes over equal keys joined. */
export function joinSharedIndexes(members: readonly TypeNode[]): TypeNode[] {
  const records = members.filter((member) => member.kind === 'record' && member.key === 'string');
  const joinedRecords: TypeNode[] =
    records.length > 1 ? [{ kind: 'record', key: 'string', value: narrowestValue(records.map((record) => (record.kind === 'record' ? record.value : record))) }] : [];
  const seen = new Set<string>();
  const all = joinPatternIndexes(members.flatMap((member) => (member.kind === 'object' ? (member.patternIndexes ?? []) : [])));
  const joined: TypeNode[] = [];
  for (const member of members) {
    if (records.length > 1 && records.includes(member)) {
      joined.push(...joinedRecords.splice(0));
      continue;
    }
    if (member.kind !== 'object' || !member.patternIndexes?.length) {
      joined.push(member);
      continue;
    }
    // Each joined index goes to the first object that held its key.
    const own = member.patternIndexes.map(indexKey).filter((key) => !seen.has(key));
    own.forEach((key) => seen.add(key));
    const patternIndexes = all.filter((index) => own.includes(indexKey(index)));
    // A member that held only indexes now joined into an earlier one adds nothing.
    const { properties, additionalProperties, numberIndex, behaviour } = member;
    if (patternIndexes.length === 0 && properties.length === 0 && !additionalProperties && !numberIndex && !behaviour) continue;
    joined.push({ ...member, patternIndexes });
  }
  return joined;
}

/** Pattern indexes with equal keys joined into one, of the narrowest value type. */
export function joinPatternIndexes(indexes: readonly PatternIndex[]): PatternIndex[] {
  const byKey = new Map<string, PatternIndex[]>();
  for (const index of indexes) byKey.set(indexKey(index), [...(byKey.get(indexKey(index)) ?? []), index]);
  return [...byKey.values()].map((group) => (group.length === 1 ? group[0]! : { ...group[0]!, value: narrowestValue(group.map((index) => index.value)) }));
}

function indexKey(index: PatternIndex): string {
  return JSON.stringify([index.key, index.mapping ?? null]);
}

/** The type of the values every one of `values` accepts: the narrowest of them, else their intersection. */
export function narrowestValue(values: readonly TypeNode[]): TypeNode {
  const distinct: TypeNode[] = [];
  for (const value of values) if (!distinct.some((other) => JSON.stringify(other) === JSON.stringify(value))) distinct.push(value);
  const narrowest = distinct.filter((value, i) => !distinct.some((other, j) => j !== i && subsumes(value, other) && !(subsumes(other, value) && j > i)));
  return narrowest.length === 1 ? narrowest[0]! : { kind: 'intersection', members: narrowest };
}

/** Whether every value of `narrow` is a value of `wide`, as far as the model says it plainly (else false). */
function subsumes(wide: TypeNode, narrow: TypeNode): boolean {
  if (JSON.stringify(wide) === JSON.stringify(narrow)) return true;
  if (wide.kind === 'unknown') return wide.unsupported === undefined;
  if (narrow.kind === 'union') return narrow.members.every((member) => subsumes(wide, member));
  if (wide.kind === 'union') return wide.members.some((member) => subsumes(member, narrow));
  if (wide.kind === 'string' || wide.kind === 'number' || wide.kind === 'boolean' || wide.kind === 'bigint') {
    if (Object.keys(wide).length > 1) return false;
    const primitive = narrow.kind === 'literal' ? typeof narrow.value : narrow.kind;
    return primitive === wide.kind;
  }
  return false;
}
