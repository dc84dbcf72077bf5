/**
 * Response validation code: a named type is checked by the validate generator's own
 * `validateT` (found through validate's planned exports, role `validate`); arrays, records, nullables and scalars around it are composed with the client
 * runtime's small combinators. Other anonymous shapes are listed as unsupported (see `check`).
 */
import type { TypeNode } from '../../model/types.js';
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
    case 'number':
    case 'bigint':
    case 'boolean':
      return code(`${context.runtime}.validateScalar(${JSON.stringify(node.kind)})`);
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
      return { kind: 'unsupported', shape: 'an unnamed union' };
    }
    default:
      return { kind: 'unsupported', shape: `an unnamed ${node.kind} type` };
  }
}

function code(text: string): ValidatorCode {
  return { kind: 'code', code: text };
}

function wrapped(inner: ValidatorCode, combinator: string): ValidatorCode {
  if (inner.kind !== 'code') return inner;
  return code(`${combinator}(${inner.code})`);
}
