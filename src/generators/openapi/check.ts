/**
 * What the document cannot say faithfully, reported before anything is written:
 * - an `@internal` type reached from a public one (error: it would leak into the document);
 * - a `multipleOf` that is not a positive finite number (error);
 * - a pattern flag JSON Schema cannot express (`m`, `s`, `v`; warning: written without it);
 * - a `@Matches()` regex without `u` that Unicode mode reads otherwise (warning: left out; model/non-unicode-pattern.ts);
 * - fixed tuple elements after a rest (`[...string[], 'ok']`; warning: JSON Schema cannot place them last);
 * - a property both readonly and `@writeOnly` (warning: tools would never send nor show it);
 * - a property typed `undefined` without `?` (warning, at the property: required, yet JSON cannot carry its value);
 * - a `@default` or `@example` that only generation can judge no value of its type (a format; warning CG2024: left out of the schema);
 * - two operations with one id (error at the later one: ids must be unique in a document);
 * - with `resources`, an `<Entity>Create`/`<Entity>Update`/`<Entity>Row` name or an operation id that is
 *   already taken, or a resource path a service already defines (errors).
 */
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Declaration, Model, SourceLocation, TypeNode } from '../../model/types.js';
import { createDeclarationIndex } from '../kit/declaration-index.js';
import { perFrozenPart } from '../kit/frozen-memo.js';
import { typeChildren } from '../kit/walk.js';
import { documentOperationId, operationIdCollisions } from '../kit/operation-ids.js';
import { resourceEntities } from './document.js';
import type { OpenapiOptions } from './options.js';
import { pathMethod } from './paths/operations.js';
import { resourceEntries, resourceNames } from './paths/resources.js';
import { componentDeclarations, publicServices } from './schemas/components.js';
import { isRequired } from './schemas/objects.js';
import { patternProblems, patternText } from './schemas/pattern.js';
import { schemaContext } from './schemas/type-schema.js';
import { componentValueProblems, documentedValueJudge } from './schemas/documented-values.js';

const at = (source: SourceLocation) => ({ file: source.file, line: source.line, column: source.column });

/** Every diagnostic of the openapi generator for this model. */
export function checkOpenapi(model: Model, options: Pick<OpenapiOptions, 'resources'>): Diagnostic[] {
  const index = createDeclarationIndex(model);
  const components = componentDeclarations(index, publicServices(model), options.resources ? resourceEntities(model, index).map((e) => e.declaration) : []);
  return [
    ...components.filter((declaration) => declaration.internal).map(internalReached),
    ...components.flatMap((declaration) => typeProblems(declaration.type).map((problem) => cannotHandle(declaration, problem))),
    ...components.flatMap((declaration) => componentValueProblems(declaration, documentedValueJudge(index))),
    ...operationIdCollisions(publicServices(model)).map(({ id, operation, service, first }) =>
      diagnostic('CG5001', {
        message: `openapi: ${service.name}.${operation.name} has the operation id ${id}, which ${first.service.name}.${first.operation.name} already has; operation ids must be unique in the document.`,
        ...at(operation.source),
        hint: 'Give one of them another @operationId (without one, an operation is <Service>_<method>).',
      }),
    ),
    ...(options.resources ? resourceProblems(model) : []),
  ];
}

function internalReached(declaration: Declaration): Diagnostic {
  return diagnostic('CG5001', {
    message: `openapi cannot describe ${declaration.name}: it is @internal, but a public type or service uses it.`,
    ...at(declaration.source),
    hint: 'Remove @internal, or stop using the type from public types and services (mark those @internal too).',
  });
}

function cannotHandle(declaration: Declaration, problem: Problem): Diagnostic {
  return diagnostic('CG5001', { message: `openapi: ${declaration.name}: ${problem.message}`, ...at(problem.source ?? declaration.source), severity: problem.severity });
}

interface Problem {
  message: string;
  severity: 'error' | 'warning';
  /** Where the problem is, when more precise than its declaration (a property). */
  source?: SourceLocation;
}

/**
 * What the document cannot say about `node` or a node below it (references are not followed: each
 * declaration is checked on its own), each located at the innermost property it was found in:
 * where the property's tag or decorator is (`@Matches()` on it, or the `@pattern` of the alias it
 * is typed by), as the mock's warnings about the same constraint are; a problem outside any
 * property stays at its declaration. Kept per frozen type part: in watch, only the edited
 * declarations are walked again.
 */
