/**
 * TypeORM's constructor column types (`@Column({ type: String, nullable: true }) title!: string | null`):
 * its `ColumnType` includes `StringConstructor`, `NumberConstructor`, `BooleanConstructor` and
 * `DateConstructor`, and a strict-null project needs them, since TypeScript reflects `string | null`
 * as `Object`. They are as static as a string, so they are read as TypeORM reads them: its
 * decorators fill an untyped column's `type` with the reflected constructor, so a constructor that
 * names the property's own type (`String` on a `string`, `null` aside) is the column `@Column()`
 * makes; another is the type its SQLite and PostgreSQL drivers name it (`normalizeType`: String →
 * `varchar` / `character varying`, Number → `integer`, Boolean → `boolean`, Date → `datetime` /
 * `timestamp`, the same zoneless timestamp). Any other constructor (`Buffer`, `Object`, a class) is
 * CG2101, naming the string to write.
 */
import { Node, ts, type Type } from 'ts-morph';
import { reportBad, type Call } from './decorator-call.js';

export type TypeConstructor = 'String' | 'Number' | 'Boolean' | 'Date';

/** The type TypeORM's drivers name each constructor (its SQLite name; see the module comment). */
const TYPEORM_TYPE_NAMES: Readonly<Record<TypeConstructor, string>> = { String: 'varchar', Number: 'integer', Boolean: 'boolean', Date: 'datetime' };

/** What to write instead of a constructor TypeORM gives no portable column type. */
const SUGGESTIONS: Readonly<Record<string, string>> = {
  String: "'varchar' (or 'text')",
  Number: "'integer' (or 'double precision', 'numeric')",
  Boolean: "'boolean'",
  Date: "'timestamptz' (or 'datetime')",
  Buffer: "'bytea' (PostgreSQL; 'blob' on SQLite)",
  Uint8Array: "'bytea' (PostgreSQL; 'blob' on SQLite)",
  BigInt: "'bigint'",
  Array: "'simple-array' or 'simple-json', or the item's type with `array: true`",
};
const JSON_SUGGESTION = "'jsonb' or 'simple-json' (the value stored as JSON)";

/** A constructor written as a column type: one of TypeORM's four, another one, or none (`expression` is something else). */
export type ConstructorRead = { mapped: TypeConstructor } | { other: string } | undefined;

/** Whether `expression` names a constructor (`String`, `Buffer`, a class), and which. */
export function constructorOf(expression: Node | undefined): ConstructorRead {
  let node = expression;
  while (node && (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node) || Node.isNonNullExpression(node))) {
    node = node.getExpression();
  }
  if (!node || !(Node.isIdentifier(node) || Node.isPropertyAccessExpression(node))) return undefined;
  const declarations = node.getSymbol()?.getDeclarations() ?? [];
  const name = node.getText();
  // The global one, not a local of that name: declared only in the default library's files.
  const global = declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile());
  if (global && name in TYPEORM_TYPE_NAMES) return { mapped: name as TypeConstructor };
  const type = node.getType();
  const isClass = declarations.some((declaration) => Node.isClassDeclaration(declaration));
  return isClass || type.getConstructSignatures().length > 0 || (global && type.getCallSignatures().length > 0) ? { other: name } : undefined;
}

/**
 * The column type a constructor stands for on this call's property: undefined when it names the
 * property's own type (the column `@Column()` makes), else TypeORM's name for it. `array`: the
 * constructor is the items' type (`{ type: Number, array: true }`), never the property's.
 */
export function constructorColumnType(constructor: TypeConstructor, call: Call, array: boolean): string | undefined {
  const property = call.node?.getParent();
  const reflected = !array && property ? reflectedConstructor(property.getType()) : undefined;
  return reflected === constructor ? undefined : TYPEORM_TYPE_NAMES[constructor];
}

/** CG2101 for a constructor TypeORM does not map (`type: Buffer`), naming the string to write. */
export function reportOtherConstructor(name: string, where: string, call: Call): void {
  reportBad(
    call,
    `${where} '${name}' is a constructor codegen cannot read as a column type (it reads TypeORM's String, Number, Boolean and Date)`,
    `Write the column type as a string: ${columnTypeSuggestion(name)}.`,
  );
}

/** The string column type(s) to write instead of constructor `name` (`'bytea' (PostgreSQL; 'blob' on SQLite)`). */
export function columnTypeSuggestion(name: string): string {
  return SUGGESTIONS[name] ?? JSON_SUGGESTION;
}

/**
 * The constructor TypeScript's decorator metadata reflects for `type` with `null` and `undefined`
 * left out (what TypeORM fills an untyped column's type with): `String` for text and string
 * literals or enums, `Number` for numbers and numeric enums, `Boolean`, `Date`.
 */
function reflectedConstructor(type: Type): TypeConstructor | undefined {
  const members = (type.isUnion() ? type.getUnionTypes() : [type]).filter((member) => !member.isNull() && !member.isUndefined());
  if (members.length === 0) return undefined;
  const all = (flags: ts.TypeFlags) => members.every((member) => (member.getFlags() & flags) !== 0);
  if (all(ts.TypeFlags.StringLike)) return 'String';
  if (all(ts.TypeFlags.NumberLike)) return 'Number';
  if (all(ts.TypeFlags.BooleanLike)) return 'Boolean';
  return members.length === 1 && members[0]!.getSymbol()?.getName() === 'Date' ? 'Date' : undefined;
}
