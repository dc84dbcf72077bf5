/**
 * Where each parameter of an operation travels. The first rule that matches wins:
 * 1. a NestJS decorator: `@Param('id')`, `@Query()` / `@Query('key')`, `@Headers('name')`, `@Body()`;
 * 2. a method tag naming it: `@header Name param` (or `@header param`), `@query param`;
 * 3. a name equal to a `{placeholder}` of the path → path;
 * 4. the name `query` → query;
 * 5. an object type, or a union of object types → the body (a second one is CG2206: mark it `@query`
 *    or merge them);
 * 6. in a POST, PUT or PATCH without such a body, the first other non-scalar parameter (an array,
 *    a tuple, a union holding one: `createMany(items: Item[])`) → the body, as tsoa and NestJS users
 *    expect; when several could be, the choice is the warning CG2209 at the one chosen;
 * 7. anything else (a primitive) → a query parameter of the same name.
 * A query parameter of object type that names no key (`@Query()`, `@query filter`, a parameter named
 * `query`) spreads into one query parameter per property (`spread: true`); a named key
 * (`@Query('filter') filter: FilterDto`) is one parameter under that key, as Nest passes
 * `req.query.filter`. `@Param() params: ParamsDto` is one path parameter per property that
 * fills a placeholder. A NestJS decorator's pipes (`@Body(ValidationPipe)`,
 * `@Query('page', ParseIntPipe)`) are the server's and change nothing here (nest-parameter-key.ts).
 * Parameters the server fills are not API parameters and are left out (framework-parameters.ts).
 */
import { Node, type ParameterDeclaration, type Type } from 'ts-morph';
import type { Parameter, ParameterLocation } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { Bindings } from '../types/bindings.js';
import type { JsDocTag } from '../tags/jsdoc.js';
import { parameterName } from './destructured-parameters.js';
import { isFrameworkParameter } from './framework-parameters.js';
import { decoratorKey } from './nest-parameter-key.js';
import { isUnsupported, type StaticValue } from '../tags/decorators.js';
import { operationType } from './operation-type.js';

interface Placement {
  in: ParameterLocation;
  wireName: string;
  /** Placed by its type alone (rule 7), so rule 6 may make it the body. */
  implicit?: boolean;
  /** Names no key (`@Query()`, `@Param()`): an object's properties are the parameters. */
  whole?: boolean;
  /** `@Query('page', new DefaultValuePipe(1))`: the server fills a missing value, so the client may leave it out. */
  defaulted?: boolean;
}

/**
 * The parameters of an operation, in declaration order. `typeOf` gives a parameter's type as the
 * service sees it (an inherited `get(id: T)` of `Crud<Item>` takes an `Item`), and `bindings` what
 * the service's `extends` clauses bind `T` to, as written (`Crud<Code>`: a `Code`, with its tags).
 */
export function readParameters(parameters: readonly ParameterDeclaration[], tags: readonly JsDocTag[], placeholders: readonly string[], path: string, ctx: AnalyzerContext, method = 'GET', typeOf: (parameter: ParameterDeclaration) => Type = (parameter) => parameter.getType(), bindings?: Bindings): Parameter[] {
  const headers = headerTags(tags);
  const queries = new Set(tags.filter((tag) => tag.name === 'query').map((tag) => tag.text.split(/\s+/)[0]!));
  reportUnknownNames(tags, parameters, path, ctx);
  const docs = paramDescriptions(tags);
  const placements = new Map<ParameterDeclaration, Placement>();
  for (const parameter of parameters) {
    const name = parameterName(parameter, ctx);
    const where = `${path}(${name})`;
    if (isFrameworkParameter(ctx.decorators(parameter), where, ctx)) continue;
    placements.set(parameter, decoratorPlacement(parameter, name, where, ctx) ?? tagPlacement(name, headers, queries) ?? implicitPlacement(name, typeOf(parameter), placeholders));
  }
  if (TAKES_BODY.has(method)) placeStructuredBody(placements, typeOf, path, ctx);
  let body: string | undefined;
  return parameters.flatMap((parameter): Parameter[] => {
    const name = parameterName(parameter, ctx);
    const where = `${path}(${name})`;
    const placement = placements.get(parameter);
    if (!placement) return [];
    if (placement.in === 'path' && placement.whole) return pathProperties(parameter, typeOf(parameter), placeholders, where, ctx, bindings);
    if (placement.in === 'body') {
      if (body !== undefined) ctx.report('CG2206', parameter, `${where}: a second body parameter (the body is already '${body}').`, 'Pass one object as the body, or mark the others `@query`.');
      body = name;
    }
    const optional = { value: parameter.isOptional() || (placement.defaulted === true && placement.in !== 'path') };
    const type = operationType(typeOf(parameter), { syntax: parameter.getTypeNode(), signature: parameter.getTypeNode(), at: parameter, path: where, optional, bindings }, ctx);
    const spread = placement.in === 'query' && placement.whole === true && isPlainObject(typeOf(parameter));
    const description = docs.get(name);
    return [{ name, in: placement.in, wireName: placement.wireName, type, optional: optional.value, spread, docs: description ? { description } : {} }];
  });
}

