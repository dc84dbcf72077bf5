/**
 * The intermediate model: what the analyzer produces and every generator and template reads.
 *
 * Plain, JSON-serialisable data. Shared declarations are referenced by id (`{ kind: 'ref' }`),
 * which keeps recursive and cross-file types finite. Arrays are in a stable order: source path,
 * then declaration order, so the same sources always give byte-identical JSON.
 * Documented for template authors in docs/model.md; printed by `codegen inspect`.
 */

/** Bumped when the model changes shape in a way custom templates would notice. */
export const MODEL_VERSION = 1;

export interface Model {
  version: typeof MODEL_VERSION;
  /** Every analysed source file (POSIX paths relative to the config folder), sorted. */
  files: SourceFile[];
  /** Every named type, processed or only referenced, in stable order. */
  declarations: Declaration[];
  /** Persisted types (`@entity`, `@Entity()`), in declaration order. */
  entities: Entity[];
  /** HTTP services (`@service`, `@Controller()`), in declaration order. */
  services: Service[];
  /**
   * The compiler options of the user's tsconfig that change what a type admits, as the analysis
   * read them; absent when none is set. Outputs depend on them (see `Property.exactOptional`).
   */
  compilerOptions?: ModelCompilerOptions;
}

/** See `Model.compilerOptions`. */
export interface ModelCompilerOptions {
  /** `x?: string` admits a missing key, not an own `undefined` (only `x?: string | undefined` does). */
  exactOptionalPropertyTypes?: true;
}

export interface SourceFile {
  /** POSIX path relative to the config folder, e.g. `src/models/user.ts`. */
  path: string;
  /** True when the file matched the config's `input` globs; false when only reached by imports. */
  input: boolean;
}

/** A position in a user's file, 1-based as editors show it. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface Docs {
  /** Leading comment text, trimmed, with JSDoc tags removed. */
  description?: string;
  title?: string;
  /** `true` for a bare `@deprecated`, the reason otherwise. */
  deprecated?: true | string;
  /** Parsed `@example` values (JSON when it parses, the bare text otherwise). */
  examples?: unknown[];
  /** Parsed `@default` value. */
  default?: unknown;
}

export type DeclarationKind = 'interface' | 'class' | 'type' | 'enum';

/** A named type: an interface, class, type alias, enum, or a generic instantiated at a use site. */
export interface Declaration {
  /** Unique in the model; referenced by `RefType.id`. Equal to `name` today. */
  id: string;
  /**
   * The name generated code uses (`User`, `Page_Order` for `Page<Order>`, `TermStore_Term` for
   * `Term` declared in the namespace `TermStore`).
   */
  name: string;
  /**
   * Set for a type declared in a namespace: how TypeScript code names it (`TermStore.Inner.Term`).
   * Generated code imports the first segment (`TermStore`) and writes this text.
   */
  qualifiedName?: string;
  kind: DeclarationKind;
  source: SourceLocation;
  /**
   * Set when the source file exports the type (in a namespace: its outermost namespace) under
   * another name than its own: `default` for `export default interface Receipt`, `Y` for
   * `export { X as Y }`. Generated code imports it as `{ default as Receipt }`, keeping its name.
   */
  importName?: string;
  /** Exported with `export type { X }` only: generated code can import it as a type, not as a value (an enum's members). */
  typeOnlyExport?: true;
  /**
   * Whether the user exported it (generated code can only import exported types). For a type of
   * an installed package's file: whether a specifier of its package exports it by name (an
   * unexported helper, or one only its own file exports, is spelled out).
   */
  exported: boolean;
  /**
   * Declared in the global scope (a script file such as `globals.d.ts`, or `declare global {}`):
   * generated code names it as the user's code does, with no import.
   */
  global?: true;
  /**
   * An enum or class with no JavaScript behind it (in a declaration file, written `declare`, or
   * in a `declare namespace`): generated code never imports it as a value, and writes an enum's
   * members as their values.
   */
  ambient?: true;
  docs: Docs;
  /**
   * Generators that process this declaration: from `@codegen a b`, else the config defaults.
   * Empty for declarations that are only referenced, ignored (`@codegen-ignore`) or not
   * exported from an input file.
   */
  generators: string[];
  /** `@internal`: left out of public outputs (OpenAPI, client) even when processed. */
  internal: boolean;
  /** Set for `Page<Order>`-style instantiations of a generic declaration. */
  instantiation?: Instantiation;
  /**
   * Set for a class a mock builds with `new` when it can, and cannot: one extending `Map` or
   * `Set` (whose type is that collection, met with its own members; the mock fills it through
   * `set`/`add`) whose constructor requires an argument, or one with non-public fields (`#count`,
   * `private balance`: the mock runs the constructor so they are set) whose constructor requires
   * an argument or is `private`/`protected`.
   */
  constructorArguments?: true;
  /** The declaration's type. Enums are `{ kind: 'enum' }`, objects `{ kind: 'object' }`. */
  type: TypeNode;
}

