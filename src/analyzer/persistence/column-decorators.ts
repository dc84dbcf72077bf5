/**
 * The TypeORM spelling of the persistence vocabulary, one handler per decorator (relations in
 * relation-decorators.ts). Arguments are read statically; a decorator TypeORM has but codegen
 * does not model (`@VersionColumn()`) is a CG2104 warning rather than silently dropped.
 */
import { Node } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import { isUnsupported } from '../tags/decorators.js';
import { GENERATED_VALUES, type ColumnAnnotations } from './annotations.js';
import { stamp } from './column-tags.js';
import { readColumnOptions, readPrimaryGeneratedOptions } from './column-options.js';
import { columnTypeSuggestion, constructorOf, type ConstructorRead } from './column-type-constructors.js';
import { reportBad, reportOthers, take, type Call, type DecoratorHandler } from './decorator-call.js';
import { RELATION_HANDLERS } from './relation-decorators.js';
import { booleanOption, optionsOf, stringArgument } from './static-options.js';

const STRATEGIES: Readonly<Record<string, (typeof GENERATED_VALUES)[number]>> = {
  increment: 'increment', identity: 'increment', rowid: 'increment', uuid: 'uuid',
};

/** TypeORM property decorators codegen does not model. */
const UNSUPPORTED_DECORATORS = [
  'VersionColumn', 'DeleteDateColumn', 'ObjectIdColumn', 'ViewColumn', 'VirtualColumn', 'RelationId', 'RelationCount',
  'TreeParent', 'TreeChildren', 'TreeLevelColumn',
];

const HANDLERS: Readonly<Record<string, DecoratorHandler>> = {
  Column: (a, call) => {
    if (isArrowArgument(call.node, 0)) reportEmbedded(call);
    const constructor = constructorArgument(call.node);
    if (constructor) return reportConstructorArgument(constructor, call);
    if (readColumnOptions(a, call, true) === undefined) a.untypedColumn = true;
  },
  PrimaryColumn: (a, call) => {
    a.primaryKey = true;
    readColumnOptions(a, call, true);
  },
  PrimaryGeneratedColumn: (a, call) => {
    a.primaryKey = true;
    generatedBy(a, call);
    readPrimaryGeneratedOptions(a, call);
  },
  Generated: (a, call) => generatedBy(a, call),
  CreateDateColumn: (a, call) => {
    stamp(a, 'createdAt');
    readColumnOptions(a, call, false);
  },
  UpdateDateColumn: (a, call) => {
    stamp(a, 'updatedAt');
    readColumnOptions(a, call, false);
  },
  Unique: (a) => (a.unique = true),
  Index: (a, call) => {
    a.index = stringArgument(call.decorator.arguments) ?? true;
    if (take(booleanOption(call.options, 'unique'), 'unique', 'true or false', call)) a.unique = true;
    reportOthers(call, 'index');
  },
  ...RELATION_HANDLERS,
};

/**
 * The TypeORM property decorators that make a column or a relation: TypeORM reads a property of an
 * `@Entity()` class only through them (one holding none, or only `@Index()`, `@RelationId()`,
 * class-transformer's `@Exclude()`…, is no column of the table it makes).
 */
const COLUMN_DECORATORS: ReadonlySet<string> = new Set([
  'Column', 'PrimaryColumn', 'PrimaryGeneratedColumn', 'CreateDateColumn', 'UpdateDateColumn',
  'VersionColumn', 'DeleteDateColumn', 'ObjectIdColumn', 'TreeLevelColumn',
  'ManyToOne', 'OneToOne', 'OneToMany', 'ManyToMany', 'TreeParent', 'TreeChildren',
]);

/** Whether a property node carries a TypeORM decorator that makes it a column or a relation. */
export function hasColumnDecorator(node: Node, ctx: AnalyzerContext): boolean {
  return ctx.decorators(node).some((decorator) => COLUMN_DECORATORS.has(decorator.name));
}

/** Whether a decorator of this name makes a column or a relation. */
export function isColumnDecorator(name: string): boolean {
  return COLUMN_DECORATORS.has(name);
}

/**
 * Applies the TypeORM decorators on a property node to `annotations`; with `columns: false`, only
 * those that make no column or relation (`@Index()` on a property whose column an ancestor makes).
 */
