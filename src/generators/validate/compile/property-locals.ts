/**
 * `isT` of an object reads each checked property once, into a local (`const { id, name } =
 * value;`), as a hand-written validator would: the tests then read locals, and a property is not
 * loaded again after every call in between (a pattern's `test`, a nested validator), which V8
 * cannot prove leaves the object unchanged.
 */
import { isIdentifier } from '../../../model/naming.js';
import { isObjectMemberName } from '../../../model/object-members.js';
import { isPrototypeName } from './own-property.js';
import { propertyKey } from '../../kit/emit.js';

/** Words a local cannot be named, and the names the function body itself declares. */
const UNAVAILABLE: ReadonlySet<string> = new Set([
  ...'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(' '),
  ...'arguments eval undefined NaN Infinity value key entry item i'.split(' '),
]);

/** Whether a property may be read into a local. */
export function readsIntoLocal(name: string): boolean {
  // Object.prototype's members stay read as `value.toString`, where the own-property test and the
  // typed comparisons (`(value.valueOf as unknown) === 1`) of own-property.ts expect them.
  return !isObjectMemberName(name) && !isPrototypeName(name);
}

/**
 * A local name per property, unique, never one of the identifiers the body already uses
 * (`taken`: helpers, constants, validators, globals such as `Number`), nor a reserved word.
 */
export function propertyLocals(names: readonly string[], taken: ReadonlySet<string>): Map<string, string> {
  const used = new Set(taken);
  const locals = new Map<string, string>();
  for (const name of names) {
    if (locals.has(name)) continue;
    const base = isIdentifier(name) ? name : localBase(name);
    let local = base;
    for (let n = 2; used.has(local) || UNAVAILABLE.has(local); n++) local = `${base}${n}`;
    used.add(local);
    locals.set(name, local);
  }
  return locals;
}

/** The identifiers a piece of code mentions, property names after a `.` and string contents aside. */
export function identifiersIn(code: string): Set<string> {
  const withoutStrings = code.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return new Set([...withoutStrings.matchAll(/(?<![.\p{ID_Continue}$])[\p{ID_Start}$_][\p{ID_Continue}$]*/gu)].map((match) => match[0]));
}

/** `const { id, "first-name": firstName } = value;` */
export function destructuring(locals: ReadonlyMap<string, string>, object: string): string {
  const parts = [...locals].map(([name, local]) => (name === local ? name : `${propertyKey(name)}: ${local}`));
  return `const { ${parts.join(', ')} } = ${object};`;
}

function localBase(name: string): string {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  const camel = words.map((word, i) => (i === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1))).join('');
  if (camel === '') return 'property';
  return /^[\p{ID_Start}$_]/u.test(camel) ? camel : `_${camel}`;
}