const DECORATOR_LOCATIONS: Readonly<Record<string, ParameterLocation>> = { Param: 'path', Query: 'query', Headers: 'header', Body: 'body' };

function decoratorPlacement(parameter: ParameterDeclaration, name: string, where: string, ctx: AnalyzerContext): Placement | undefined {
  const decorator = ctx.decorators(parameter).find((d) => d.name in DECORATOR_LOCATIONS);
  if (!decorator) return undefined;
  const location = DECORATOR_LOCATIONS[decorator.name]!;
  const key = decoratorKey(parameter, decorator);
  if (key.kind === 'unreadable') {
    ctx.report('CG2206', decorator.location, `@${decorator.name}() on ${where}: expected a name string codegen can read (a string literal, or a constant initialised with one).`);
  }
  const named = key.kind === 'key' ? key.key : undefined;
  if (location === 'header' && named === undefined) {
    ctx.report('CG2206', decorator.location, `@${decorator.name}() on ${where} needs the header name, e.g. @${decorator.name}('${name}').`);
  }
  // `@Param() params: ParamsDto`: one path parameter per property (pathProperties); a scalar has no properties to place.
  if (location === 'path' && key.kind === 'whole') return { in: 'path', wireName: name, whole: true };
  // `@Body('name')` is left out with its operation before parameters are read (nest-handlers.ts).
  if (location === 'body') return { in: 'body', wireName: name };
  return { in: location, wireName: named ?? name, whole: key.kind === 'whole', defaulted: decorator.arguments.some(isDefaultValuePipe) };
}

/** `new DefaultValuePipe(1)` among a decorator's pipes: Nest puts the value in when the request has none. */
function isDefaultValuePipe(argument: StaticValue): boolean {
  return isUnsupported(argument) && /^new\s+(?:[\w$]+\.)*DefaultValuePipe\b/.test(argument.unsupported);
}

/**
 * `@Param() params: ParamsDto`: Nest passes `req.params`, so each property of the DTO that names a
 * `{placeholder}` is that path parameter, under the property's name (a placeholder no property
 * fills is CG2202, as for any route). Properties that name no placeholder are never sent.
 */
function pathProperties(parameter: ParameterDeclaration, type: Type, placeholders: readonly string[], where: string, ctx: AnalyzerContext, bindings: Bindings | undefined): Parameter[] {
  if (!isPlainObject(type)) {
    ctx.report('CG2206', parameter, `@Param() on ${where}: without a name it reads all path parameters, so its type must be an object with a property per placeholder.`, "Name the placeholder (@Param('id') id: string), or type the parameter as an object (params: { id: string }).");
    return [];
  }
  return type.getNonNullableType().getProperties().flatMap((property): Parameter[] => {
    const key = property.getName();
    if (!placeholders.includes(key)) return [];
    const declaration = property.getDeclarations()[0];
    const syntax = declaration && (Node.isPropertySignature(declaration) || Node.isPropertyDeclaration(declaration)) ? declaration.getTypeNode() : undefined;
    const optional = { value: false };
    const propertyType = operationType(property.getTypeAtLocation(parameter), { syntax, at: parameter, path: `${where}.${key}`, optional, bindings }, ctx);
    return [{ name: key, in: 'path', wireName: key, type: propertyType, optional: false, spread: false, docs: {} }];
  });
}

function tagPlacement(name: string, headers: ReadonlyMap<string, string>, queries: ReadonlySet<string>): Placement | undefined {
  const header = headers.get(name);
  if (header !== undefined) return { in: 'header', wireName: header };
  return queries.has(name) ? { in: 'query', wireName: name, whole: true } : undefined;
}

