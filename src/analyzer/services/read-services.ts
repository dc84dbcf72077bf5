/**
 * The services reader: every exported `@service` / `@Controller()` declaration of the input
 * files, in file then declaration order. It runs before the declaration queue is drained, so
 * the types its operations reference are read like any other, with the service's generators.
 */
import { Node, Scope, type MethodDeclaration, type MethodSignature, type SourceFile } from 'ts-morph';
import type { Operation, Service } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { readDocs } from '../tags/docs.js';
import { reportUnknownAnnotations } from '../tags/known-tags.js';
import { readSelection } from '../tags/selection.js';
import { readOperation } from './read-operation.js';
import { hasRouteAnnotation } from './route.js';
import { basePathOf, isServiceDeclaration, type ServiceNode } from './service-marker.js';

/** The model's services, read from the (sorted) input files; CG2203 for a route used twice. */
export function readServices(files: readonly SourceFile[], ctx: AnalyzerContext): Service[] {
  const services: Service[] = [];
  const routes = new Map<string, string>();
  for (const node of files.flatMap((file) => file.getStatements()).filter(isServiceDeclaration)) {
    if (!node.isExported()) {
      ctx.report('CG2012', node, `Service '${node.getName() ?? 'Default'}' is not exported.`, 'Export it: generated mocks implement it and generated code imports its types.');
      continue;
    }
    const service = readService(node, routes, ctx);
    services.push(service);
  }
  return services;
}

function readService(node: ServiceNode, routes: Map<string, string>, ctx: AnalyzerContext): Service {
  const name = node.getName() ?? 'Default';
  const tags = ctx.tags(node);
  reportUnknownAnnotations(tags, ctx.decorators(node), name, ctx);
  const { generators, internal } = readSelection(tags, name, ctx);
  const base = basePathOf(node, ctx);
  const ownTags = tags.filter((tag) => tag.name === 'tag').map((tag) => tag.text);
  const frame = { name, base, tags: ownTags.length > 0 ? ownTags : [defaultTag(name)] };
  // Types met in operations are referenced on the service's behalf: they inherit its generators.
  ctx.owner = { id: name, node, generators, candidate: true, referencedWhileHidden: false };
  const operations = methodsOf(node, ctx).flatMap((method) => {
    const operation = readOperation(method, frame, ctx);
    if (operation) checkDuplicate(operation, method, routes, ctx);
    return operation ? [operation] : [];
  });
  ctx.owner = undefined;
  return {
    id: name,
    name,
    kind: Node.isClassDeclaration(node) ? 'class' : 'interface',
    basePath: base.path,
    docs: readDocs(node, tags),
    internal,
    generators,
    source: ctx.source(node),
    operations,
  };
}

/**
 * An interface's methods are all operations (one without a route is CG2206); a class's
 * public instance methods are operations when routed, the rest are its own helpers.
 */
function methodsOf(node: ServiceNode, ctx: AnalyzerContext): (MethodDeclaration | MethodSignature)[] {
  if (Node.isInterfaceDeclaration(node)) {
    return node.getMethods().filter((method) => {
      if (hasRouteAnnotation(method, ctx)) return true;
      ctx.report('CG2206', method, `${node.getName()}.${method.getName()} has no route.`, 'Add `@http METHOD /path` to the method.');
      return false;
    });
  }
  return node.getMethods().filter((method) => !method.isStatic() && method.getScope() === Scope.Public && hasRouteAnnotation(method, ctx));
}

/** `BookService` → `Book`, `BooksController` → `Books`; the name itself when nothing is left. */
export function defaultTag(serviceName: string): string {
  return serviceName.replace(/(Service|Controller)$/, '') || serviceName;
}

/** CG2203 when the method and path (placeholder names aside) were already taken in this model. */
function checkDuplicate(operation: Operation, method: Node, routes: Map<string, string>, ctx: AnalyzerContext): void {
  const key = `${operation.method} ${operation.path.replace(/\{[^}]*\}/g, '{}')}`;
  const first = routes.get(key);
  const here = `${operation.source.file}:${operation.source.line}`;
  if (first === undefined) routes.set(key, here);
  else ctx.report('CG2203', method, `${operation.method} ${operation.path} is already an operation (at ${first}).`);
}
