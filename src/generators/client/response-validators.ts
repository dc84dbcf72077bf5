/**
 * Response validation code: a named type is checked by the validate generator's own
 * `validateT` (found through validate's planned exports, role `validate`); the unnamed types
 * around and between named ones (arrays, records, object types written in place, unions,
 * literals, scalars, `Date`s) are composed with the client runtime's small combinators, so
 * `Promise<{ ok: boolean; when: Date | null }>` is checked as its type says (tester s14 T-1).
 * What a combinator would check less strictly than `validateT` (a constraint, a template literal,
 * an index signature, an intersection…) is listed as unsupported (CG5001, see `check`): a response is
 * either checked as its type says or reported unchecked, never half checked.
 */
import type { ObjectType, TupleType, TypeNode } from '../../model/types.js';
import type { FoundExport } from '../kit/contract.js';

export interface ValidatorContext {
  /** The validate generator's `validateT` of a declaration, if it planned one. */
  validatorOf(id: string): FoundExport | undefined;
  /** The declarations whose `validateT` the code calls, by id. */
  used: Map<string, FoundExport>;
  /** Ids of the declarations the code needs a validator for and validate has none. */
  missing?: Set<string>;
  /** The name the client runtime is imported under (`runtime`): its combinators are `runtime.validateDate`. */
  runtime: string;
}

/** The result: a validator expression, nothing to check (`unknown`), or a shape we cannot compose. */
export type ValidatorCode = { kind: 'code'; code: string } | { kind: 'none' } | { kind: 'unsupported'; shape: string };

/** A validator expression for a response body of type `node`. */
export function validatorCode(node: TypeNode, context: ValidatorContext): ValidatorCode {
  switch (node.kind) {
    case 'ref': {
      const found = context.validatorOf(node.id);
      if (!found) {
        context.missing?.add(node.id);
        return { kind: 'unsupported', shape: 'a type without validators' };
      }
      context.used.set(node.id, found);
      return code(found.name);
    }
    case 'string':
      if (node.constraints || node.template || node.mapping) return { kind: 'unsupported', shape: 'an unnamed string type with constraints or a template' };
      return code(`${context.runtime}.validateScalar("string")`);
    case 'number':
      if (node.constraints) return { kind: 'unsupported', shape: 'an unnamed number type with constraints' };
      return code(`${context.runtime}.validateScalar("number")`);
    case 'bigint':
      if (node.constraints || node.literal !== undefined) return { kind: 'unsupported', shape: 'an unnamed bigint type with constraints or a literal' };
      return code(`${context.runtime}.validateScalar("bigint")`);
    case 'boolean':
      return code(`${context.runtime}.validateScalar("boolean")`);
    case 'literal':
      return code(`${context.runtime}.validateLiteral(${JSON.stringify(node.value)})`);
    case 'null':
      return code(`${context.runtime}.validateLiteral(null)`);
    case 'object':
      return objectValidator(node, context);
    case 'tuple':
      return tupleValidator(node, context);
    case 'date':
      return code(`${context.runtime}.validateDate`);
    case 'unknown':
      return { kind: 'none' };
    case 'array':
      return wrapped(validatorCode(node.items, context), `${context.runtime}.validateArrayOf`);
    case 'record':
      return wrapped(validatorCode(node.value, context), `${context.runtime}.validateRecordOf`);
    case 'union': {
      const nonNull = node.members.filter((member) => member.kind !== 'null');
      if (nonNull.length === 1 && nonNull.length < node.members.length) {
        return wrapped(validatorCode(nonNull[0]!, context), `${context.runtime}.validateNullable`);
      }
      const members: string[] = [];
      for (const member of node.members) {
        const result = validatorCode(member, context);
        if (result.kind !== 'code') return result;
        members.push(result.code);
      }
      return code(`${context.runtime}.validateUnion([${members.join(', ')}])`);
    }
    default:
      return { kind: 'unsupported', shape: `an unnamed ${node.kind} type` };
  }
}

/**
 * An object type written in place: `validateObject` checks its declared properties (required ones
 * present, each by its own validator) and, for `@strict`, that no other key is there. Index
 * signatures, methods and accessors, and properties a response never holds as written
 * (`@writeOnly`, setter-only, auto-accessors) are unsupported.
 */
function objectValidator(node: ObjectType, context: ValidatorContext): ValidatorCode {
  if (node.additionalProperties || node.numberIndex || node.patternIndexes?.length || node.behaviour) {
    return { kind: 'unsupported', shape: 'an unnamed object type with index signatures or methods' };
  }
  const entries: string[] = [];
  for (const property of node.properties) {
    if (property.writeOnly || property.setterOnly || property.autoAccessor) return { kind: 'unsupported', shape: `an unnamed object type whose ${property.name} is not data a response holds` };
    const result = validatorCode(property.type, context);
    if (result.kind === 'unsupported') return result;
    entries.push(`[${JSON.stringify(property.name)}, ${result.kind === 'code' ? result.code : 'null'}, ${property.optional}]`);
  }
  return code(`${context.runtime}.validateObject([${entries.join(', ')}], ${node.strict})`);
}

/**
 * A tuple written in place (`[string, Date, number?]`, `[string, ...number[]]`): `validateTuple`
 * checks its length and each element. Elements after a rest and length bounds are unsupported.
 */
function tupleValidator(node: TupleType, context: ValidatorContext): ValidatorCode {
  if (node.trailing?.length || node.constraints) return { kind: 'unsupported', shape: 'an unnamed tuple with elements after a rest or length bounds' };
  const elements: string[] = [];
  for (const element of node.elements) {
    const result = validatorCode(element.type, context);
    if (result.kind === 'unsupported') return result;
    elements.push(`[${result.kind === 'code' ? result.code : 'null'}, ${element.optional}]`);
  }
  const rest = node.rest ? validatorCode(node.rest, context) : undefined;
  if (rest?.kind === 'unsupported') return rest;
  const restCode = rest === undefined ? 'undefined' : rest.kind === 'code' ? rest.code : 'null';
  return code(`${context.runtime}.validateTuple([${elements.join(', ')}], ${restCode})`);
}

function code(text: string): ValidatorCode {
  return { kind: 'code', code: text };
}

function wrapped(inner: ValidatorCode, combinator: string): ValidatorCode {
  if (inner.kind !== 'code') return inner;
  return code(`${combinator}(${inner.code})`);
}
