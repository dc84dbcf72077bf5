/**
 * Reads of a property from the object under test. Validators see that object as the runtime's
 * `UnknownObject` (a string index signature), so a read is written with brackets
 * (`value["id"]`): users compiling with `noPropertyAccessFromIndexSignature` (part of
 * @tsconfig/strictest) reject `value.id` there (TS4111).
 */
import { stringLiteral } from '../../kit/emit.js';

/** `object["name"]`, for any property name. */
export function propertyRead(object: string, name: string): string {
  return `${object}[${stringLiteral(name)}]`;
}