export interface Instantiation {
  /** The generic declaration's own name as written in source (`Page`; `Shapes.Page` in a namespace). */
  generic: string;
  /** The type arguments, resolved. */
  typeArguments: TypeNode[];
}

// ---------------------------------------------------------------------------------------------
// Type tree

export type TypeNode =
  | StringType
  | NumberType
  | BigIntType
  | BooleanType
  | NullType
  | UndefinedType
  | LiteralType
  | DateType
  | UnknownType
  | ArrayType
  | TupleType
  | ObjectType
  | RecordType
  | UnionType
  | IntersectionType
  | EnumType
  | RefType;

export type TypeKind = TypeNode['kind'];

export interface StringType {
  kind: 'string';
  /**
   * Set when TypeScript's type is this primitive intersected with a brand (`string & { __brand:
   * 'Email' }`): every value of the primitive passes (no runtime value carries a brand), but
   * generated values need a cast to be typed as the brand.
   */
  brand?: true;
  /** Set for a template literal type (`` `wifi${number}` ``): only strings of its form pass. */
  template?: TemplateLiteral;
  /**
   * Set for an intrinsic string mapping of `string` as a value type (`Uppercase<string>`): only
   * the strings it leaves unchanged pass (`value === value.toUpperCase()`), as for a key (`PatternIndex`).
   */
  mapping?: StringMapping;
  /**
   * The mappings under `mapping` when TypeScript keeps a chain (`Lowercase<Uppercase<string>>`:
   * `mapping` Lowercase, `innerMappings` ['Uppercase']), outermost first: a string passes when
   * applying them innermost first, then `mapping`, gives it back (`'a'`, not `'A'` or `'ß'`).
   */
  innerMappings?: StringMapping[];
  constraints?: StringConstraints;
}

/**
 * A template literal type: `texts` around the holes (one more than the holes: `["wifi", ""]`) and
 * each hole's type: `string`, `number`, `bigint`, a union of literals, or an intrinsic mapping of
 * `string` (a `string` with `mapping`: `` `id-${Uppercase<string>}` ``). A string is a value of
 * it as TypeScript matches one (see generators/kit/template-literal.ts).
 */
export interface TemplateLiteral {
  texts: string[];
  holes: TypeNode[];
}

export interface NumberType {
  kind: 'number';
  /**
   * Set when TypeScript's type is this primitive intersected with a brand (`string & { __brand:
   * 'Email' }`): every value of the primitive passes (no runtime value carries a brand), but
   * generated values need a cast to be typed as the brand.
   */
  brand?: true;
  constraints?: NumberConstraints;
}

export interface BigIntType {
  kind: 'bigint';
  /**
   * Set when TypeScript's type is this primitive intersected with a brand (`string & { __brand:
   * 'Email' }`): every value of the primitive passes (no runtime value carries a brand), but
   * generated values need a cast to be typed as the brand.
   */
  brand?: true;
  /**
   * Set when the type is one bigint literal (`10n`, `-5n`): its value in decimal. Only that
   * bigint passes; on the wire it is that decimal text, as any bigint is.
   */
  literal?: string;
  constraints?: BigIntConstraints;
}

export interface BooleanType {
  kind: 'boolean';
}

export interface NullType {
  kind: 'null';
}

/** Only inside tuples and unions the analyzer could not fold into `optional`. */
export interface UndefinedType {
  kind: 'undefined';
}

export interface LiteralType {
  kind: 'literal';
  value: string | number | boolean;
  /**
   * Set when the literal is an enum member's type (`Color.Red`): the enum's declaration id and the
   * member's name. TypeScript accepts only the member where this type is written (`"red"` is not
   * a `Color.Red`), so generated code names the member.
   */
  enumMember?: { enum: string; member: string };
}

