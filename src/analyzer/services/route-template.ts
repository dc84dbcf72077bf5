/**
 * An operation's full path template: version prefix, base path and route, with NestJS route
 * syntax translated (route-syntax.ts). What the template cannot say is CG2207: an optional
 * part is documented as present; a pattern leaves the operation out, and so does a wildcard no
 * parameter reads (no client could fill it). Wildcard parameters are marked `spansSegments`;
 * a `:id(\\d+)` pattern becomes the string parameter's `pattern`.
 */
import type { Parameter, SourceLocation } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { Route } from './route.js';
import { joinPath } from './route.js';
import { translateNestRoute, type RouteSyntax } from './route-syntax.js';
import type { ServiceBase } from './service-marker.js';
import { methodVersionPrefix } from './versioning.js';
import type { DecoratorCall } from '../tags/decorators.js';

export interface OperationPath {
  /** The normalised template (`/v1/files/{path}`). */
  path: string;
  /** The base's and the route's syntax together. */
  syntax: RouteSyntax;
}

/** The template of a routed method; undefined (after CG2207) when its route cannot be one. */
export function operationPath(base: ServiceBase, route: Route, decorators: readonly DecoratorCall[], where: string, ctx: AnalyzerContext): OperationPath | undefined {
  const own: RouteSyntax = route.nest ? translateNestRoute(route.path) : { path: route.path, wildcards: [], patterns: {}, optional: [] };
  const version = methodVersionPrefix(decorators, where, ctx);
  const syntax: RouteSyntax = {
    path: own.path,
    wildcards: [...base.syntax.wildcards, ...own.wildcards],
    patterns: { ...base.syntax.patterns, ...own.patterns },
    optional: [...base.syntax.optional, ...own.optional],
  };
  const unexpressible = base.syntax.unexpressible ?? own.unexpressible;
  if (unexpressible !== undefined) {
    ctx.report('CG2207', route.location, `${where}: the route part '${unexpressible}' is a pattern no OpenAPI path template can express; the operation is left out of the API.`, 'Use plain segments, `:name` parameters or a `*name` wildcard; check the value on the server instead of in the route.');
    return undefined;
  }
  for (const part of syntax.optional) {
    ctx.report('CG2207', route.location, `${where}: the optional route part '${part}' is documented and sent as present: OpenAPI has no optional path parameters, so the route without it is not in the API.`, 'Declare the route without the optional part on a second method to have both in the API.');
  }
  const prefix = version === undefined ? base.path : version + base.unversioned;
  return { path: joinPath(prefix, own.path), syntax };
}

/**
 * Marks the parameters filling wildcards and gives string parameters their route pattern;
 * false (after CG2207) when a wildcard is read by no parameter.
 */
export function fitRouteParameters(parameters: Parameter[], syntax: RouteSyntax, location: SourceLocation, where: string, ctx: AnalyzerContext): boolean {
  const pathParameter = (name: string) => parameters.find((parameter) => parameter.in === 'path' && parameter.wireName === name);
  for (const wildcard of syntax.wildcards) {
    const parameter = pathParameter(wildcard.name);
    if (parameter) {
      parameter.spansSegments = true;
      continue;
    }
    const why = wildcard.midSegment
      ? `'${wildcard.written}' is a pattern in NestJS 10 and older, which no OpenAPI path template can express, and in NestJS 11 a wildcard named '${wildcard.name}', which no @Param('${wildcard.name}') reads`
      : `the wildcard '${wildcard.written}' is read by no parameter${wildcard.unnamed ? ` (NestJS 11 names it '${wildcard.name}')` : ''}`;
    ctx.report('CG2207', location, `${where}: ${why}, so no client could fill it; the operation is left out of the API.`, `Name the wildcard and read it: \`*${wildcard.name}\` with @Param('${wildcard.name}').`);
    return false;
  }
  for (const [name, pattern] of Object.entries(syntax.patterns)) {
    const parameter = pathParameter(name);
    if (parameter?.type.kind === 'string' && isRegex(pattern)) {
      parameter.type = { ...parameter.type, constraints: { ...parameter.type.constraints, pattern: { source: `^(?:${pattern})$`, flags: '' } } };
    }
  }
  return true;
}

function isRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
