/**
 * Optional properties named like a member of `Object.prototype` (`toString?: number`). TypeScript
 * checks such a property against the member every object inherits when the key is missing, so
 * `{}` is not a `{ toString?: number }` (TS2322: `() => string` is not assignable to `number`):
 * the key is effectively required, though it may hold `undefined`. The property is marked
 * `requiredKey` (a mock always writes it with a value, OpenAPI lists it in `required`, a validator tests it
 * with `"toString" in value`, which sees the inherited member as TypeScript does and then
 * rejects it by its type) and a located warning says what to write. Where the inherited member
 * is a value of the declared type (`constructor?: Function`, `toString?: unknown`), `{}` is
 * accepted by TypeScript and nothing changes.
 */
import { ts, type Node, type Type } from 'ts-morph';
import type { Property, TypeNode } from '../model/index.js';
import { isObjectMemberName } from '../model/object-members.js';
import type { AnalyzerContext } from './context.js';

/**
 * Marks an optional `property` named like an `Object` member `requiredKey` when the inherited
 * member is not a value of its declared type (`checked`, the checker's type with `undefined`), and
 * reports CG2019 at `at`.
 */
export function markInheritedMember(property: Property, checked: Type, at: Node, path: string, ctx: AnalyzerContext): void {
  if (!property.optional || property.requiredKey || !isObjectMemberName(property.name)) return;
  const inherited = inheritedMemberType(property.name, at);
  if (!inherited) return;
  const checker = at.getProject().getTypeChecker().compilerObject;
  const fitsType = checker.isTypeAssignableTo(inherited, checked.compilerType);
  // `valueOf?: object`: TypeScript takes the inherited function for an object, the validators (plain data) do not.
  if (fitsType && admitsFunction(property.type)) return;
  property.requiredKey = true;
  const member = `Object.prototype's \`${property.name}\` (\`${checker.typeToString(inherited)}\`)`;
  const why = fitsType
    ? `TypeScript takes ${member} for the missing key, but the generated validators check plain data, where a function is not a value of the type, so they require the key`
    : `TypeScript reads ${member} when the key is missing, so \`{}\` is not a value of the type`;
  ctx.reportOnce(
    'CG2019',
    ctx.display(at),
    property.name,
    `\`${property.name}?\` is effectively required (${path}): ${why}.`,
    `Write it without \`?\` (\`${property.name}: ${checked.getText(at, ts.TypeFormatFlags.NoTruncation)}\` where it may hold undefined), or rename it.`,
  );
}

/** Whether a validator passes a function for `node`: only `unknown` (alone or in a union) does. */
function admitsFunction(node: TypeNode): boolean {
  if (node.kind === 'unknown') return node.unsupported?.form !== 'never';
  return node.kind === 'union' && node.members.some(admitsFunction);
}

/** The type of `Object`'s member `name` (`() => string` for `toString`), from the program's own lib. */
function inheritedMemberType(name: string, at: Node): ts.Type | undefined {
  const checker = at.getProject().getTypeChecker().compilerObject;
  const object = checker.resolveName('Object', undefined, ts.SymbolFlags.Interface, false);
  if (!object) return undefined;
  const member = checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(object), name);
  return member && checker.getTypeOfSymbol(member);
}