/** A JavaScript `Date`; a `date-time` string on the wire. */
export interface DateType {
  kind: 'date';
}

/** `unknown`, and what the analyzer could not represent (after a CG2xxx diagnostic). */
export interface UnknownType {
  kind: 'unknown';
  /**
   * Set when the analyzer could not represent the type (it reported CG2004): what TypeScript's
   * type was, so that a mock can still build a value the type accepts, or say that it cannot.
   * Schemas read the node as `unknown`; validators too, except for what has a runtime test: a
   * function (`typeof`), a `Map`, a `Set` (`instanceof`, and their entries) and an `instance`
   * (`instanceof`), and a `library` type (no value passes). A platform class (`instance`), a `Map`
   * and a `Set` are set without a diagnostic.
   */
  unsupported?: UnsupportedForm;
}

/** What an unsupported type was (`UnknownType.unsupported`); `text` is the type as written. */
export type UnsupportedForm =
  /** `any`, `void`, a plain function type, `symbol`. */
  | { form: 'any' | 'void' | 'function' | 'symbol'; text: string }
  /**
   * `Map<K, V>` and `ReadonlyMap<K, V>`: validators test `instanceof Map` and every entry (its key
   * against `key`, its value against `value`); a mock is a `Map` of mocked entries. No diagnostic.
   */
  | { form: 'map'; text: string; key: TypeNode; value: TypeNode }
  /** `Set<T>` and `ReadonlySet<T>`: `instanceof Set` and every item against `items`; likewise. */
  | { form: 'set'; text: string; items: TypeNode }
  /** `never`, and what no value can be built for from the model (`unique symbol`, `Promise<T>`, a type parameter…). */
  | { form: 'never'; text: string }
  /**
   * Likewise. `template` was set for a template literal type with a hole that is an intrinsic
   * string mapping (`` `x-${Lowercase<string>}` ``); the analyzer now reads those as a `string`
   * with `template` (a mapped hole is a `string` node with `mapping`), and no longer sets it.
   */
  | { form: 'other'; text: string; template?: TemplateLiteral }
  /**
   * A class of the JavaScript platform that Node and browsers both define as a global (`URL`,
   * `RegExp`, `Uint8Array`, `Error`…): not reported, since validators check `value instanceof URL`
   * (`global` names the constructor) and a mock builds one (see analyzer/types/library-classes.ts).
   */
  | { form: 'instance'; text: string; global: string }
  /**
   * Any other class or interface of a library (`Promise<T>`, `Blob`, a class from node_modules):
   * after a CG2004 warning, validators reject every value (they cannot tell one) and mocks cannot build one.
   */
  | { form: 'library'; text: string };

export interface ArrayType {
  kind: 'array';
  items: TypeNode;
  readonly?: boolean;
  constraints?: ArrayConstraints;
}

export interface TupleType {
  kind: 'tuple';
  elements: TupleElement[];
  /** `[A, ...B[]]`: the type of the rest elements. */
  rest?: TypeNode;
  /**
   * `[...B[], C]`, `[A, ...B[], C]`: the fixed elements after the rest (only with `rest`), the
   * last of them at the array's end. Never optional: TypeScript allows no `?` after a rest.
   */
  trailing?: TupleElement[];
  readonly?: boolean;
  /**
   * `@minItems` / `@maxItems` on a tuple whose length varies (optional or rest elements):
   * bounds on its length within what its shape allows (model/tuple-length.ts).
   */
  constraints?: TupleConstraints;
}

export interface TupleElement {
  type: TypeNode;
  /** `[a: string]` labels, for docs only. */
  label?: string;
  optional: boolean;
  /** `[string, number?]` under the user's `exactOptionalPropertyTypes`: present, never `undefined` (as `Property.exactOptional`). */
  exactOptional?: true;
}

