/**
 * How an entity's database names are made when nothing names them: the table, the columns, a
 * relation's key column and a many-to-many's join table with its two columns. Three strategies,
 * pure functions of the names they are given:
 *
 * - `codegen`: codegen's own (spec annotations.md): table = snake_case plural of the type
 *   (`OrderItem` → `order_items`), column = snake_case of the property (`displayName` →
 *   `display_name`), key column `author_id`, join table `<owner table>_<property>` (`posts_tags`)
 *   with `<entity>_<key>` columns (`post_id`, `tag_slug`), `related_` before the second on a
 *   self-reference.
 * - `typeorm`: TypeORM's `DefaultNamingStrategy` (typeorm src/naming-strategy/DefaultNamingStrategy.ts,
 *   as built by src/metadata-builder/RelationJoinColumnBuilder.ts and JunctionEntityMetadataBuilder.ts):
 *   table = snakeCase(class) (`order_item`, never plural), column = the property's name
 *   (`displayName`), key column camelCase(relation + '_' + referenced property) (`authorId`), join
 *   table snakeCase(owner table + '_' + property + '_' + target table) (`post_tags_tag`) with columns
 *   camelCase(table + '_' + key column) (`postId`, `tagSlug`), `_1`/`_2` after both when they are
 *   equal (a self-reference: `categoryId_1`, `categoryId_2`).
 * - `typeorm-snake`: typeorm-naming-strategies' `SnakeNamingStrategy` (its src/snake-naming.strategy.ts),
 *   which overrides the default's column, key column and join table column with snakeCase
 *   (`display_name`, `author_id`, `post_id`); tables, join tables and the `_1`/`_2` suffixes as the default.
 *
 * A name written in the source (`@Entity('authors')`, `@Column({ name })`, `@JoinColumn({ name })`,
 * `@JoinTable({ name, joinColumn, inverseJoinColumn })`, `@table`, `@column`) always wins; the
 * strategies only make the rest. The config's `naming` chooses (`namingFor`): `auto` gives entities
 * declared with TypeORM's `@Entity` the `typeorm` strategy, as the database TypeORM made them has
 * them, and JSDoc `@entity` ones codegen's.
 */
import type { NamingOption } from '../../config/types.js';
import { snakeCase, tableName } from '../../model/index.js';

export type { NamingOption };

/** A join table's side: its entity, that entity's table and its key. */
export interface JoinSide {
  /** The entity's type name (`Post`). */
  entity: string;
  /** Its table, as named (`post`, or `posts` when `@Entity('posts')`). */
  table: string;
  /** The key's property (`id`). */
  keyProperty: string;
  /** The key's column (`id`; `tag_slug` when so named). */
  keyColumn: string;
}

export interface NamingStrategy {
  readonly name: Exclude<NamingOption, 'auto'>;
  /** The table of an entity without a written name. */
  table(typeName: string): string;
  /** The column of a property without a written name. */
  column(propertyName: string): string;
  /** The key column of a relation property (`author`) holding the target's `referencedProperty` (`id`). */
  joinColumn(relationProperty: string, referencedProperty: string): string;
  /** The join table of `owner`'s many-to-many `property` to `target`. */
  joinTable(owner: JoinSide, property: string, target: JoinSide): string;
  /** A join table's column holding `side`'s key. */
  joinTableColumn(side: JoinSide): string;
  /** The two join table columns when `joinTableColumn` made them equal (a self-reference). */
  distinctJoinColumns(name: string): [string, string];
}

/**
 * TypeORM's `snakeCase` (src/util/StringUtils.ts), as its strategies apply it: `ABc` → `a_bc`,
 * `aC` → `a_c`, then lower case. ASCII only, as TypeORM's: `OAuth2Client` → `o_auth2_client`,
 * `HTTPServer` → `http_server`, `user_name` stays.
 */
export function typeormSnakeCase(text: string): string {
  return text
    .replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * TypeORM's `camelCase` (src/util/StringUtils.ts): a leading capital lowered, and the character
 * after each space, `-` or `_` raised, the separator dropped (`order_item_id` → `orderItemId`).
 */
export function typeormCamelCase(text: string): string {
  return text.replace(/^([A-Z])|[\s\-_](\w)/g, (_match, first: string | undefined, next: string | undefined) => (next ? next.toUpperCase() : first!.toLowerCase()));
}

const codegen: NamingStrategy = {
  name: 'codegen',
  table: (typeName) => tableName(typeName),
  column: (propertyName) => snakeCase(propertyName),
  joinColumn: (relation, referenced) => `${snakeCase(relation)}_${snakeCase(referenced)}`,
  joinTable: (owner, property) => `${owner.table}_${snakeCase(property)}`,
  joinTableColumn: (side) => `${snakeCase(side.entity)}_${side.keyColumn}`,
  distinctJoinColumns: (name) => [name, `related_${name}`],
};

/** TypeORM's `joinTableColumnDuplicationPrefix(columnName, index)`: `columnName + '_' + index`, 1 and 2. */
const numbered = (name: string): [string, string] => [`${name}_1`, `${name}_2`];

/** TypeORM's `joinTableName(firstTable, secondTable, firstProperty)`; a property path's dots become `_`. */
const typeormJoinTable = (owner: JoinSide, property: string, target: JoinSide): string =>
  typeormSnakeCase(`${owner.table}_${property.replace(/\./g, '_')}_${target.table}`);

const typeorm: NamingStrategy = {
  name: 'typeorm',
  table: (typeName) => typeormSnakeCase(typeName),
  column: (propertyName) => propertyName,
  joinColumn: (relation, referenced) => typeormCamelCase(`${relation}_${referenced}`),
  joinTable: typeormJoinTable,
  // `joinTableColumnName(tableName, propertyName, columnName)`: the referenced column's database name.
  joinTableColumn: (side) => typeormCamelCase(`${side.table}_${side.keyColumn}`),
  distinctJoinColumns: numbered,
};

const typeormSnake: NamingStrategy = {
  name: 'typeorm-snake',
  table: (typeName) => typeormSnakeCase(typeName),
  column: (propertyName) => typeormSnakeCase(propertyName),
  joinColumn: (relation, referenced) => typeormSnakeCase(`${relation}_${referenced}`),
  joinTable: typeormJoinTable,
  joinTableColumn: (side) => typeormSnakeCase(`${side.table}_${side.keyColumn}`),
  distinctJoinColumns: numbered,
};

export const NAMING_STRATEGIES: Readonly<Record<Exclude<NamingOption, 'auto'>, NamingStrategy>> = { codegen, typeorm, 'typeorm-snake': typeormSnake };

/** The strategy for one entity: `auto` follows how it is declared (TypeORM's `@Entity` or JSDoc). */
export function namingFor(option: NamingOption | undefined, declaredWithTypeorm: boolean): NamingStrategy {
  const chosen = option ?? 'auto';
  if (chosen === 'auto') return declaredWithTypeorm ? typeorm : codegen;
  return NAMING_STRATEGIES[chosen];
}
