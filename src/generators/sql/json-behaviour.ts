/**
 * Types with behaviour in a JSON column. JSON text keeps an instance's own enumerable fields and
 * nothing else, so a class (or interface) with methods, accessors or private members reads back
 * as a plain object, which TypeScript does not accept as one; an auto-accessor's value (in a
 * private slot) is lost; a `toJSON()` reads back as whatever it returned. A plain data class (fields only) round-trips as a plain object its type accepts.
 */
import type { ObjectType, TypeNode } from '../../model/types.js';
import type { DeclarationIndex } from '../kit/declaration-index.js';

export interface BehaviourProblem {
  /** What the column's type holds, as the end of a sentence. */
  text: string;
  hint: string;
}

/** The behaviour of `node` (a named or inline object type) JSON text would lose, or undefined. */
export function behaviourProblem(node: TypeNode, declarations: DeclarationIndex): BehaviourProblem | undefined {
  const declaration = node.kind === 'ref' ? declarations.find(node.id) : undefined;
  const type = declaration ? declaration.type : node;
  if (type.kind !== 'object') return undefined;
  // An auto-accessor (`accessor name = ''`) keeps its value in a private slot behind a get/set pair, as a getter computes one: JSON.stringify gives `{}`.
  const slots = type.properties.filter((property) => property.autoAccessor);
  const lost = type.behaviour ? lostMembers(type.behaviour) : [];
  const members = [...lost, ...slots.map((property) => `accessor ${property.name}`)];
  if (members.length === 0) return undefined;
  const name = declaration?.name ?? 'an object type';
  const hint = `Store the data the JSON holds: type the column as a plain type of ${declaration ? `${name}'s` : 'its'} fields (an interface, or a class with fields only) and build the ${declaration ? name : 'value'} from the row, or give it a table of its own.`;
  if (type.behaviour?.methods.includes('toJSON')) {
    return { text: `${declaration ? `a ${name}` : name}, whose toJSON() writes its JSON text: it reads back as what toJSON returned, not as a ${declaration ? name : 'value of the type'}`, hint };
  }
  if (lost.length === 0 && slots.every((property) => property.optional)) {
    return { text: `${declaration ? `a ${name}` : name} with ${members.join(', ')}, whose value JSON text leaves out (it lives in a private slot): it reads back without it`, hint };
  }
  return { text: `${declaration ? `a ${name}` : name} with ${members.join(', ')}, which JSON text leaves out: it reads back as a plain object, which the type does not accept`, hint };
}

/** Required members a plain object read from JSON lacks: methods, accessors, non-public and symbol-keyed members. */
function lostMembers(behaviour: NonNullable<ObjectType['behaviour']>): string[] {
  return [
    ...behaviour.methods.map((name) => `${name}()`),
    ...(behaviour.accessors ?? []).map((accessor) => `get ${accessor.name}`),
    ...behaviour.privateFields,
    ...(behaviour.symbolMethods ?? []).filter((method) => !method.optional).map((method) => `[Symbol.${method.symbol}]()`),
    ...(behaviour.symbolProperties ?? []).filter((property) => !property.optional).map((property) => `[${property.key}]`),
  ];
}