export interface ObjectType {
  kind: 'object';
  properties: Property[];
  /** An index signature beside named properties (`{ id: string; [k: string]: unknown }`). */
  additionalProperties?: TypeNode;
  /**
   * A number index signature beside named properties (`{ size: string; [i: number]: boolean }`):
   * the type of the undeclared keys that are numeric names in TypeScript's sense, the canonical
   * text of a number (`String(Number(key)) === key`: `0`, `1.5`, `-1`, `1e+21`, not `01` or `1e3`).
   * Other undeclared keys follow `additionalProperties` and `strict`.
   */
  numberIndex?: TypeNode;
  /**
   * Index signatures whose keys are a pattern (`[k: \`x-${string}\`]: V`, `Record<\`${number}px\`, V>`,
   * `Record<Uppercase<string>, V>`), and string indexes whose key is a constrained alias
   * (`Record<Slug, V>`): see `PatternIndex`. Undeclared keys none of them holds follow
   * `additionalProperties`, `numberIndex` and `strict`.
   */
  patternIndexes?: PatternIndex[];
  /** `@strict`: reject properties the type does not declare. */
  strict: boolean;
  /**
   * Members besides the data properties that a value of the type still has, which validators and
   * schemas leave out but a mock must provide: the required public methods (`greet(): string`),
   * and for a class its non-public fields (`private secret`, `#count`), which only its
   * constructor sets. Absent when the type has data properties only.
   */
  behaviour?: {
    methods: string[];
    privateFields: string[];
    /**
     * The methods of `methods` a class's prototype does not have (`abstract area(): number`, or
     * a method of an interface merged with the class): a mock built on the prototype stubs them,
     * as it stubs an interface's methods. Absent when there are none.
     */
    abstractMethods?: string[];
    /**
     * The non-public members of `privateFields` that live on the prototype (`private get p()`,
     * `#tick()`): they make the class nominal too, but a mock built on the prototype has them.
     */
    privateOnPrototype?: string[];
    /** Optional public methods (`wave?(): void`): absent, `undefined` or a function. */
    optionalMethods?: string[];
    /**
     * Public methods keyed by a well-known symbol (`[Symbol.iterator](): Iterator<T>` is `{ symbol:
     * 'iterator' }`): validators check `typeof value[Symbol.iterator] === "function"`, mocks stub it.
     * Other symbol-keyed members are in no list (no data; CG2004 says they are not checked).
     */
    symbolMethods?: Array<{ symbol: string; optional: boolean; /** On no prototype of the class (`abstract [Symbol.iterator]()`), as `abstractMethods`. */ abstract?: boolean }>;
    /**
     * Other members keyed by a symbol (`[sym]: number` with a `unique symbol` const), by their
     * written key: no data JSON can hold, checked by no validator nor schema (CG2004 says so); a
     * mock cannot build a required one (it throws, CG5001) and leaves an optional one out.
     * A data member keyed by a well-known symbol whose type is a primitive, a literal or a union of
     * them (`[Symbol.toStringTag]: string`, `readonly [Symbol.toStringTag]: 'Money'`) has `symbol`
     * (`toStringTag`) and `type`: validators check `Reflect.get(value, Symbol.toStringTag)` against
     * it (through the prototype, as TypeScript reads it), mocks set it; schemas leave it out (JSON
     * has no symbol keys), with no diagnostic.
     * A data member keyed by an exported `unique symbol` const (`export const tag = Symbol('tag')`,
     * `[tag]: string`) has `constant` (its name and file) and `type`: generated code imports the
     * const as a value and checks or sets `value[tag]` the same way.
     */
    symbolProperties?: Array<{ key: string; optional: boolean; symbol?: string; constant?: { name: string; file: string }; type?: TypeNode; exactOptional?: boolean }>;
    /**
     * A class's public get accessors (`get size(): number`), typed as they return: every value has
     * them (an instance on its prototype), so validators check them, as readonly properties, where
     * no `instanceof` vouches for them; JSON leaves them out, and so do schemas.
     */
    accessors?: Property[];
    /**
     * What a public `toJSON()` of the type's own returns (`toJSON(): number` in a Money class):
     * `JSON.stringify` writes that, not the fields, so schemas describe this type (a reference to
     * the declaration itself, `toJSON(): this`, means its fields). Validators and mocks read the
     * fields, as they judge and build values, not JSON. `unknown` when toJSON returns `any`.
     */
    json?: TypeNode;
  };
}

/**
 * An index signature over some of the string keys. It holds the undeclared keys that are values
 * of TypeScript's key type: those of `key.template` (matched as the template literal type is, see
 * generators/kit/template-literal.ts), those `mapping` leaves unchanged (`Uppercase<string>`
 * holds `key === key.toUpperCase()`), or every key when neither is set. A key it holds must have a
 * value of `value`, and must meet `key.constraints` (`Record<Slug, V>` with `@pattern` on `Slug`:
 * JSON Schema's `propertyNames`, which TypeScript does not check).
 */