const typeProblems: (node: TypeNode) => readonly Problem[] = perFrozenPart((node: TypeNode): readonly Problem[] => {
  const properties = node.kind === 'object' ? [...node.properties, ...(node.behaviour?.accessors ?? [])] : [];
  const children = typeChildren(node);
  return [
    ...nodeProblems(node),
    // typeChildren lists an object's properties and accessors first, in this order.
    ...children.flatMap((child, position) => {
      const property = properties[position];
      const found = typeProblems(child.node);
      return property ? found.map((problem) => (problem.source ? problem : { ...problem, source: property.source })) : found;
    }),
  ];
});

function nodeProblems(node: TypeNode): Problem[] {
  switch (node.kind) {
    case 'number': {
      const step = node.constraints?.multipleOf;
      const value = step === undefined ? undefined : Number(step);
      return value === undefined || (Number.isFinite(value) && value > 0) ? [] : [{ message: `multipleOf ${step} is not a positive finite number.`, severity: 'error' }];
    }
    case 'string': {
      const pattern = node.constraints?.pattern;
      const problems = pattern ? patternProblems(pattern) : [];
      if (problems.length === 0) return [];
      // A pattern the schema cannot say exactly is left out; a `v` one said in u mode is written.
      const outcome = patternText(pattern!) === undefined ? 'the schema has no pattern there' : 'it is written as if they were not there';
      return [{ message: `the JSON Schema pattern of /${pattern!.source}/${pattern!.flags} cannot say ${problems.join(', ')}: ${outcome}.`, severity: 'warning' }];
    }
    case 'tuple': {
      const count = node.trailing?.length ?? 0;
      // JSON Schema counts positions from the start only (see tupleSchema).
      if (count === 0) return [];
      const one = count === 1;
      return [{ message: `the ${one ? 'element' : `${count} elements`} after the rest of a tuple ${one ? 'is' : 'are'} described as items of the rest's type or ${one ? 'its' : 'their'} own: the document requires the length but not that ${one ? 'it comes' : 'they come'} last.`, severity: 'warning' }];
    }
    case 'object':
      return [
        // Tools leave a readOnly property out of requests and a writeOnly one out of responses: both leave it out everywhere.
        ...node.properties
          .filter((property) => property.readOnly && property.writeOnly)
          .map((property) => ({
            message: `${property.name} is both @readOnly and @writeOnly: the document marks it readOnly and writeOnly, so tools leave it out of requests and responses alike.`,
            severity: 'warning' as const,
            source: property.source,
          })),
        // `x: undefined` without `?`: TypeScript requires the key, and JSON cannot carry its only value.
        ...node.properties
          .filter((property) => isRequired(property) && property.type.kind === 'undefined')
          .map((property) => ({
            message: `${property.name} is typed undefined without \`?\`: the key is required, but JSON cannot carry undefined, so no JSON value satisfies the schema.`,
            severity: 'warning' as const,
            source: property.source,
          })),
      ];
    default:
      return [];
  }
}

function resourceProblems(model: Model): Diagnostic[] {
  const index = createDeclarationIndex(model);
  const takenIds = new Map(publicServices(model).flatMap((service) => service.operations.map((operation) => [documentOperationId(service, operation), operation.source] as const)));
  const routes = new Set(publicServices(model).flatMap((service) => service.operations.map((operation) => `${pathMethod(operation.method)} ${operation.path}`)));
  const context = schemaContext(index);
  return resourceEntities(model, index).flatMap((entity) => {
    const names = resourceNames(entity);
    const problems: string[] = [
      ...[names.createSchema, names.updateSchema, names.rowSchema].filter((name) => index.all.some((declaration) => declaration.name === name)).map((name) => `the resource schema name ${name} is already a type's name.`),
      ...names.operationIds.filter((id) => takenIds.has(id)).map((id) => `the resource operation id ${id} is already a service operation's.`),
      ...resourceEntries(entity, index.get(entity.declaration), context, model.entities)
        .filter((entry) => routes.has(`${entry.method} ${entry.path}`))
        .map((entry) => `${entry.method.toUpperCase()} ${entry.path} is already a service operation.`),
    ];
    return problems.map((message) => diagnostic('CG5001', { message: `openapi resources for ${entity.name}: ${message}`, ...at(entity.source) }));
  });
}
