/** One service method → one operation: route, parameters, responses, OpenAPI metadata and docs. */
import type { Node } from 'ts-morph';
import type { Operation, Parameter } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { readDocs } from '../tags/docs.js';
import { reportUnknownAnnotations } from '../tags/known-tags.js';
import { namedParameters, parameterName } from './destructured-parameters.js';
import { describableHandler } from './nest-handlers.js';
import { readParameters } from './parameters.js';
import { readErrors, readSuccess, returnsObservable, returnsPromise } from './responses.js';
import { placeholdersOf, routeOf, type Route } from './route.js';
import { fitRouteParameters, operationPath } from './route-template.js';
import type { ServiceBase } from './service-marker.js';
import type { ServiceMember } from './service-members.js';

/** What an operation takes from its service. */
export interface ServiceFrame {
  name: string;
  base: ServiceBase;
  /** The service's `@tag`s, else its name without a `Service`/`Controller` suffix. */
  tags: string[];
}

const NO_BODY = new Set(['GET', 'HEAD', 'DELETE']);

/** The operation of a routed member (own or inherited); undefined when it has no usable route. */
export function readOperation(member: ServiceMember, service: ServiceFrame, ctx: AnalyzerContext): Operation | undefined {
  const { name, node: method } = member;
  const path = `${service.name}.${name}`;
  const route = routeOf(method, path, ctx);
  if (!route) return undefined;
  const tags = ctx.tags(method);
  reportUnknownAnnotations(tags, ctx.decorators(method), path, ctx);
  const template = operationPath(service.base, route, ctx.decorators(method), path, ctx);
  if (!template) return undefined;
  const fullPath = template.path;
  const placeholders = placeholdersOf(fullPath);
  if (!describableHandler(member, path, ctx)) return undefined;
  if (!namedParameters(member.parameters, path, ctx)) return undefined;
  const parameters = readParameters(member.parameters, tags, placeholders, path, ctx, route.method, member.typeOf, member.bindings);
  if (!fitRouteParameters(parameters, template.syntax, route.location, path, ctx)) return undefined;
  checkParameters(parameters, placeholders, route, member, path, ctx);
  const operation: Operation = {
    name,
    method: route.method,
    path: fullPath,
    parameters,
    response: readSuccess(member, route.method, tags, path, ctx),
    async: returnsPromise(member.returnType),
    errors: readErrors(method, tags, path, ctx),
    operationId: tags.find((tag) => tag.name === 'operationId')?.text || name,
    tags: tags.some((tag) => tag.name === 'tag') ? tags.filter((tag) => tag.name === 'tag').map((tag) => tag.text) : [...service.tags],
    docs: readDocs(method, tags),
    source: ctx.source(method),
  };
  const summary = tags.find((tag) => tag.name === 'summary')?.text;
  if (summary) operation.summary = summary;
  if (member.receivesService) operation.receivesService = true;
  if (returnsObservable(member.returnType)) operation.observable = true;
  return operation;
}

/** CG2202 for a placeholder no parameter fills, CG2204 for a body where the verb takes none. */
function checkParameters(parameters: readonly Parameter[], placeholders: readonly string[], route: Route, member: ServiceMember, path: string, ctx: AnalyzerContext): void {
  const method: Node = member.node;
  for (const placeholder of placeholders) {
    if (parameters.some((p) => p.in === 'path' && p.wireName === placeholder)) continue;
    ctx.report('CG2202', method, `${path}: path placeholder {${placeholder}} of ${route.method} ${route.path || '/'} has no parameter.`);
  }
  const body = parameters.find((p) => p.in === 'body');
  if (body && NO_BODY.has(route.method)) {
    const node = member.parameters.find((parameter) => parameterName(parameter, ctx) === body.name) ?? method;
    ctx.report('CG2204', node, `${path}: ${route.method} takes no body, but '${body.name}' would be sent as one.`);
  }
}
