/**
 * The weak-type rule in a union's member tests (generators/kit/weak-members.ts says when it
 * applies): `{ a?: number } | { b?: string }` tests its second member as
 * `isB(value) && (Object.keys(value as object).length === 0 || hasOwn(value as object, "b"))`.
 */
import type { TypeNode } from '../../../model/types.js';
import { weakUnionMembers } from '../../kit/weak-members.js';
import type { FileCompiler } from './file-compiler.js';

/** `test` of a union member, narrowed by the weak-type rule where it applies to that member. */
export function weakMemberTests(members: readonly TypeNode[], compiler: FileCompiler): (member: TypeNode, test: string, x: string) => string {
  const weak = weakUnionMembers(members, compiler.index);
  if (weak.size === 0) return (_member, test) => test;
  return (member, test, x) => {
    const keys = weak.get(member);
    if (!keys || test === 'false') return test;
    const object = `${x} as object`;
    const shared = keys.map((key) => `${compiler.runtime('hasOwn')}(${object}, ${JSON.stringify(key)})`);
    return `(${test} && (Object.keys(${object}).length === 0 || ${shared.join(' || ')}))`;
  };
}
