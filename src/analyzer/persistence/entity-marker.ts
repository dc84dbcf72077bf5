/**
 * Which declarations are entities, and their table names: `@entity [table]` or `@table name`
 * (JSDoc on an interface, type alias or class) or TypeORM's `@Entity('name')` / `@Entity()` /
 * `@Entity({ name })` on a class. Without an explicit name the table is `tableName(type)`.
 */
import { Node } from 'ts-morph';
import { tableName } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { DeclarationNode } from '../declaration-table.js';
import { optionsOf, stringArgument, stringOption } from './static-options.js';
import { reportOtherOptions } from './typeorm-options.js';

const SQL_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/** The table of an entity declaration, or undefined when the declaration is not an entity. */
export function entityTableOf(node: DeclarationNode, typeName: string, ctx: AnalyzerContext): string | undefined {
  if (!isEntityDeclaration(node)) return undefined;
  let table: string | undefined;
  for (const tag of ctx.tags(node)) {
    if (tag.name !== 'entity' && tag.name !== 'table') continue;
    if (tag.text === '' && tag.name === 'entity') continue;
    if (SQL_NAME.test(tag.text)) table = tag.text;
    else ctx.report('CG2101', tag.location, `@${tag.name} on ${typeName}: '${tag.text}' is not a table name.`, 'Write one SQL identifier, e.g. `@table order_items`.');
  }
  for (const decorator of ctx.decorators(node).filter((d) => d.name === 'Entity')) {
    const argument = stringArgument(decorator.arguments);
    const options = optionsOf(decorator.arguments);
    reportOtherOptions(options, 'entity', { decorator: 'Entity', path: typeName, location: decorator.location }, ctx);
    const read = argument === undefined ? stringOption(options, 'name') : { value: argument };
    if (read === undefined) continue;
    if ('unreadable' in read) {
      ctx.report('CG2013', decorator.location, `@Entity() on ${typeName}: name '${read.unreadable}' cannot be read statically.`);
    } else if ('value' in read && SQL_NAME.test(read.value)) {
      table = read.value;
    } else {
      ctx.report('CG2101', decorator.location, `@Entity() on ${typeName}: '${'value' in read ? read.value : read.wrong}' is not a table name.`);
    }
  }
  return table ?? tableName(typeName);
}

/** True when a declaration carries an entity annotation (checked from syntax alone). */
export function isEntityDeclaration(node: Node): boolean {
  if (Node.isEnumDeclaration(node)) return false;
  const tagged = Node.isJSDocable(node) && node.getJsDocs().some((doc) => doc.getTags().some((tag) => ['entity', 'table'].includes(tag.getTagName())));
  return tagged || (Node.isClassDeclaration(node) && node.getDecorators().some((d) => d.getName() === 'Entity'));
}
