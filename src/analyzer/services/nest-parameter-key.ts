/**
 * The key a NestJS parameter decorator names. Nest's `@Body()`, `@Query()`, `@Param()` and
 * `@Headers()` take `(property?, ...pipes)`: at run time a first argument that is `undefined`,
 * `null` or a string is the property (the query key, the placeholder), anything else is the
 * first pipe (`@Body(ValidationPipe)`, `@Query(new ValidationPipe())`), and the decorator reads
 * the whole body, query or params. So a first argument is a key only when it is a string; a
 * string codegen cannot read statically (a `let`, a call) is unreadable, and anything else a pipe.
 */
import { Node, type ParameterDeclaration, type Type } from 'ts-morph';
import type { DecoratorCall } from '../tags/decorators.js';

export type DecoratorKey =
  /** `@Query('page', …)`: the value under that key. */
  | { kind: 'key'; key: string }
  /** `@Query()`, `@Query(new ValidationPipe())`: the whole query (body, params). */
  | { kind: 'whole' }
  /** A string codegen cannot read statically (`@Query(keyName())`). */
  | { kind: 'unreadable' };

/** The key of a decorator call on a parameter (the checker tells a string from a pipe). */
export function decoratorKey(parameter: ParameterDeclaration, decorator: DecoratorCall): DecoratorKey {
  const [first] = decorator.arguments;
  if (typeof first === 'string') return { kind: 'key', key: first };
  if (first === undefined || first === null) return { kind: 'whole' };
  const written = parameter.getDecorators().find((candidate) => candidate.getName() === decorator.name)?.getArguments()[0];
  return written && isStringValued(written) ? { kind: 'unreadable' } : { kind: 'whole' };
}

/** The key a decorator names statically, read from its arguments alone (undefined: none, or a pipe). */
export function staticKey(decorator: DecoratorCall): string | undefined {
  const [first] = decorator.arguments;
  return typeof first === 'string' ? first : undefined;
}

/** A string (or string literal, or union of them) expression: Nest reads it as the property. */
function isStringValued(expression: Node): boolean {
  const type = expression.getType();
  return isStringType(type);
}

function isStringType(type: Type): boolean {
  if (type.isUnion()) return type.getUnionTypes().every((member) => isStringType(member) || member.isUndefined() || member.isNull());
  return type.isString() || type.isStringLiteral() || type.isTemplateLiteral();
}