export interface PatternIndex {
  key: StringType;
  mapping?: StringMapping;
  /** The mappings under `mapping`, outermost first, as on `StringType`: a key passes when the whole chain gives it back. */
  innerMappings?: StringMapping[];
  value: TypeNode;
}

/** TypeScript's intrinsic string mapping types, over `string`. */
export type StringMapping = 'Uppercase' | 'Lowercase' | 'Capitalize' | 'Uncapitalize';

/** `Record<string, V>`, `Record<number, V>` or a type that is only an index signature. */
export interface RecordType {
  kind: 'record';
  key: 'string' | 'number';
  value: TypeNode;
}

export interface UnionType {
  kind: 'union';
  /** In source order, with `null` last when present. */
  members: TypeNode[];
  /** Present when every member is an object (or a ref to one) with a distinct literal tag. */
  discriminant?: Discriminant;
}

export interface Discriminant {
  /** The tag property, e.g. `kind`. */
  property: string;
  /** One entry per member index, giving the literal value(s) that select it. */
  mapping: DiscriminantCase[];
}

export interface DiscriminantCase {
  value: string | number | boolean;
  /** Index into `UnionType.members`. */
  member: number;
}

export interface IntersectionType {
  kind: 'intersection';
  members: TypeNode[];
  /**
   * Set when several members declare one property (`{ b: string } & { b: 'x' | 'y' }`): every
   * property of the intersection, each typed as TypeScript intersects it (`b: 'x' | 'y'`; `never`
   * when the members' types share no value, after a CG2018 warning). Validators and schemas check
   * the members, which says the same; a mock builds this one object.
   */
  merged?: Property[];
}

/** A TypeScript `enum`; appears as a declaration's type and is referenced with `ref`. */
export interface EnumType {
  kind: 'enum';
  members: EnumMember[];
}

export interface EnumMember {
  name: string;
  value: string | number;
  docs: Docs;
}

/** A reference to a declaration by id. Recursion and cross-file types go through refs. */
export interface RefType {
  kind: 'ref';
  id: string;
}

// ---------------------------------------------------------------------------------------------
// Properties and constraints

export interface Property {
  name: string;
  /** The full type, `null` member included; `undefined` is folded into `optional`. */
  type: TypeNode;
  /** `?` or `| undefined`. */
  optional: boolean;
  /**
   * Under the user's `exactOptionalPropertyTypes` (`Model.compilerOptions`): `x?: string`, whose
   * type holds no `undefined`. The key may be missing, but a present key never holds `undefined`.
   */
  exactOptional?: true;
  /**
   * `x: T | undefined` written without `?`: TypeScript requires the key, though its value may be
   * `undefined`. Validators accept the key missing, as `optional` says; a mock always writes it.
   */
  requiredKey?: true;
  /** Convenience: `type` is a union with a `null` member. */
  nullable: boolean;
  /** `readonly` modifier or `@readonly`. */
  readonly: boolean;
  /**
   * `@readOnly` (or `@readonly`): the server sets it, a client does not send it (OpenAPI's and JSON
   * Schema's `readOnly`); absent otherwise. The `readonly` modifier alone is not it: TypeScript's
   * `readonly` says the object is not reassigned, and request DTOs are often written so.
   */
  readOnly?: true;
  /** `@writeOnly`: sent to the API, never answered (a password); absent otherwise. */
  writeOnly?: true;
  /**
   * A set accessor without a get (`set label(v: string)`): TypeScript types the key as the
   * setter's parameter and requires it, but reading it from a value that inherits the accessor
   * (a class instance) gives `undefined`. Validators accept that inherited accessor, and check an
   * own value as `type` says.
   */
  setterOnly?: true;
  /**
   * An auto-accessor (`accessor name = ''`, TypeScript 4.9+): its value lives in a private slot
   * behind a get/set pair on the prototype, so `JSON.stringify` and `Object.keys` leave it out of
   * an instance, as they do a getter. A member of the type (validators check it, mocks set it as
   * own data), left out of schemas; the client reports bodies holding it (CG2026 at the accessor).
   */
  autoAccessor?: true;
  docs: Docs;
  source: SourceLocation;
  /** Persistence facts; present for properties of entities. */
  column?: ColumnFacts;
}

