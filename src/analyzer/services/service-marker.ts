/**
 * Which declarations are services, and their base paths: `@service [basePath]` (JSDoc on an
 * interface or class) or NestJS's `@Controller('path')` / `@Controller({ path, version, host })`
 * on a class.
 */
import { Node, type ClassDeclaration, type InterfaceDeclaration } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import type { DecoratorCall, StaticValue } from '../tags/decorators.js';
import { jsDocTagNames } from '../tags/jsdoc.js';
import { firstOfPaths, normalisePath } from './route.js';
import { translateNestRoute, type RouteSyntax } from './route-syntax.js';
import { versionPrefix } from './versioning.js';

export type ServiceNode = InterfaceDeclaration | ClassDeclaration;

/** Where a service's operations live. */
export interface ServiceBase {
  /** The normalised base path with the controller's version (`/v1/items`), `` for none. */
  path: string;
  /** The base path without the version, for methods with their own `@Version()`. */
  unversioned: string;
  /** What the controller path's route syntax said (wildcards, patterns, optional parts). */
  syntax: RouteSyntax;
}

/** True when an interface or class carries a service annotation (checked from syntax alone). */
export function isServiceDeclaration(node: Node): node is ServiceNode {
  if (!Node.isInterfaceDeclaration(node) && !Node.isClassDeclaration(node)) return false;
  const tagged = jsDocTagNames(node).includes('service');
  return tagged || (Node.isClassDeclaration(node) && node.getDecorators().some((d) => d.getName() === 'Controller'));
}

/** The service's base path, normalised (`/books`, or `` for none), and its controller version. */
export function basePathOf(node: ServiceNode, ctx: AnalyzerContext): ServiceBase {
  const name = node.getName() ?? 'Default';
  let written = '';
  let syntax: RouteSyntax = translateNestRoute('');
  let version = '';
  for (const tag of ctx.tags(node).filter((t) => t.name === 'service')) written = tag.text;
  for (const decorator of ctx.decorators(node).filter((d) => d.name === 'Controller')) {
    const options = objectArgument(decorator.arguments[0]);
    const path = firstOfPaths(options ? options['path'] : decorator.arguments[0], `@Controller() on ${name}`, decorator.location, ctx);
    if (typeof path === 'string') {
      syntax = translateNestRoute(path);
      written = syntax.path;
    } else if (path !== undefined) ctx.report('CG2206', decorator.location, `@Controller() on ${name}: expected a path string.`);
    if (options) version = controllerOptions(options, decorator, name, ctx);
  }
  if (/\s/.test(written.trim())) {
    ctx.report('CG2206', node, `@service on ${name}: '${written}' is not a base path.`, 'Write one path, e.g. `@service /books`.');
    return { path: version, unversioned: '', syntax: translateNestRoute('') };
  }
  const path = normalisePath(written);
  const unversioned = path === '/' ? '' : path;
  return { path: version + unversioned, unversioned, syntax };
}

/** `version` read (as a path prefix), `host` warned about: routing by host is not in the API. */
function controllerOptions(options: Record<string, StaticValue>, decorator: DecoratorCall, name: string, ctx: AnalyzerContext): string {
  if (options['host'] !== undefined) {
    const host = typeof options['host'] === 'string' ? `'${options['host']}'` : 'a host';
    ctx.report('CG2207', decorator.location, `@Controller() on ${name} answers only on ${host}; the host is not part of the generated API, whose paths are relative to the client's baseUrl.`, 'Point the client\'s baseUrl (and the document\'s servers) at that host.');
  }
  return versionPrefix(options['version'], decorator, name, ctx);
}

function objectArgument(value: StaticValue | undefined): Record<string, StaticValue> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'object' in value ? value.object : undefined;
}
