/**
 * What a client method cannot honour, said at generate time as located warnings (CG5001):
 * - a response type that reaches a class getter or a method (`class Widget { get area() }`):
 *   JSON carries neither (`JSON.stringify` of an instance leaves getters, which live on the
 *   prototype, out), so the client returns data without `area` typed as a `Widget`, and with
 *   `validateResponses` rejects every answer, since `isWidget` checks what TypeScript requires
 *   (tester s8 T12); likewise a parameter whose type reaches one (`make(w: Widget)`): the client
 *   sends `JSON.stringify(w)`, without `area`, and a server checking it with `isWidget` rejects
 *   every request (recheck s8, T12 leftover);
 * - a method named `then`: the client object becomes a thenable, and `await`ing anything that
 *   returns the client calls it as `then(resolve, reject)` (tester s8 T15).
 */
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Model, TypeNode } from '../../model/types.js';
import { classObject } from '../validate/compile/behaviour-checks.js';
import type { DeclarationIndex } from '../kit/declaration-index.js';
import { collectInType } from '../kit/walk.js';

/** The warnings for one service's operations. */
export function wireLimits(service: Model['services'][number], index: DeclarationIndex): Diagnostic[] {
  return service.operations.flatMap((operation) => {
    const where = { file: operation.source.file, line: operation.source.line, column: operation.source.column };
    const found: Diagnostic[] = [];
    if (operation.name === 'then') {
      found.push(
        diagnostic('CG5001', {
          ...where,
          severity: 'warning',
          message: `client method ${service.name}.then makes every client a thenable: awaiting a value that resolves to the client calls then(resolve, reject) as a request`,
          hint: 'Rename the method (its route and operationId stay as they are), or never return a client from an async function.',
        }),
      );
    }
    const members = operation.response.type ? behaviourIn(operation.response.type, index) : [];
    if (members.length > 0) {
      found.push(
        diagnostic('CG5001', {
          ...where,
          severity: 'warning',
          message: `the response of ${service.name}.${operation.name} reaches ${members.join(', ')}, which JSON does not carry: the client returns the parsed data without ${members.length === 1 ? 'it' : 'them'}, and with validateResponses rejects every response`,
          hint: 'Type the response by the data the server sends (an interface of its fields, or Omit<Class, the getters and methods>).',
        }),
      );
    }
    for (const parameter of operation.parameters) {
      const reached = behaviourIn(parameter.type, index);
      if (reached.length === 0) continue;
      found.push(
        diagnostic('CG5001', {
          ...where,
          severity: 'warning',
          message: `the parameter ${parameter.name} of ${service.name}.${operation.name} reaches ${reached.join(', ')}, which JSON does not carry: the client sends the value without ${reached.length === 1 ? 'it' : 'them'}, so the server receives data its type (and its validator) does not accept`,
          hint: 'Type the parameter by the data sent (an interface of its fields, or Omit<Class, the getters and methods>).',
        }),
      );
    }
    return found;
  });
}

/** `getter Widget.area`, `method Widget.describe`: the behaviour members a response type reaches, once each. */
function behaviourIn(type: TypeNode, index: DeclarationIndex): string[] {
  const members = collectInType(
    type,
    (node) => {
      if (node.kind !== 'ref') return [];
      const declaration = index.get(node.id);
      const object = classObject(declaration) ?? (declaration.type.kind === 'object' ? declaration.type : undefined);
      const behaviour = object?.behaviour;
      // `accessor name = ''`: its value is in a private slot, which JSON leaves out as it does a getter's.
      const autoAccessors = (object?.properties ?? []).filter((property) => property.autoAccessor).map((property) => `auto-accessor ${declaration.name}.${property.name}`);
      if (!behaviour) return autoAccessors;
      return [
        ...(behaviour.accessors ?? []).filter((accessor) => !accessor.setterOnly).map((accessor) => `getter ${declaration.name}.${accessor.name}`),
        ...autoAccessors,
        ...behaviour.methods.map((method) => `method ${declaration.name}.${method}`),
      ];
    },
    { index },
  );
  return [...new Set(members)];
}

