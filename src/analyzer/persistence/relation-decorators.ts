/**
 * TypeORM's relation decorators: `@ManyToOne`, `@OneToOne`, `@OneToMany`, `@ManyToMany`, each
 * `(() => Type, inverse?, options?)`, and the owner markers `@JoinColumn()` / `@JoinTable()`.
 * The inverse is an arrow (`(book) => book.author`) or a property name, read from syntax.
 */
import { Node } from 'ts-morph';
import type { ReferentialAction, RelationKind } from '../../model/index.js';
import type { StaticValue } from '../tags/decorators.js';
import type { ColumnAnnotations } from './annotations.js';
import { reportBad, reportOthers, take, type Call, type DecoratorHandler } from './decorator-call.js';
import { booleanOption, optionsOf, stringOption, typeRefArgument } from './static-options.js';

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  CASCADE: 'cascade', RESTRICT: 'restrict', 'NO ACTION': 'no-action', 'SET NULL': 'set-null',
};

/** The relation decorators' handlers, by decorator name. */
export const RELATION_HANDLERS: Readonly<Record<string, DecoratorHandler>> = {
  ManyToOne: (a, call) => relation(a, call, 'many-to-one'),
  OneToOne: (a, call) => relation(a, call, 'one-to-one'),
  OneToMany: (a, call) => relation(a, call, 'one-to-many'),
  ManyToMany: (a, call) => relation(a, call, 'many-to-many'),
  JoinColumn: (a, call) => {
    if (Array.isArray(call.decorator.arguments[0])) {
      return reportBad(call, 'several join columns (a composite foreign key) are not supported', 'Reference one column that is the key or unique (`@JoinColumn({ referencedColumnName })`), or give the target a single-column key.');
    }
    a.joinColumn = call.decorator.location;
    const name = take(stringOption(call.options, 'name'), 'name', 'a string', call);
    if (name !== undefined) a.name = name;
    const field = take(stringOption(call.options, 'referencedColumnName'), 'referencedColumnName', 'a string', call);
    if (field !== undefined) a.referencedField = { field, location: call.decorator.location };
    reportOthers(call, 'joinColumn');
  },
  JoinTable: (a, call) => {
    a.joinTable = { location: call.decorator.location };
    const name = take(stringOption(call.options, 'name'), 'name', 'a string', call);
    if (name !== undefined) a.joinTable.name = name;
    const joinColumn = joinColumnName(call.options['joinColumn'], 'joinColumn', call);
    if (joinColumn !== undefined) a.joinTable.joinColumn = joinColumn;
    const inverseJoinColumn = joinColumnName(call.options['inverseJoinColumn'], 'inverseJoinColumn', call);
    if (inverseJoinColumn !== undefined) a.joinTable.inverseJoinColumn = inverseJoinColumn;
    reportOthers(call, 'joinTable');
  },
};

function relation(a: ColumnAnnotations, call: Call, kind: RelationKind): void {
  const type = typeRefArgument(call.decorator.arguments);
  if (!type) return reportBad(call, 'expected `() => Type` as the first argument');
  const inverse = inverseOf(call);
  a.relation = { kind, type, mappedBy: false, spelling: 'decorator', location: call.decorator.location, written: `@${call.decorator.name}()`, ...(inverse ? { inverse } : {}) };
  const actions = kind === 'many-to-one' || kind === 'one-to-one' ? (['onDelete', 'onUpdate'] as const) : [];
  for (const key of actions) {
    const written = take(stringOption(call.options, key), key, 'a string', call);
    if (written === undefined) continue;
    const action = ACTIONS[written.toUpperCase()];
    if (action) a[key] = { action, location: call.decorator.location };
    else reportBad(call, `${key} '${written}' (expected CASCADE, RESTRICT, NO ACTION or SET NULL)`);
  }
  const nullable = take(booleanOption(call.options, 'nullable'), 'nullable', 'true or false', call);
  if (nullable !== undefined && actions.length > 0) a.nullable = nullable;
  reportOthers(call, actions.length > 0 ? 'relation' : 'toMany');
}

/** `member` from `(loan) => loan.member` or `'member'` as the second argument. */
function inverseOf(call: Call): string | undefined {
  const written = call.decorator.arguments[1];
  if (typeof written === 'string') return written;
  const arrow = call.node && Node.isDecorator(call.node) ? call.node.getArguments()[1] : undefined;
  if (!arrow || !Node.isArrowFunction(arrow)) return undefined;
  const body = arrow.getBody();
  return Node.isPropertyAccessExpression(body) ? body.getName() : undefined;
}

/** `joinColumn: { name: 'post_id' }` of `@JoinTable()`. */
function joinColumnName(value: StaticValue | undefined, key: string, call: Call): string | undefined {
  if (value === undefined) return undefined;
  const options = optionsOf([value]);
  const name = take(stringOption(options, 'name'), `${key}.name`, 'a string', call);
  if (options['referencedColumnName'] !== undefined) {
    call.ctx.report('CG2104', call.decorator.location, `@JoinTable() on ${call.path}: option '${key}.referencedColumnName' is not supported by codegen and is ignored.`, 'Join table columns reference the primary keys.');
  }
  return name;
}