export type StringFormat =
  | 'email'
  | 'uri'
  | 'url'
  | 'uuid'
  | 'date'
  | 'date-time'
  | 'time'
  | 'duration'
  | 'ipv4'
  | 'ipv6'
  | 'hostname'
  | 'byte'
  | 'regex'
  | 'json-pointer'
  | 'password'
  /** validator.js `isISO8601` (class-validator `@IsDateString()`, `@IsISO8601()`): dates, weeks, ordinal days, optional time and zone. */
  | 'iso8601'
  /** `iso8601` whose date exists in the calendar (`{ strict: true }`). */
  | 'iso8601-strict'
  /** validator.js `isURL` (class-validator `@IsUrl()`): a host with a top-level domain, the protocol optional unless `url` says so. */
  | 'web-url'
  /** validator.js `isEmail` (class-validator `@IsEmail()`): a local part of at most 64 bytes and a domain with a top-level domain. */
  | 'web-email'
  /** validator.js `isUUID` (class-validator `@IsUUID()`): version 1 to 8 with the RFC 9562 variant, or the nil or max UUID. */
  | 'web-uuid'
  /** validator.js `isIP(text, 6)` (class-validator `@IsIP(6)`): an IPv6 address, optionally with a zone id (`fe80::1%eth0`). */
  | 'web-ipv6'
  /** validator.js `isIP(text)` (class-validator `@IsIP()` without a version): an IPv4 address, or `web-ipv6`. */
  | 'web-ip';

export const STRING_FORMATS: readonly StringFormat[] = [
  'email',
  'uri',
  'url',
  'uuid',
  'date',
  'date-time',
  'time',
  'duration',
  'ipv4',
  'ipv6',
  'hostname',
  'byte',
  'regex',
  'json-pointer',
  'password',
  'iso8601',
  'iso8601-strict',
  'web-url',
  'web-email',
  'web-uuid',
  'web-ipv6',
  'web-ip',
];

export interface StringConstraints {
  /** In code points, as JSON Schema counts (`@minLength`, `@maxLength`, `@validate min/max`). */
  minLength?: number;
  maxLength?: number;
  /**
   * class-validator's `@MinLength(n)`, `@MaxLength(n)` and `@Length(min, max)`: bounds on the
   * length as validator.js's `isLength` counts it, which is not JSON Schema's count: UTF-16 units,
   * less one per surrogate pair and one per U+FE0E/U+FE0F variation selector that follows another
   * character (`"❤️"` is 1, `"😀"` 1, `"\uFE0F\uFE0F"` 2; model/is-length.ts). Beside `minLength`
   * and `maxLength`, both hold.
   */
  isLength?: IsLengthBounds;
  pattern?: RegexSource;
  format?: StringFormat;
  /** Options of the `web-url` format (class-validator `@IsUrl({ protocols, require_protocol })`). */
  url?: UrlOptions;
}

/** Bounds on validator.js's `isLength` count (`StringConstraints.isLength`); at least one is set. */
export interface IsLengthBounds {
  min?: number;
  max?: number;
}

export interface UrlOptions {
  /** Lower-case protocols a URL may name; validator.js's default is http, https and ftp. */
  protocols: string[];
  /** A URL without `protocol://` is rejected. */
  requireProtocol: boolean;
}

export interface RegexSource {
  source: string;
  flags: string;
  /**
   * class-validator's `@Matches()`: run with its own flags, as validator.js runs it (no `u` added:
   * `.` matches one UTF-16 unit), not in the Unicode mode of a `@pattern` (model/pattern.ts).
   */
  asWritten?: true;
}

export type NumericType = 'integer' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'float' | 'double';

export const NUMERIC_TYPES: readonly NumericType[] = [
  'integer',
  'int32',
  'uint32',
  'int64',
  'uint64',
  'float',
  'double',
];

export interface NumberConstraints {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  /** Kept as written (`"0.01"`) so decimal steps are checked without binary rounding. */
  multipleOf?: string;
  numericType?: NumericType;
}

/** Bounds as decimal strings: a bigint does not fit JSON numbers. */
export interface BigIntConstraints {
  minimum?: string;
  maximum?: string;
}

/** A tuple's length bounds; `uniqueItems` is for arrays only. */
export type TupleConstraints = Pick<ArrayConstraints, 'minItems' | 'maxItems'>;

