/**
 * Which declarations are entities, and their table names: `@entity [table]` or `@table name`
 * (JSDoc on an interface, type alias or class) or TypeORM's `@Entity('name')` / `@Entity()` /
 * `@Entity({ name })` on a class. Without an explicit name the entity's naming strategy makes
 * the table (naming.ts).
 */
import { Node } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import type { DeclarationNode } from '../declaration-table.js';
import { optionsOf, stringArgument, stringOption } from './static-options.js';
import { reportOtherOptions } from './typeorm-options.js';
import { jsDocTagNames } from '../tags/jsdoc.js';

/**
 * A table name is quoted wherever it is used, so quotes, semicolons and any script's letters are
 * fine; whitespace is refused (`@entity The user table` is a description, not a name), and so is
 * a dot: `audit.events` would be one identifier, not a schema-qualified name (SQLite has no
 * schemas), which `qualifiedNameHint` explains.
 */
const SQL_NAME = /^[^\s.\u0000]+$/u;
const NAME_HINT = 'Write one table name without spaces, e.g. `@table order_items` (it is always quoted, so any other character is fine).';
const QUALIFIED_HINT =
  'Schema-qualified names are not supported (SQLite has no schemas): write the table name alone and choose the PostgreSQL schema with the connection\'s `search_path` (`SET search_path TO audit`).';

function nameHint(name: string): string {
  return name.includes('.') ? QUALIFIED_HINT : NAME_HINT;
}

/** How an entity is marked: the table name written, if any, and whether TypeORM's `@Entity` marks it. */
export interface EntityMarker {
  table?: string;
  typeorm: boolean;
}

/** The marker of an entity declaration, or undefined when the declaration is not an entity. */
export function entityMarkerOf(node: DeclarationNode, typeName: string, ctx: AnalyzerContext): EntityMarker | undefined {
  if (!isEntityDeclaration(node)) return undefined;
  let table: string | undefined;
  for (const tag of ctx.tags(node)) {
    if (tag.name !== 'entity' && tag.name !== 'table') continue;
    if (tag.text === '' && tag.name === 'entity') continue;
    if (SQL_NAME.test(tag.text)) table = tag.text;
    else ctx.report('CG2101', tag.location, `@${tag.name} on ${typeName}: '${tag.text}' is not a table name.`, nameHint(tag.text));
  }
  const decorators = ctx.decorators(node).filter((d) => d.name === 'Entity');
  for (const decorator of decorators) {
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
      const written = 'value' in read ? read.value : String(read.wrong);
      ctx.report('CG2101', decorator.location, `@Entity() on ${typeName}: '${written}' is not a table name.`, nameHint(written));
    }
  }
  return { ...(table === undefined ? {} : { table }), typeorm: decorators.length > 0 };
}

/** True when a declaration carries an entity annotation (checked from syntax alone). */
export function isEntityDeclaration(node: Node): boolean {
  if (Node.isEnumDeclaration(node)) return false;
  const tagged = jsDocTagNames(node).some((name) => name === 'entity' || name === 'table');
  return tagged || (Node.isClassDeclaration(node) && node.getDecorators().some((d) => d.getName() === 'Entity'));
}
