/**
 * `@IsOptional()` and `@IsDefined()`: whether the key may be missing and the value null, read
 * within what the property's TypeScript type allows. A generated `isT` is a type guard, so the
 * type wins where class-validator is looser, and a warning says what type to write.
 */
import { Node } from 'ts-morph';
import type { Property, TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { ConstraintOutcome } from './apply.js';

/**
 * `@IsDefined()` makes the key required and the value non-null, as class-validator checks it
 * (stricter than `note?: string` is still within the type). `@IsOptional()` lets class-validator
 * skip a missing key and `null`: each the type does not allow is CG2016 and stays rejected.
 */
export function applyPresence(property: Property, outcome: ConstraintOutcome, node: Node | undefined, path: string, ctx: AnalyzerContext): void {
  if (outcome.defined) {
    property.optional = false;
    property.type = withoutNull(property.type);
    return;
  }
  const optional = outcome.optional;
  if (!optional) return;
  const acceptsNull = property.type.kind === 'union' && property.type.members.some((member) => member.kind === 'null');
  if (property.optional && acceptsNull) return;
  const lets = [...(property.optional ? [] : ['a missing key']), ...(acceptsNull ? [] : ['null'])].join(' and ');
  const written = writtenType(node);
  const suggestion = `${property.name}?: ${acceptsNull || written === undefined ? written ?? '…' : `${written} | null`}`;
  const message = `@IsOptional() on ${path} lets class-validator accept ${lets}, which the type rejects: the generated validators follow the type.`;
  ctx.reportOnce('CG2016', optional.location, 'optional', message, `Write \`${suggestion}\` to accept ${lets}, or drop @IsOptional().`);
}

/** `T | null` without `null`; other types as they are. */
function withoutNull(type: TypeNode): TypeNode {
  if (type.kind !== 'union') return type;
  const members = type.members.filter((member) => member.kind !== 'null');
  if (members.length === type.members.length) return type;
  return members.length === 1 ? members[0]! : { ...type, members };
}

/** The property's type as written, without `| undefined` (which `?` says). */
export function writtenType(node: Node | undefined): string | undefined {
  if (!node || !(Node.isPropertyDeclaration(node) || Node.isPropertySignature(node))) return undefined;
  const syntax = node.getTypeNode();
  if (!syntax) return undefined;
  const members = Node.isUnionTypeNode(syntax) ? syntax.getTypeNodes().map((member) => member.getText()) : [syntax.getText()];
  return members.filter((member) => member !== 'undefined').join(' | ');
}
