/**
 * The TypeORM spelling of the persistence vocabulary, one handler per decorator. Options are
 * read statically (`@Column({ name: 'e_mail', unique: true })`); values of the wrong shape
 * are CG2101, values that cannot be read without running code are CG2013.
 */
import { Node } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import { isUnsupported, type DecoratorCall, type StaticValue } from '../tags/decorators.js';
import { GENERATED_VALUES, REFERENTIAL_ACTIONS, type ColumnAnnotations } from './annotations.js';
import { stamp } from './column-tags.js';
import { booleanOption, jsonOption, optionsOf, stringArgument, stringOption, typeRefArgument, type OptionRead } from './static-options.js';

interface Call {
  decorator: DecoratorCall;
  options: Record<string, StaticValue>;
  report: (problem: string) => void;
  /** CG2013 for an option whose value is an expression rather than a literal. */
  unreadable: (key: string, text: string) => void;
  /** The decorator's syntax, for what StaticValue cannot hold (the inverse side's arrow). */
  node: Node | undefined;
}

type DecoratorHandler = (annotations: ColumnAnnotations, call: Call) => void;

const ON_DELETE: Readonly<Record<string, (typeof REFERENTIAL_ACTIONS)[number]>> = {
  CASCADE: 'cascade', RESTRICT: 'restrict', 'NO ACTION': 'restrict', 'SET NULL': 'set-null',
};

const PRIMARY_STRATEGIES: Readonly<Record<string, (typeof GENERATED_VALUES)[number]>> = {
  increment: 'increment', identity: 'increment', rowid: 'increment', uuid: 'uuid',
};

const HANDLERS: Readonly<Record<string, DecoratorHandler>> = {
  Column: (a, call) => columnOptions(a, call, true),
  PrimaryColumn: (a, call) => {
    a.primaryKey = true;
    columnOptions(a, call, true);
  },
  PrimaryGeneratedColumn: (a, call) => {
    a.primaryKey = true;
    const strategy = stringArgument(call.decorator.arguments) ?? 'increment';
    const generated = PRIMARY_STRATEGIES[strategy];
    if (generated) a.generated = generated;
    else call.report(`unknown strategy '${strategy}' (expected increment, uuid, identity or rowid)`);
    columnOptions(a, call, false);
  },
  CreateDateColumn: (a, call) => {
    stamp(a, 'createdAt');
    columnOptions(a, call, false);
  },
  UpdateDateColumn: (a, call) => {
    stamp(a, 'updatedAt');
    columnOptions(a, call, false);
  },
  Unique: (a) => (a.unique = true),
  Index: (a, call) => {
    a.index = stringArgument(call.decorator.arguments) ?? true;
    if (take(booleanOption(call.options, 'unique'), 'unique', 'true or false', call)) a.unique = true;
  },
  ManyToOne: (a, call) => {
    const type = typeRefArgument(call.decorator.arguments);
    if (!type) return call.report('expected `() => Type` as the first argument');
    a.references = { type, location: call.decorator.location, written: '@ManyToOne()', ...(a.references?.field ? { field: a.references.field } : {}) };
    const onDelete = take(stringOption(call.options, 'onDelete'), 'onDelete', 'a string', call);
    if (onDelete === undefined) return;
    const action = ON_DELETE[onDelete.toUpperCase()];
    if (action) a.onDelete = { action, location: call.decorator.location };
    else call.report(`onDelete '${onDelete}' (expected CASCADE, RESTRICT, NO ACTION or SET NULL)`);
  },
  JoinColumn: (a, call) => {
    const name = take(stringOption(call.options, 'name'), 'name', 'a string', call);
    if (name !== undefined) a.name = name;
    const field = take(stringOption(call.options, 'referencedColumnName'), 'referencedColumnName', 'a string', call);
    if (field !== undefined) a.references = { ...(a.references ?? { type: '', location: call.decorator.location, written: '@JoinColumn()' }), field };
  },
  OneToMany: (a, call) => {
    const type = typeRefArgument(call.decorator.arguments);
    if (!type) return call.report('expected `() => Type` as the first argument');
    const inverse = call.node ? inverseProperty(call.node) : undefined;
    a.oneToMany = { type, location: call.decorator.location, ...(inverse ? { inverse } : {}) };
  },
};

/** Applies the TypeORM decorators on a property node to `annotations`. */
export function applyColumnDecorators(annotations: ColumnAnnotations, node: Node, path: string, ctx: AnalyzerContext): void {
  const syntax = Node.isDecoratable(node) ? node.getDecorators() : [];
  ctx.decorators(node).forEach((decorator, index) => {
    const handler = HANDLERS[decorator.name];
    if (!handler) return;
    // Relation decorators take arrows (`(book) => book.author`) that are read from syntax.
    const unreadable = decorator.arguments.find((arg, at): arg is { unsupported: string } => isUnsupported(arg) && !isArrowArgument(syntax[index], at));
    if (unreadable) {
      ctx.report('CG2013', decorator.location, `@${decorator.name}() on ${path}: argument '${unreadable.unsupported}' cannot be read statically.`);
      return;
    }
    const report = (problem: string): void => ctx.report('CG2101', decorator.location, `Bad @${decorator.name}() on ${path}: ${problem}.`);
    const unreadableOption = (key: string, text: string): void =>
      ctx.report('CG2013', decorator.location, `@${decorator.name}() on ${path}: option ${key} '${text}' cannot be read statically.`);
    handler(annotations, { decorator, options: optionsOf(decorator.arguments), report, unreadable: unreadableOption, node: syntax[index] });
  });
}

function columnOptions(a: ColumnAnnotations, call: Call, typeArgument: boolean): void {
  const { options } = call;
  const name = take(stringOption(options, 'name'), 'name', 'a string', call);
  if (name !== undefined) a.name = name;
  const dbType = take(stringOption(options, 'type'), 'type', 'a string', call) ?? (typeArgument ? stringArgument(call.decorator.arguments) : undefined);
  if (dbType !== undefined) a.dbType = dbType;
  if (take(booleanOption(options, 'unique'), 'unique', 'true or false', call)) a.unique = true;
  if (take(booleanOption(options, 'primary'), 'primary', 'true or false', call)) a.primaryKey = true;
  const nullable = take(booleanOption(options, 'nullable'), 'nullable', 'true or false', call);
  if (nullable !== undefined) a.nullable = nullable;
  const value = take(jsonOption(options, 'default'), 'default', 'a plain value', call);
  if (value !== undefined) a.default = { value };
}

/** The value of option `key`, reporting a value of the wrong shape or one that cannot be read. */
function take<T>(read: OptionRead<T>, key: string, expected: string, call: Call): T | undefined {
  if (read && 'wrong' in read) call.report(`${key} must be ${expected}, got ${read.wrong}`);
  if (read && 'unreadable' in read) call.unreadable(key, read.unreadable);
  return read && 'value' in read ? read.value : undefined;
}

function isArrowArgument(decorator: Node | undefined, at: number): boolean {
  const argument = decorator && Node.isDecorator(decorator) ? decorator.getArguments()[at] : undefined;
  return argument !== undefined && Node.isArrowFunction(argument);
}

/** `author` from `@OneToMany(() => Book, (book) => book.author)`. */
function inverseProperty(decorator: Node): string | undefined {
  if (!Node.isDecorator(decorator)) return undefined;
  const arrow = decorator.getArguments()[1];
  if (!arrow || !Node.isArrowFunction(arrow)) return undefined;
  const body = arrow.getBody();
  return Node.isPropertyAccessExpression(body) ? body.getName() : undefined;
}