export function applyColumnDecorators(annotations: ColumnAnnotations, node: Node, path: string, ctx: AnalyzerContext, columns = true): void {
  const syntax = Node.isDecoratable(node) ? node.getDecorators() : [];
  ctx.decorators(node).forEach((decorator, index) => {
    if (!columns && COLUMN_DECORATORS.has(decorator.name)) return;
    if (UNSUPPORTED_DECORATORS.includes(decorator.name)) {
      ctx.report('CG2104', decorator.location, `@${decorator.name}() on ${path} is not supported by codegen and is ignored.`, 'Remove it, or keep the column out of the entity with @transient.');
      return;
    }
    const handler = HANDLERS[decorator.name];
    if (!handler) return;
    // Relation decorators take arrows (`(book) => book.author`) that are read from syntax, and
    // column decorators a constructor as the type (`@PrimaryColumn(String)`; column-options.ts).
    const readFromSyntax = (at: number) => isArrowArgument(syntax[index], at) || (at === 0 && TYPE_ARGUMENT.has(decorator.name) && constructorArgument(syntax[index]) !== undefined);
    const unreadable = decorator.arguments.find((arg, at): arg is { unsupported: string } => isUnsupported(arg) && !readFromSyntax(at));
    if (unreadable) {
      ctx.report('CG2013', decorator.location, `@${decorator.name}() on ${path}: argument '${unreadable.unsupported}' cannot be read statically.`);
      return;
    }
    handler(annotations, { decorator, options: optionsOf(decorator.arguments), path, ctx, node: syntax[index] });
  });
}

/** `@PrimaryGeneratedColumn('uuid')`, `@Generated('increment')`: the strategy, `increment` by default. */
function generatedBy(a: ColumnAnnotations, call: Call): void {
  const strategy = stringArgument(call.decorator.arguments) ?? 'increment';
  const generated = STRATEGIES[strategy];
  if (generated) a.generated = generated;
  else reportBad(call, `unknown strategy '${strategy}' (expected increment, uuid, identity or rowid)`);
}

/**
 * `@Column(() => Address) address!: Address`: TypeORM's embedded entity, which it stores as
 * columns of this table (`address_street`, `address_zip`). codegen stores the value as one JSON
 * column, which round-trips but is not the layout of a database TypeORM made: said, not silent.
 */
function reportEmbedded(call: Call): void {
  call.ctx.report(
    'CG2104',
    call.decorator.location,
    `@Column(() => …) on ${call.path}: TypeORM's embedded columns (one column per field, prefixed with the property's name) are not supported; codegen stores the value in one JSON column.`,
    'To match a table TypeORM made, declare the embedded fields as columns of the entity; to keep one JSON column, write `@Column({ type: \'jsonb\' })` to silence this.',
  );
}

/** The decorators whose first argument may be the column type. */
const TYPE_ARGUMENT: ReadonlySet<string> = new Set(['Column', 'PrimaryColumn']);

/** The constructor written as the decorator's first argument (`@Column(String)`), if one is. */
function constructorArgument(decorator: Node | undefined): ConstructorRead {
  return decorator && Node.isDecorator(decorator) ? constructorOf(decorator.getArguments()[0]) : undefined;
}

/**
 * `@Column(String)`: TypeORM's `@Column()` takes any function as its first argument for an
 * embedded type (`@Column(() => Address)`), a constructor too, and String's embedded fields are
 * none, so TypeORM makes no column at all (0.3's `Column.js`; `@PrimaryColumn(String)` is a type).
 */
function reportConstructorArgument(constructor: NonNullable<ConstructorRead>, call: Call): void {
  const name = 'mapped' in constructor ? constructor.mapped : constructor.other;
  const instead = 'mapped' in constructor ? `as an option, \`@Column({ type: ${name} })\`, or as a string` : 'as a string';
  reportBad(
    call,
    `TypeORM reads a function as @Column()'s first argument as an embedded type (as in \`@Column(() => Address)\`), so \`@Column(${name})\` makes no column`,
    `Write the column type ${instead}: ${columnTypeSuggestion(name)}.`,
  );
}

function isArrowArgument(decorator: Node | undefined, at: number): boolean {
  const argument = decorator && Node.isDecorator(decorator) ? decorator.getArguments()[at] : undefined;
  return argument !== undefined && Node.isArrowFunction(argument);
}