export interface ArrayConstraints {
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Persistence

export type GeneratedValue = 'increment' | 'uuid' | 'now';
/** Foreign key actions, as SQL names them (`ON DELETE CASCADE`, `RESTRICT`, `SET NULL`, `NO ACTION`). */
export type ReferentialAction = 'cascade' | 'restrict' | 'set-null' | 'no-action';
export type RelationKind = 'many-to-one' | 'one-to-one' | 'one-to-many' | 'many-to-many';

/** What the persistence annotations say about one property. */
/**
 * TypeORM's text forms of a column: `simple-array` (comma-joined items), `simple-json` (JSON text),
 * `simple-enum` (the value's text: a number enum's values are stored as `'1'`, `'2'`) and
 * `datetime` (a `Date` property of a TypeORM column without a type or of type `datetime`, which
 * TypeORM's SQLite drivers write as `'2024-07-07 10:00:00.000'`: UTC, a space, no `Z`) and
 * `enum-array` (`type: 'enum'` with `array: true`, which TypeORM makes a PostgreSQL array of its
 * enum type, `"member_roles_enum"[]`: its members' text in PostgreSQL's array text).
 */
export type TextForm = 'simple-array' | 'simple-json' | 'simple-enum' | 'datetime' | 'enum-array';

export interface ColumnFacts {
  /** Column name: `@column`, else snake_case of the property (`<property>_id` for a property typed as an entity). */
  name: string;
  primaryKey: boolean;
  generated?: GeneratedValue;
  unique: boolean;
  /** `@index [name]`: the index name, or `true` for a generated one. */
  index?: true | string;
  references?: ColumnReference;
  /** `@dbType`: passed through as the column type. */
  dbType?: string;
  /**
   * TypeORM's `simple-array` (the items' text joined by `,` in a text column), `simple-json`
   * (JSON text in a text column) or `simple-enum` (the value's text, numbers too): the column is
   * stored in TypeORM's text form.
   */
  textForm?: TextForm;
  /**
   * TypeORM's `type: 'enum'` or `'simple-enum'`: TypeORM's PostgreSQL table holds an enum type of
   * the values' text there, which compares and sorts in the order its labels are declared (`'zeta'`
   * before `'alpha'`, `10` before `2`) and has no `LIKE`: the repositories compare its text (a
   * number enum's number) on PostgreSQL, so every engine and table agrees.
   */
  postgresEnum?: true;
  /** `@transient`: not persisted. */
  transient: boolean;
  timestamp?: 'createdAt' | 'updatedAt';
  /**
   * The relation this property holds, when it holds one. `one-to-many`, `many-to-many` and the
   * inverse side of a `one-to-one` have no column on this table.
   */
  relation?: RelationKind;
}

export interface ColumnReference {
  /** Id of the referenced entity's declaration. */
  entity: string;
  /** The referenced property (the target's primary key unless `@references Type.field`). */
  property: string;
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
}

/**
 * A column default. `value` is a JSON value written by the user (`@default`, TypeORM's
 * `default: 'x'`, an enum member resolved to its value); `sql` is an SQL expression passed
 * through as written (TypeORM's `default: () => 'CURRENT_TIMESTAMP'`).
 */
export type ColumnDefault = ({ kind: 'value'; value: unknown } | { kind: 'sql'; sql: string }) & {
  /** Where it is written: the `@default` tag, or the decorator's `default:` option (a problem with it is reported there). */
  source?: SourceLocation;
};

export interface Entity {
  /** Id of the entity's declaration. */
  declaration: string;
  name: string;
  table: string;
  /**
   * Declared with TypeORM's `@Entity`: TypeORM (or the user's migrations) makes its table, so its
   * columns may hold what TypeORM writes there, not only what codegen's schema admits.
   */
  typeorm?: true;
  /** Persisted properties in declaration order (transient ones and relation sides without a column left out). */
  columns: EntityColumn[];
  /** Property names of the primary key, in declaration order. */
  primaryKey: string[];
  /** Unique constraints declared on the type (`@Unique(['a', 'b'])`, `@unique (a, b)`), as written; ones written on a property are `EntityColumn.unique`. */
  uniques: CompositeConstraint[];
  /** Indexes declared on the type (`@Index(['a', 'b'])`, `@index name (a, b)`), as written; ones written on a property are `EntityColumn.index`. */
  indexes: CompositeIndex[];
  relations: Relation[];
  source: SourceLocation;
}

export interface CompositeConstraint {
  /** The constraint name the user gave, if any. */
  name?: string;
  /** Property names (of `EntityColumn.property`), in the order written. */
  properties: string[];
  source: SourceLocation;
}

export interface CompositeIndex extends CompositeConstraint {
  unique: boolean;
}

export interface EntityColumn {
  /** The TypeScript property. */
  property: string;
  /**
   * The name of this column on generated row types: the property itself, or `<property>Id`
   * for a property typed as an entity (`author: Author` is stored as `authorId`), as Prisma's
   * scalar foreign-key fields are.
   */
  field: string;
  column: string;
  /** The property's type (for a relation stored here: the referenced key's type). */
  type: TypeNode;
  optional: boolean;
  nullable: boolean;
  readonly: boolean;
  primaryKey: boolean;
  generated?: GeneratedValue;
  unique: boolean;
  index?: true | string;
  references?: ColumnReference;
  dbType?: string;
  /** TypeORM's text form of the column (`ColumnFacts.textForm`). */
  textForm?: TextForm;
  /** A PostgreSQL enum type in TypeORM's table (`ColumnFacts.postgresEnum`). */
  postgresEnum?: true;
  /** TypeORM's `length` (`varchar(n)`); `@maxLength` on the type sizes it too. */
  length?: number;
  /** TypeORM's `precision` / `scale`, for `numeric(p, s)`. */
  precision?: number;
  scale?: number;
  timestamp?: 'createdAt' | 'updatedAt';
  default?: ColumnDefault;
  source: SourceLocation;
}

export interface Relation {
  kind: RelationKind;
  /** The property holding the relation. */
  property: string;
  /** Id of the related entity's declaration. */
  target: string;
  /**
   * True on the side that stores the link: a many-to-one, the `@JoinColumn` side of a one-to-one,
   * the `@JoinTable` side of a many-to-many.
   */
  owner: boolean;
  /**
   * The foreign key column: on this table for an owning many-to-one or one-to-one, on the target
   * for a one-to-many or an inverse one-to-one; `''` for a many-to-many.
   */
  column: string;
  /** The property on the other side, when the relation is declared on both. */
  inverse?: string;
  /** Many-to-many: the join table (present on both sides, the same table). */
  joinTable?: JoinTable;
  source: SourceLocation;
}

export interface JoinTable {
  name: string;
  /** The column referencing the owning side's key. */
  joinColumn: string;
  /** The column referencing the inverse side's key. */
  inverseJoinColumn: string;
  /** Id of the owning side's entity declaration. */
  owner: string;
}

// ---------------------------------------------------------------------------------------------
// Services

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface Service {
  id: string;
  name: string;
  kind: 'interface' | 'class';
  /** `@service /books` or `@Controller('books')`, normalised to `/books` (or ``). */
  basePath: string;
  docs: Docs;
  internal: boolean;
  generators: string[];
  source: SourceLocation;
  operations: Operation[];
}

export interface Operation {
  /** The method's own name (`getBook`). */
  name: string;
  method: HttpMethod;
  /** Full path with base path, OpenAPI style placeholders: `/books/{id}`. */
  path: string;
  parameters: Parameter[];
  /** The success response. */
  response: OperationResponse;
  /** The method returns a `Promise` (mocks and servers answer asynchronously); false for a plain `T`. */
  async: boolean;
  /** The method returns rxjs's `Observable<T>` (a NestJS handler; the response is its last value): the mock answers with `of(value)`. */
  observable?: true;
  /**
   * The method declares a `this` parameter other than `void` (`get(this: TService, id: string)`):
   * it must be called on the service. The mock calls an override with the mock service as `this`
   * (an override of a method without one keeps the overrides object as `this`).
   */
  receivesService?: true;
  /** `@throws status Type description`. */
  errors: OperationResponse[];
  operationId: string;
  tags: string[];
  summary?: string;
  docs: Docs;
  source: SourceLocation;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'body';

export interface Parameter {
  /** The TypeScript parameter name, in declaration order. */
  name: string;
  in: ParameterLocation;
  /** The wire name: the placeholder, query key or header name. */
  wireName: string;
  type: TypeNode;
  optional: boolean;
  /** A `@query` object whose properties become separate query parameters. */
  spread: boolean;
  /** A path parameter filling a wildcard (NestJS `*path`): its value spans segments, `/` separating them. */
  spansSegments?: boolean;
  docs: Docs;
}

export interface OperationResponse {
  status: number;
  /** `undefined` for `void` / no body. */
  type?: TypeNode;
  description?: string;
}
