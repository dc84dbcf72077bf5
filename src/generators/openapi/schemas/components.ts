/**
 * `components.schemas`: which declarations the document describes, and each one's schema with
 * its documentation. Enums carry `x-enum-varnames` (and `x-enum-descriptions` when documented)
 * so client generators can name their members.
 */
import type { SchemaObject } from 'openapi3-ts/oas31';
import type { Declaration, EnumType, Model, Service, TypeNode } from '../../../model/types.js';
import type { DeclarationIndex } from '../../kit/declaration-index.js';
import { perFrozenPart } from '../../kit/frozen-memo.js';
import { directRefs } from '../../kit/type-refs.js';
import { collectInType } from '../../kit/walk.js';
import { GENERATOR_NAME } from '../options.js';
import { annotate, docsAnnotations } from './docs.js';
import { documentedValueJudge, fittingDocs } from './documented-values.js';
import type { SchemaContext } from './context.js';

/** Services the document describes: processed by openapi and not `@internal`. */
export function publicServices(model: Pick<Model, 'services'>): Service[] {
  return model.services.filter((service) => service.generators.includes(GENERATOR_NAME) && !service.internal);
}

/** Declarations the document starts from: processed by openapi and not `@internal`. */
export function publicDeclarations(index: DeclarationIndex): Declaration[] {
  return index.all.filter((declaration) => declaration.generators.includes(GENERATOR_NAME) && !declaration.internal);
}

/** Every type node an operation mentions: parameters, success and error bodies. */
export function operationTypes(service: Service): TypeNode[] {
  return service.operations.flatMap((operation) => [
    ...operation.parameters.map((parameter) => parameter.type),
    ...[operation.response, ...operation.errors].flatMap((response) => (response.type ? [response.type] : [])),
  ]);
}

/**
 * The declarations that get a component: the public ones, those the public services use, and
 * everything they reach. An `@internal` declaration reached from a public one is kept (the
 * document would not resolve without it) and reported by `check`.
 */
export function componentDeclarations(index: DeclarationIndex, services: readonly Service[], extraRoots: readonly string[] = []): Declaration[] {
  const roots = [
    ...publicDeclarations(index).map((declaration) => declaration.id),
    ...services.flatMap(operationTypes).flatMap(directRefs),
    ...extraRoots,
  ];
  const found = index.closure(roots);
  // A class's toJSON() result is its schema (type-schema.ts): the declarations that result names are described too.
  const viaJson = found.flatMap((declaration) => toJsonRefs(declaration.type));
  const known = new Set(found.map((declaration) => declaration.id));
  const more = viaJson.filter((id) => !known.has(id));
  return more.length === 0 ? found : componentDeclarations(index, services, [...extraRoots, ...found.map((declaration) => declaration.id), ...more]);
}

/**
 * The ids the `toJSON()` results inside a type tree name. Kept per frozen type tree
 * (frozen-memo.ts): `check` and `plan` both ask it of every component on every watch build.
 */
const toJsonRefs: (type: TypeNode) => readonly string[] = perFrozenPart((type: TypeNode) =>
  collectInType(type, (node) => (node.kind === 'object' && node.behaviour?.json ? directRefs(node.behaviour.json) : [])),
);

/** One declaration's component schema. */
export function declarationSchema(declaration: Declaration, context: SchemaContext): SchemaObject {
  const schema = declaration.type.kind === 'enum' ? enumSchema(declaration.type) : context.schemaOf(declaration.type);
  // A default or example the validators reject is left out (documented-values.ts); an enum's values are its members.
  const docs = declaration.type.kind === 'enum' ? declaration.docs : fittingDocs(declaration.docs, declaration.type, documentedValueJudge(context.index));
  return annotate(schema, docsAnnotations(docs));
}

function enumSchema(node: EnumType): SchemaObject {
  const values = node.members.map((member) => member.value);
  // Every member left out (CG2017, CG2022: `enum W { A = NaN }`): no value is one, as the validators
  // say; `enum: []` would say so too, but ajv's strict mode refuses an empty enum. (`enum Empty {}`,
  // written with no member, is no such enum: it is read as `number`, as TypeScript reads it.)
  if (values.length === 0) return { not: {} };
  const types = [...new Set(values.map((value) => (typeof value === 'string' ? 'string' : 'number')))];
  const schema: SchemaObject = { ...(types.length === 1 ? { type: types[0]! } : {}), enum: values, 'x-enum-varnames': node.members.map((member) => member.name) };
  if (node.members.some((member) => member.docs.description)) {
    schema['x-enum-descriptions'] = node.members.map((member) => member.docs.description ?? '');
  }
  return schema;
}