function implicitPlacement(name: string, type: Type, placeholders: readonly string[]): Placement {
  if (placeholders.includes(name)) return { in: 'path', wireName: name };
  if (name === 'query') return { in: 'query', wireName: name, whole: true };
  if (isPlainObject(type) || isObjectUnion(type)) return { in: 'body', wireName: name };
  return { in: 'query', wireName: name, implicit: true };
}

const TAKES_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Rule 6: a POST, PUT or PATCH without an object body sends its first implicitly placed non-scalar
 * parameter as the body. A query could carry it only as `items=<JSON>` or `items[0][name]=…`, which
 * no server framework reads as the list the signature declares.
 */
function placeStructuredBody(placements: Map<ParameterDeclaration, Placement>, typeOf: (parameter: ParameterDeclaration) => Type, path: string, ctx: AnalyzerContext): void {
  if ([...placements.values()].some((placement) => placement.in === 'body')) return;
  const candidates = [...placements].filter(([parameter, placement]) => placement.implicit && isStructured(typeOf(parameter)));
  const [first, ...others] = candidates;
  if (!first) return;
  const [parameter, placement] = first;
  placements.set(parameter, { in: 'body', wireName: placement.wireName });
  if (others.length > 0) {
    const names = others.map(([other]) => `'${parameterName(other, ctx)}'`).join(', ');
    ctx.report('CG2209', parameter, `${path}(${parameterName(parameter, ctx)}) is sent as the request body; ${names} could be too and stay${others.length === 1 ? 's' : ''} in the query.`, `Mark ${names} \`@query\` to say so, or pass one object as the body.`);
  }
}

/** A union whose every defined member is an object (a discriminated union of events): a body like an object. */
function isObjectUnion(type: Type): boolean {
  if (!type.isUnion()) return false;
  const defined = type.getUnionTypes().filter((t) => !t.isUndefined() && !t.isNull());
  return defined.length > 1 && defined.every((member) => isPlainObject(member));
}

/** Anything but primitives, literals, enums and Dates: arrays, tuples, unions holding one. */
function isStructured(type: Type): boolean {
  const members = type.isUnion() ? type.getUnionTypes() : [type];
  return members.some((member) => member.isObject() && member.getSymbol()?.getName() !== 'Date');
}

/** `@header X-Request-Id requestId` → requestId ↦ X-Request-Id; `@header token` → token ↦ token. */
function headerTags(tags: readonly JsDocTag[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const tag of tags.filter((t) => t.name === 'header')) {
    const [wire, parameter = wire] = tag.text.split(/\s+/);
    if (wire) headers.set(parameter!, wire);
  }
  return headers;
}

function reportUnknownNames(tags: readonly JsDocTag[], parameters: readonly ParameterDeclaration[], path: string, ctx: AnalyzerContext): void {
  const known = new Set(parameters.map((p) => parameterName(p, ctx)));
  for (const tag of tags.filter((t) => t.name === 'query' || t.name === 'header')) {
    const words = tag.text.split(/\s+/);
    const name = tag.name === 'header' ? words[1] ?? words[0] : words[0];
    if (!name) ctx.report('CG2206', tag.location, `@${tag.name} on ${path} names no parameter.`);
    else if (!known.has(name)) ctx.report('CG2206', tag.location, `@${tag.name} on ${path} names '${name}', which is not a parameter.`);
  }
}

/** `@param name text`, `@param {T} name - text`, `@param [name] text` → name ↦ text. */
function paramDescriptions(tags: readonly JsDocTag[]): Map<string, string> {
  const descriptions = new Map<string, string>();
  for (const tag of tags.filter((t) => t.name === 'param')) {
    const match = /^(?:\{[^}]*\}\s*)?\[?([\w$]+)(?:=[^\]]*)?\]?\s*(?:-\s*)?([\s\S]*)$/.exec(tag.text);
    if (match && match[2]) descriptions.set(match[1]!, match[2].trim());
  }
  return descriptions;
}

/** An object that is neither an array nor a Date: it spreads as a query or travels as a body. */
export function isPlainObject(type: Type): boolean {
  const defined = type.isUnion() ? type.getUnionTypes().filter((t) => !t.isUndefined() && !t.isNull()) : [type];
  if (defined.length !== 1) return false;
  const only = defined[0]!;
  // `Omit<Book, 'id'> & { authorId: string }` is an object too: every member must be one.
  if (only.isIntersection()) return only.getIntersectionTypes().every((member) => isPlainObject(member));
  return only.isObject() && !only.isArray() && !only.isReadonlyArray() && !only.isTuple() && only.getSymbol()?.getName() !== 'Date';
}
