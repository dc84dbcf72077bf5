/**
 * The services reader: every exported `@service` / `@Controller()` declaration of the input
 * files, in file then declaration order. It runs before the declaration queue is drained, so
 * the types its operations reference are read like any other, with the service's generators.
 */
import { Node, type SourceFile } from 'ts-morph';
import type { Operation, Service } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { readDocs } from '../tags/docs.js';
import { reportUnknownAnnotations } from '../tags/known-tags.js';
import { readSelection } from '../tags/selection.js';
import { readOperation } from './read-operation.js';
import { basePathOf, isServiceDeclaration, type ServiceNode } from './service-marker.js';
import { serviceMembers } from './service-members.js';

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
  const operations = serviceMembers(node, ctx).flatMap((member) => {
    const operation = readOperation(member, frame, ctx);
    if (operation) checkDuplicate(operation, `${name}.${operation.name}${member.inherited}`, member.node, routes, ctx);
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

/** `BookService` → `Book`, `BooksController` → `Books`; the name itself when nothing is left. */
export function defaultTag(serviceName: string): string {
  return serviceName.replace(/(Service|Controller)$/, '') || serviceName;
}

/** CG2203 when the method and path (placeholder names aside) were already taken in this model. */
function checkDuplicate(operation: Operation, where: string, method: Node, routes: Map<string, string>, ctx: AnalyzerContext): void {
  const key = `${operation.method} ${operation.path.replace(/\{[^}]*\}/g, '{}')}`;
  const first = routes.get(key);
  const here = `${operation.source.file}:${operation.source.line}`;
  if (first === undefined) routes.set(key, here);
  else ctx.report('CG2203', method, `${where}: ${operation.method} ${operation.path} is already an operation (at ${first}).`);
}
