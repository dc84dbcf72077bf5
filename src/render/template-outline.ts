/**
 * What a template's AST says before it runs: for each path, how it reads in messages and
 * whether it may be missing (the value `#if`/`#unless` test); the helpers it calls that no one
 * registered; the partials it includes, with their positions (Handlebars reports a missing
 * partial without one).
 */
import type { TagLocation } from './template-failure.js';

type Node = hbs.AST.Node;
type Call = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;

/** How one path of the template is described and treated by the strict lookup. */
export interface PathSite {
  /** As written: `item.type`, `../name`, `@root.x`. */
  original: string;
  /** What precedes the segments in messages: `@`, `../`. */
  head: string;
  /** Tested by `#if`/`#unless`: its last segment may be missing. */
  optional: boolean;
}

export interface TemplateOutline {
  /** Calls with arguments to a name that is neither a registered helper nor a block param. */
  unknownHelpers: { name: string; loc: TagLocation }[];
  /** `{{> name}}` tags (name undefined for a dynamic `{{> (expr)}}`); partial blocks have a fallback and are left out. */
  partials: { name: string | undefined; loc: TagLocation }[];
}

/** Helpers whose first argument is a test: a missing last segment there is false, as documented. */
const TESTS = new Set(['if', 'unless']);

/**
 * Walks `program`, recording each path's site in `sites` under the path's `loc` object (the
 * location the compiler hands to each lookup it emits), and returns the outline.
 */
export function outlineTemplate(program: hbs.AST.Program, helpers: ReadonlySet<string>, sites: WeakMap<object, PathSite>): TemplateOutline {
  const outline: TemplateOutline = { unknownHelpers: [], partials: [] };
  const scopes: string[][] = [];
  const inScope = (name: string) => scopes.some((scope) => scope.includes(name));

  const path = (node: hbs.AST.PathExpression, optional = false) => {
    const head = node.data ? '@' : '../'.repeat(node.depth);
    sites.set(node.loc, { original: node.original, head, optional });
  };
  const visit = (node: Node | undefined | null, optional = false): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program': {
        const program = node as hbs.AST.Program;
        scopes.push(program.blockParams ?? []);
        program.body.forEach((statement) => visit(statement));
        scopes.pop();
        return;
      }
      case 'PathExpression':
        return path(node as hbs.AST.PathExpression, optional);
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement':
        return call(node as Call);
      case 'Decorator':
      case 'DecoratorBlock': {
        const decorator = node as hbs.AST.Decorator & { program?: hbs.AST.Program };
        decorator.params.forEach((param) => visit(param));
        visit(decorator.hash);
        return visit(decorator.program);
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const partial = node as hbs.AST.PartialStatement & { program?: hbs.AST.Program };
        if (node.type === 'PartialStatement') outline.partials.push({ name: staticName(partial.name), loc: partial.loc });
        if (partial.name.type === 'SubExpression') visit(partial.name);
        partial.params.forEach((param) => visit(param));
        visit(partial.hash);
        return visit(partial.program);
      }
      case 'Hash':
        return (node as hbs.AST.Hash).pairs.forEach((pair) => visit(pair.value));
      default:
        return;
    }
  };
  const call = (node: Call): void => {
    const head = node.path;
    if (head.type === 'PathExpression') {
      const callee = head as hbs.AST.PathExpression;
      const simple = callee.parts.length === 1 && callee.depth === 0 && !callee.data && !/^(this|\.)/.test(callee.original);
      const hasArguments = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
      const name = callee.parts[0] ?? '';
      if (hasArguments && simple && !helpers.has(name) && !inScope(name)) outline.unknownHelpers.push({ name, loc: callee.loc });
      path(callee);
    }
    const test = head.type === 'PathExpression' && TESTS.has((head as hbs.AST.PathExpression).original);
    node.params.forEach((param, index) => visit(param, test && index === 0));
    visit(node.hash);
    if (node.type === 'BlockStatement') {
      visit(node.program);
      visit(node.inverse);
    }
  };
  visit(program);
  return outline;
}

function staticName(name: hbs.AST.PathExpression | hbs.AST.SubExpression | hbs.AST.Expression): string | undefined {
  if (name.type === 'PathExpression') return (name as hbs.AST.PathExpression).original;
  if (name.type === 'StringLiteral' || name.type === 'NumberLiteral') return String((name as hbs.AST.StringLiteral).value);
  return undefined;
}
