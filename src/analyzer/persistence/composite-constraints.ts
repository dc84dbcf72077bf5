/**
 * Constraints declared on the entity rather than on one property: TypeORM's class decorators
 * `@Unique([name,] ['a', 'b'])` and `@Index([name,] ['a', 'b'], { unique })` (the property list
 * may also be an arrow, `(e) => [e.a, e.b]`), and the JSDoc tags `@unique [name] (a, b)` and
 * `@index [name] (a, b)` on the type. Property names are checked when columns are known.
 */
import { Node } from 'ts-morph';
import type { SourceLocation } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { badTagValue } from '../tags/bad-value.js';
import type { DeclarationNode } from '../declaration-table.js';
import { positionOf } from '../location.js';
import { readJsDocTags } from '../tags/jsdoc.js';
import type { DecoratorCall, StaticValue } from '../tags/decorators.js';
import { booleanOption, optionsOf } from './static-options.js';
import { reportOtherOptions } from './typeorm-options.js';

/** A composite constraint as written, with where to report a bad property (`at`) and the model location. */
export interface WrittenComposite {
  kind: 'unique' | 'index';
  name?: string;
  properties: string[];
  unique: boolean;
  source: SourceLocation;
  at: SourceLocation;
  written: string;
}

const TAG_FORM = /^(?:([A-Za-z_][A-Za-z0-9_]*)\s*)?\(([^)]*)\)$/;
const PROPERTY = /^[A-Za-z_$][\w$]*$/;

/** The composite constraints written on an entity declaration, tags first, in source order. */
export function readCompositeConstraints(node: DeclarationNode, typeName: string, ctx: AnalyzerContext): WrittenComposite[] {
  const found: WrittenComposite[] = [];
  const sources = readJsDocTags(node, ctx.options.rootDir);
  ctx.tags(node).forEach((tag, at) => {
    if (tag.name !== 'unique' && tag.name !== 'index') return;
    const match = TAG_FORM.exec(tag.text);
    const properties = match ? match[2]!.split(',').map((p) => p.trim()) : [];
    if (!match || properties.length === 0 || !properties.every((p) => PROPERTY.test(p))) {
      ctx.report('CG2101', tag.location, badTagValue(tag.name, typeName, '`[name] (property, property…)`', tag.text), `e.g. \`@${tag.name} (authorId, slug)\` on the type.`);
      return;
    }
    const kind = tag.name;
    found.push({ kind, properties, unique: kind === 'unique', source: sources[at]!.location, at: tag.location, written: `@${kind}`, ...(match[1] ? { name: match[1] } : {}) });
  });
  const syntax = Node.isDecoratable(node) ? node.getDecorators() : [];
  ctx.decorators(node).forEach((decorator, at) => {
    if (decorator.name !== 'Unique' && decorator.name !== 'Index') return;
    const read = fromDecorator(decorator, syntax[at], typeName, ctx);
    if (read) found.push({ ...read, source: positionOf(syntax[at]!, ctx.options.rootDir), at: decorator.location, written: `@${decorator.name}()` });
  });
  return found;
}

type DecoratorRead = Omit<WrittenComposite, 'source' | 'at' | 'written'>;

function fromDecorator(decorator: DecoratorCall, node: Node | undefined, typeName: string, ctx: AnalyzerContext): DecoratorRead | undefined {
  const args = decorator.arguments;
  const name = typeof args[0] === 'string' ? args[0] : undefined;
  const list = args[name === undefined ? 0 : 1];
  const properties = propertyList(list) ?? arrowList(node, name === undefined ? 0 : 1);
  const where = `@${decorator.name}() on ${typeName}`;
  if (!properties) {
    ctx.report('CG2101', decorator.location, `${where}: expected a list of property names, e.g. \`@${decorator.name}(['a', 'b'])\`.`);
    return undefined;
  }
  const kind = decorator.name === 'Unique' ? 'unique' : 'index';
  const options = optionsOf(args);
  let unique = kind === 'unique';
  if (kind === 'index') {
    const read = booleanOption(options, 'unique');
    if (read && 'value' in read) unique = read.value;
    else if (read) ctx.report('CG2101', decorator.location, `${where}: unique must be true or false.`);
    reportOtherOptions(options, 'index', { decorator: decorator.name, path: typeName, location: decorator.location }, ctx);
  }
  return { kind, properties, unique, ...(name !== undefined ? { name } : {}) };
}

function propertyList(value: StaticValue | undefined): string[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
}

/** `['a', 'b']` from `(e) => [e.a, e.b]`. */
function arrowList(decorator: Node | undefined, at: number): string[] | undefined {
  const arrow = decorator && Node.isDecorator(decorator) ? decorator.getArguments()[at] : undefined;
  if (!arrow || !Node.isArrowFunction(arrow)) return undefined;
  const body = arrow.getBody();
  if (!Node.isArrayLiteralExpression(body)) return undefined;
  const names = body.getElements().map((element) => (Node.isPropertyAccessExpression(element) ? element.getName() : undefined));
  return names.length > 0 && names.every((n): n is string => n !== undefined) ? names : undefined;
}
