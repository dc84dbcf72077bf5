/**
 * An operation's verb and path: `@http METHOD /path/{param}` or NestJS's `@Get(':id')` …
 * Paths are joined to the base path and normalised: one leading slash, no trailing or double
 * slashes, NestJS `:param` segments written as OpenAPI `{param}`.
 */
import type { Node } from 'ts-morph';
import type { HttpMethod, SourceLocation } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { tagNeedsValue } from '../tags/bad-value.js';
import type { StaticValue } from '../tags/decorators.js';

export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** NestJS route decorators; `All` names no single verb, so it is CG2201. */
const NEST_VERBS: Readonly<Record<string, HttpMethod | undefined>> = {
  Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Head: 'HEAD', Options: 'OPTIONS', All: undefined,
};

export interface Route {
  method: HttpMethod;
  /** Relative to the base path, as written (normalised when joined). */
  path: string;
  /** Written in a NestJS decorator: route syntax (`:id`, `*path`, `{/:opt}`) to translate. */
  nest: boolean;
  /** Where the route is written (the tag or the decorator). */
  location: SourceLocation;
}

/** The route written on a method; `undefined` when none is written or it is unusable (reported). */
export function routeOf(method: Node, path: string, ctx: AnalyzerContext): Route | undefined {
  let route: Route | undefined;
  for (const tag of ctx.tags(method).filter((t) => t.name === 'http')) {
    const [verb = '', routePath = '', ...extra] = tag.text.split(/\s+/);
    const upper = verb.toUpperCase() as HttpMethod;
    if (tag.text.trim() === '') ctx.report('CG2206', tag.location, tagNeedsValue('http', path, '`METHOD /path`'));
    else if (!HTTP_METHODS.includes(upper)) ctx.report('CG2201', tag.location, `Unknown HTTP method '${verb}' in @http on ${path}.`);
    else if (extra.length > 0) ctx.report('CG2206', tag.location, `@http on ${path}: expected \`METHOD /path\`, got '${tag.text}'.`);
    else route = { method: upper, path: routePath, nest: false, location: tag.location };
  }
  for (const decorator of ctx.decorators(method).filter((d) => d.name in NEST_VERBS)) {
    const verb = NEST_VERBS[decorator.name];
    const first = firstOfPaths(decorator.arguments[0], `@${decorator.name}() on ${path}`, decorator.location, ctx);
    if (!verb) ctx.report('CG2201', decorator.location, `@${decorator.name}() on ${path} names no single HTTP method.`, 'Use @Get(), @Post(), @Put(), @Patch(), @Delete(), @Head() or @Options().');
    else if (first !== undefined && typeof first !== 'string') ctx.report('CG2206', decorator.location, `@${decorator.name}() on ${path}: expected a path string.`);
    else route = { method: verb, path: first ?? '', nest: true, location: decorator.location };
  }
  return route;
}

/**
 * NestJS takes several paths for one route (`@Get(['a', 'b'])`, `@Controller(['x', 'y'])`): one
 * operation has one path, so the first is used and CG2207 names the others. Anything else is
 * returned as written.
 */
export function firstOfPaths(value: StaticValue | undefined, what: string, location: SourceLocation, ctx: AnalyzerContext): StaticValue | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string')) return value;
  const [first, ...others] = value as string[];
  if (others.length > 0) {
    ctx.report('CG2207', location, `${what} answers on ${value.length} paths; the API describes the first, '${first}', and leaves out ${others.map((other) => `'${other}'`).join(', ')}.`, 'Give each path its own method to describe them all.');
  }
  return first;
}

/** True when the method carries any route annotation, even an unusable one. */
export function hasRouteAnnotation(method: Node, ctx: AnalyzerContext): boolean {
  return ctx.tags(method).some((t) => t.name === 'http') || ctx.decorators(method).some((d) => d.name in NEST_VERBS);
}

/** `/` + the non-empty segments, `:param` as `{param}` (`books//:id/` → `/books/{id}`). */
export function normalisePath(path: string): string {
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment));
  return `/${segments.join('/')}`;
}

/** The full path of an operation: base path and route path joined, normalised. */
export function joinPath(basePath: string, routePath: string): string {
  return normalisePath(`${basePath}/${routePath}`);
}

/** The `{placeholder}` names of a path, in order. */
export function placeholdersOf(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}
