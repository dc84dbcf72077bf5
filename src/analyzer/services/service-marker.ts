/**
 * Which declarations are services, and their base paths: `@service [basePath]` (JSDoc on an
 * interface or class) or NestJS's `@Controller('path')` / `@Controller({ path })` on a class.
 */
import { Node, type ClassDeclaration, type InterfaceDeclaration } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import { jsDocTagNames } from '../tags/jsdoc.js';
import { normalisePath } from './route.js';

export type ServiceNode = InterfaceDeclaration | ClassDeclaration;

/** True when an interface or class carries a service annotation (checked from syntax alone). */
export function isServiceDeclaration(node: Node): node is ServiceNode {
  if (!Node.isInterfaceDeclaration(node) && !Node.isClassDeclaration(node)) return false;
  const tagged = jsDocTagNames(node).includes('service');
  return tagged || (Node.isClassDeclaration(node) && node.getDecorators().some((d) => d.getName() === 'Controller'));
}

/** The service's base path, normalised (`/books`, or `` for none). */
export function basePathOf(node: ServiceNode, ctx: AnalyzerContext): string {
  let written = '';
  for (const tag of ctx.tags(node).filter((t) => t.name === 'service')) written = tag.text;
  for (const decorator of ctx.decorators(node).filter((d) => d.name === 'Controller')) {
    const [first] = decorator.arguments;
    const path = typeof first === 'object' && first !== null && !Array.isArray(first) && 'object' in first ? first.object['path'] : first;
    if (typeof path === 'string') written = path;
    else if (path !== undefined) ctx.report('CG2206', decorator.location, `@Controller() on ${node.getName() ?? 'Default'}: expected a path string.`);
  }
  if (/\s/.test(written.trim())) {
    ctx.report('CG2206', node, `@service on ${node.getName() ?? 'Default'}: '${written}' is not a base path.`, 'Write one path, e.g. `@service /books`.');
    return '';
  }
  const path = normalisePath(written);
  return path === '/' ? '' : path;
}
