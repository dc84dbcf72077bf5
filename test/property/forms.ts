/**
 * Randomly composed type forms, as a user writes them: an exported interface, class or alias
 * `F<n>` whose properties combine primitives, literals, arrays (`T[]`, `ReadonlyArray<T>`),
 * tuples (optional, leading, middle and trailing rest elements, labels), unions with `null` and
 * `undefined`, intersections, index signatures (string and number), `Record`, mapped types,
 * utility types (`Partial`, `Required`, `Readonly`, `Pick`, `Omit`, `NonNullable`), indexed
 * access, enums (string, numeric, const, heterogeneous) and their members, classes, generics,
 * namespaces, recursion, a type parameter inside a union (`Maybe<A | null>`), awkward property
 * names and JSDoc constraints (`@minLength`, `@pattern`, `@format`, `@minimum`, `@multipleOf`,
 * `@type`, `@minItems`, `@uniqueItems`, `@strict`), on properties and through aliases: constrained aliases intersected
 * (`Min3 & StartsA`, `StartsA & EndsZ`, `Int & NonNeg`), through utility types (`Readonly<Slug[]>`,
 * `Awaited<Promise<Slug>>`, `Partial<Record<Slug, V>>`), as record keys (template literals,
 * `Uppercase<string>`, a constrained alias), in a recursive generic (`Chain<Slug>`) and through mapped
 * types whose template holds `T[K]` in a union, a conditional or an array (`Nullable<Pair>`, `DeepPartial<…>`).
 *
 * Each form is one source file. Helper declarations it uses (`$Code`, `$Color`, `$Point`…) are
 * written into the same file with the form's prefix (`F3_Code`), so forms never share names.
 * Each form carries the `features` it uses: KNOWN_FAULTS names faults by feature.
 */
import fc from 'fast-check';

/** A piece of type syntax, the features it uses and what it binds how tightly. */
export interface TypeText {
  text: string;
  features: readonly string[];
  /** 2: atomic (`string`, `T[]`, `(A | B)`); 1: an intersection; 0: a union. */
  precedence: 0 | 1 | 2;
  /** Which JSDoc constraints a property of this type may carry. */
  tags?: 'string' | 'number' | 'array';
  /** The property names of an object type (for intersections whose members share one). */
  keys?: readonly string[];
}

/** A generated form: its file's text (helpers included), the main type's name and its features. */
export interface Form {
  name: string;
  source: string;
  features: string[];
}

/** Helper declarations a form may use, by name; `$` is replaced by the form's prefix. `uses` lists helpers they need. */
const HELPERS: Record<string, { text: string; uses?: string[]; features?: string[] }> = {
  Code: { text: '/** @pattern ^[A-Z]{3}$ */\nexport type $Code = string;', features: ['alias-constraint'] },
  Small: { text: '/**\n * @minimum 0\n * @maximum 10\n */\nexport type $Small = number;', features: ['alias-constraint'] },
  Word: { text: '/**\n * @minLength 2\n * @maxLength 5\n */\nexport type $Word = string;', features: ['alias-constraint'] },
  Email: { text: '/** @format email */\nexport type $Email = string;', features: ['alias-constraint', 'format'] },
  Uuid: { text: '/** @format uuid */\nexport type $Uuid = string;', features: ['alias-constraint', 'format'] },
  Day: { text: '/** @format date */\nexport type $Day = string;', features: ['alias-constraint', 'format'] },
  Int: { text: '/** @type int32 */\nexport type $Int = number;', features: ['alias-constraint'] },
  Cents: { text: '/** @multipleOf 0.01 */\nexport type $Cents = number;', features: ['alias-constraint'] },
  Tags: { text: '/**\n * @minItems 1\n * @uniqueItems\n */\nexport type $Tags = string[];', features: ['alias-constraint'] },
  // Constrained aliases that meet in intersections, pass through utility types, key records and instantiate generics (issue 9).
  Min3: { text: '/** @minLength 3 */\nexport type $Min3 = string;', features: ['alias-constraint'] },
  StartsA: { text: '/** @pattern ^a */\nexport type $StartsA = string;', features: ['alias-constraint'] },
  EndsZ: { text: '/** @pattern z$ */\nexport type $EndsZ = string;', features: ['alias-constraint'] },
  NonNeg: { text: '/** @minimum 0 */\nexport type $NonNeg = number;', features: ['alias-constraint'] },
  Slug: { text: '/** @pattern ^[a-z]+$ */\nexport type $Slug = string;', features: ['alias-constraint'] },
  Chain: { text: 'export interface $Chain<T> {\n  value: T;\n  next?: $Chain<T>;\n}', features: ['generic', 'recursion'] },
  // Mapped types whose template holds `T[K]` inside a union, a conditional, an array (tester6 F1): the source's aliases reach each property.
  Pair: { text: 'export interface $Pair {\n  code: $Min3;\n  n: $NonNeg;\n  slugs: $Slug[];\n}', uses: ['Min3', 'NonNeg', 'Slug'] },
  Nullable: { text: 'export type $Nullable<T> = { [K in keyof T]: T[K] | null };', features: ['generic'] },
  DeepPartial: { text: 'export type $DeepPartial<T> = T extends object ? { [K in keyof T]?: $DeepPartial<T[K]> } : T;', features: ['generic', 'recursion'] },
  Color: { text: "export enum $Color {\n  Red = 'red',\n  Green = 'green',\n}", features: ['enum-string'] },
  Level: { text: 'export enum $Level {\n  Low,\n  Mid = 5,\n  High,\n}', features: ['enum-numeric'] },
  Dir: { text: "export const enum $Dir {\n  Up = 'up',\n  Down = 'down',\n}", features: ['enum-const'] },
  Mixed: { text: "export enum $Mixed {\n  One = 1,\n  Two = 'two',\n}", features: ['enum-heterogeneous'] },
  Only: { text: "export enum $Only {\n  Single = 'single',\n}", features: ['enum-single'] },
  Sort: { text: "export enum $Sort {\n  Asc = 'asc',\n  'by-date' = '-date',\n}", features: ['enum-quoted'] },
  Point: { text: 'export interface $Point {\n  x: number;\n  y: number;\n  label?: string;\n}' },
  Closed: { text: '/** @strict */\nexport interface $Closed {\n  id: string;\n  note?: string;\n}', features: ['strict'] },
  Base: { text: 'export interface $Base {\n  id: string;\n  tags?: string[];\n}' },
  Derived: { text: 'export interface $Derived extends $Base {\n  size: number;\n}', uses: ['Base'] },
  Model: { text: 'export class $Model {\n  id!: string;\n  count?: number;\n  readonly kind: string = "model";\n}', features: ['class'] },
  Service: { text: 'export class $Service {\n  id = "";\n  greet(): string {\n    return this.id;\n  }\n}', features: ['class-method'] },
  Box: { text: 'export interface $Box<T> {\n  value: T;\n  items: T[];\n}', features: ['generic'] },
  // A parameter inside a union: an argument that is a union too (`$Maybe<A | null>`) is read flat (F73's kind).
  Maybe: { text: 'export interface $Maybe<T> {\n  value: T | null;\n  list?: (T | undefined)[];\n}', features: ['generic'] },
  Tree: { text: 'export interface $Tree {\n  value: number;\n  children: $Tree[];\n}', features: ['recursion'] },
  List: { text: 'export interface $List {\n  head: string;\n  tail: $List | null;\n}', features: ['recursion'] },
  Ns: { text: 'export namespace $Ns {\n  export interface Item {\n    name: string;\n    qty?: number;\n  }\n}', features: ['namespace'] },
  Shape: {
    text: "export type $Shape =\n  | { kind: 'circle'; radius: number }\n  | { kind: 'square'; side: number };",
    features: ['discriminated'],
  },
  // Weak members (every property optional): the union applies TypeScript's weak-type rule to them.
  Weak: { text: 'export type $Weak = { a?: number } | { b?: string; c?: boolean };', features: ['weak-union'] },
  // Declaration merging: an interface in two parts, an enum in two parts, an enum beside a namespace of values.
  Merged: {
    text: [
      'export interface $Merged {\n  id: string;\n}',
      'export interface $Merged {\n  /** @minimum 0 */\n  size?: number;\n  part: $Part;\n}',
      "export enum $Part {\n  A = 'a',\n}",
      "export enum $Part {\n  B = 'b',\n}",
      "export namespace $Part {\n  export const DEFAULT: $Part = $Part.A;\n}",
    ].join('\n\n'),
    features: ['declaration-merging'],
  },
};

const helper = (name: string, extra: string[] = []): TypeText => ({
  text: `$${name}`,
  features: [`helper:${name}`, ...extra],
  precedence: 2,
});

const atom = (text: string, features: string[] = [], tags?: TypeText['tags']): TypeText => ({ text, features, precedence: 2, ...(tags ? { tags } : {}) });

const LEAVES: fc.Arbitrary<TypeText> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(atom('string', [], 'string'), atom('number', [], 'number'), atom('boolean')) },
  { weight: 1, arbitrary: fc.constant(atom('bigint', ['bigint'])) },
  { weight: 1, arbitrary: fc.constant(atom('Date', ['date'])) },
  { weight: 3, arbitrary: fc.constantFrom("'a'", "'b-c'", "'say \"hi\"'", '0', '42', '-1.5', 'true', 'false').map((text) => atom(text, ['literal'])) },
  { weight: 3, arbitrary: fc.constantFrom('Code', 'Small', 'Word', 'Email', 'Uuid', 'Day', 'Int', 'Cents', 'Tags').map((name) => helper(name)) },
  { weight: 2, arbitrary: fc.constantFrom('Color', 'Level', 'Dir', 'Mixed', 'Only', 'Sort').map((name) => helper(name)) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('$Color.Red', '$Level.Mid', '$Dir.Down')
      .map((text) => atom(text, ['enum-member', `helper:${text.slice(1, text.indexOf('.'))}`])),
  },
  { weight: 3, arbitrary: fc.constantFrom('Point', 'Closed', 'Derived', 'Model', 'Tree', 'List', 'Shape', 'Weak', 'Merged').map((name) => helper(name)) },
  { weight: 1, arbitrary: fc.constantFrom(helper('Service'), { ...helper('Ns'), text: '$Ns.Item' }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      atom('unknown', ['unknown']),
      atom('object', ['object-keyword']),
      atom('`id-${number}`', ['template-literal']),
      atom('`id-${Uppercase<string>}`', ['template-literal', 'template-mapped']),
      atom('`${Capitalize<string>}-${number}`', ['template-literal', 'template-mapped']),
      atom("('sm' | 'lg' | (string & {}))", ['open-literal']),
      atom('undefined', ['undefined-type']),
      atom('null', ['null-type']),
    ),
  },
);

/** Wraps `t` in parentheses unless it binds at least as tightly as `needed`. */
function at(t: TypeText, needed: 0 | 1 | 2): string {
  return t.precedence >= needed ? t.text : `(${t.text})`;
}

const features = (...parts: TypeText[]): string[] => parts.flatMap((part) => part.features);

const PROPERTY_NAMES = ['a', 'b', 'c', 'id', 'name', 'value', 'items'];
const AWKWARD_NAMES: Array<[string, string]> = [
  ["'a-b'", 'quoted-key'],
  ["'with space'", 'quoted-key'],
  ["'1'", 'numeric-key'],
  ['constructor', 'prototype-key'],
  ['toString', 'prototype-key'],
  ['valueOf', 'prototype-key'],
  ['hasOwnProperty', 'prototype-key'],
  ['__proto__', 'proto-key'],
];

/** A property: name, `?`, `readonly`, a JSDoc constraint fitting its type. */
function propertyArb(type: fc.Arbitrary<TypeText>): fc.Arbitrary<{ text: string; features: string[]; name: string }> {
  const name = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...PROPERTY_NAMES).map((text) => ({ text, features: [] as string[] })) },
    { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_NAMES).map(([text, feature]) => ({ text, features: [feature] })) },
  );
  return fc
    .record({
      name,
      type,
      optional: fc.boolean(),
      readonly: fc.nat(5),
      orUndefined: fc.nat(6),
      orNull: fc.nat(5),
      tag: fc.nat(9),
    })
    .map(({ name, type, optional, readonly, orUndefined, orNull, tag }) => {
      const feats = [...name.features, ...type.features];
      let text = type.text;
      if (orNull === 0) {
        text = `${at(type, 1)} | null`;
        feats.push('nullable');
      }
      if (orUndefined === 0) {
        text = `${text.includes('|') && orNull === 0 ? text : at(type, 0)} | undefined`;
        feats.push(optional ? 'optional-undefined' : 'undefined-required');
      }
      const doc = constraintTag(type.tags, tag);
      if (doc) feats.push('property-constraint');
      const lines = [
        ...(doc ? [`/** ${doc} */`] : []),
        `${readonly === 0 ? 'readonly ' : ''}${name.text}${optional ? '?' : ''}: ${text};`,
      ];
      if (readonly === 0) feats.push('readonly');
      if (optional) feats.push('optional');
      return { text: lines.join('\n'), features: feats, name: name.text };
    });
}

/** A JSDoc constraint for a property of this kind (one in three properties gets none: `choice` ≥ 6). */
function constraintTag(kind: TypeText['tags'], choice: number): string | undefined {
  const byKind = {
    string: ['@minLength 1', '@maxLength 8', '@pattern ^[a-z]+$', '@format email', '@format uuid', '@format date-time'],
    number: ['@minimum 0', '@maximum 100', '@exclusiveMinimum 0', '@multipleOf 0.5', '@type int32', '@type integer'],
    array: ['@minItems 1', '@maxItems 3', '@uniqueItems', '@minItems 2', '@maxItems 1', '@uniqueItems'],
  } as const;
  return kind && choice < 6 ? byKind[kind][choice] : undefined;
}

const unquote = (name: string): string => name.replace(/^'|'$/g, '');

/** The property names of the helpers intersections use. */
const HELPER_KEYS: Record<string, string[]> = { Point: ['x', 'y', 'label'], Base: ['id', 'tags'], Derived: ['id', 'tags', 'size'] };

/** Unique property names, in order (TypeScript rejects duplicates). */
function uniqueProperties<T extends { name: string }>(properties: T[]): T[] {
  const seen = new Set<string>();
  return properties.filter((property) => {
    const key = property.name.replace(/^'|'$/g, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function objectLiteral(type: fc.Arbitrary<TypeText>): fc.Arbitrary<TypeText> {
  return fc
    .record({
      properties: fc.array(propertyArb(type), { minLength: 1, maxLength: 3 }),
      index: fc.option(fc.record({ key: fc.constantFrom('string', 'number'), value: type }), { freq: 5 }),
    })
    .map(({ properties, index }) => {
      const props = uniqueProperties(properties);
      let indexText = '';
      const feats = props.flatMap((property) => property.features);
      if (index) {
        // A string index signature must admit every property's type: only with `unknown`.
        const value = index.key === 'string' ? atom('unknown', ['unknown']) : index.value;
        indexText = ` [k: ${index.key}]: ${value.text};`;
        feats.push(`index-${index.key}`, ...value.features);
        if (index.key === 'number' && props.some((p) => /^'?\d/.test(p.name))) return atom(`{ ${props.map((p) => p.text.replace(/\n/g, ' ')).join(' ')} }`, feats);
      }
      return { ...atom(`{ ${props.map((p) => p.text.replace(/\n/g, ' ')).join(' ')}${indexText} }`, [...feats, 'object-literal']), keys: props.map((p) => unquote(p.name)) };
    });
}

/** Tuples: fixed, optional, leading/middle/trailing rest elements, labels. */
function tupleArb(type: fc.Arbitrary<TypeText>): fc.Arbitrary<TypeText> {
  return fc
    .record({
      head: fc.array(type, { minLength: 0, maxLength: 2 }),
      optional: fc.array(type, { maxLength: 1 }),
      rest: fc.option(type, { freq: 2 }),
      tail: fc.array(type, { maxLength: 2 }),
      labels: fc.boolean(),
      readonly: fc.nat(4),
    })
    .map(({ head, optional, rest, tail, labels, readonly }) => {
      const parts: string[] = [];
      const feats = features(...head, ...optional, ...(rest ? [rest] : []), ...tail);
      let n = 0;
      const label = (text: string, opt = false): string => (labels ? `e${n++}${opt ? '?' : ''}: ${text}` : `${text}${opt ? '?' : ''}`);
      for (const element of head) parts.push(label(element.text));
      // TypeScript: no optional element after a rest element, so optional ones only without a trailing part.
      const trailing = rest ? tail : [];
      if (!rest || trailing.length === 0) for (const element of optional) parts.push(label(at(element, 2), true));
      if (optional.length && (!rest || trailing.length === 0)) feats.push('tuple-optional');
      if (rest) {
        parts.push(labels ? `...rest: ${at(rest, 2)}[]` : `...${at(rest, 2)}[]`);
        feats.push(trailing.length ? (head.length ? 'tuple-rest-middle' : 'tuple-rest-leading') : 'tuple-rest');
        for (const element of trailing) parts.push(label(element.text));
      }
      if (labels) feats.push('tuple-labels');
      feats.push('tuple-any');
      const text = `[${parts.join(', ')}]`;
      return readonly === 0 ? atom(`readonly ${text}`, [...feats, 'readonly-tuple']) : atom(text, [...feats, 'tuple']);
    });
}

/** Every type expression, up to a small depth. */
const typeArb: fc.Arbitrary<TypeText> = fc.letrec<{ type: TypeText }>((tie) => {
  const inner = tie('type');
  return {
    type: fc.oneof(
      { depthSize: 'small', maxDepth: 2, withCrossShrink: true },
      { weight: 14, arbitrary: LEAVES },
      { weight: 3, arbitrary: inner.map((t) => ({ ...atom(`${at(t, 2)}[]`, [...t.features, 'array'], 'array') })) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(inner, fc.constantFrom('Array', 'ReadonlyArray', 'readonly'))
          .map(([t, how]) => atom(how === 'readonly' ? `readonly ${at(t, 2)}[]` : `${how}<${t.text}>`, [...t.features, `array-${how}`], 'array')),
      },
      { weight: 2, arbitrary: tupleArb(inner) },
      {
        weight: 3,
        arbitrary: fc.array(inner, { minLength: 2, maxLength: 3 }).map((members) => ({
          text: members.map((m) => at(m, 1)).join(' | '),
          features: [...features(...members), 'union'],
          precedence: 0 as const,
        })),
      },
      { weight: 1, arbitrary: inner.map((t) => ({ text: `${at(t, 1)} | null`, features: [...t.features, 'nullable'], precedence: 0 as const })) },
      { weight: 3, arbitrary: objectLiteral(inner) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.oneof(objectLiteral(inner), fc.constantFrom('Point', 'Base', 'Derived').map((name) => ({ ...helper(name), keys: HELPER_KEYS[name] }))), objectLiteral(inner))
          .map(([a, b]) => ({
            text: `${at(a, 1)} & ${at(b, 1)}`,
            features: [...features(a, b), 'intersection', ...((a.keys ?? []).some((key) => b.keys?.includes(key)) ? ['intersection-conflict'] : [])],
            precedence: 1 as const,
          })),
      },
      {
        weight: 2,
        arbitrary: fc
          // Pattern keys (issue 9): a template literal, beside a literal key, a `${number}` one, an intrinsic mapping, a template with a mapped hole.
          .tuple(inner, fc.constantFrom("'eu' | 'us'", 'string', "'x'", 'number', '$Color', '`x-${string}`', "'id' | `x-${string}`", '`${number}px`', 'Uppercase<string>', '`x-${Lowercase<string>}`', '$Slug'))
          .map(([t, key]) =>
            atom(`Record<${key}, ${t.text}>`, [
              ...t.features,
              key === '$Slug' ? 'record-alias-key' : key.startsWith('$') ? 'record-enum-key' : /`|Uppercase/.test(key) ? 'record-pattern-key' : 'record',
              ...(key.startsWith('$') ? [`helper:${key.slice(1)}`] : []),
            ]),
          ),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(inner, fc.constantFrom("'a' | 'b'", 'keyof $Point'), fc.constantFrom('', '?', '-?', 'readonly '))
          .map(([t, keys, modifier]) => {
            const prefix = modifier === 'readonly ' ? 'readonly ' : '';
            const optional = modifier === 'readonly ' ? '' : modifier;
            const value = keys.startsWith('keyof') ? '$Point[K]' : t.text;
            return atom(`{ ${prefix}[K in ${keys}]${optional}: ${value} }`, [
              ...(keys.startsWith('keyof') ? ['helper:Point'] : t.features),
              'mapped',
            ]);
          }),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.constantFrom('Partial', 'Required', 'Readonly', 'Pick', 'Omit'),
            fc.constantFrom('Point', 'Derived', 'Closed', 'Model'),
          )
          .map(([utility, name]) => {
            const keys = { Point: "'x' | 'label'", Derived: "'id' | 'size'", Closed: "'note'", Model: "'id'" }[name]!;
            const text = utility === 'Pick' || utility === 'Omit' ? `${utility}<$${name}, ${keys}>` : `${utility}<$${name}>`;
            return atom(text, [`helper:${name}`, `utility-${utility}`, ...(HELPERS[name]!.features ?? [])]);
          }),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('Partial', 'Required', 'Readonly', 'NonNullable'), objectLiteral(inner))
          .map(([utility, t]) => atom(`${utility}<${t.text}>`, [...t.features, `utility-${utility}`, 'utility-inline'])),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom("$Point['x']", "$Point['label']", "$Derived['tags']", "$Shape['kind']")
          // `Point['label']` and `Derived['tags']` include undefined: a property of that type is `| undefined`.
          .map((text) => atom(text, ['indexed-access', ...(/label|tags/.test(text) ? ['indexed-optional'] : []), `helper:${/\$(\w+)/.exec(text)![1]}`])),
      },
      { weight: 1, arbitrary: inner.map((t) => atom(`$Box<${t.text}>`, [...t.features, 'helper:Box', 'generic'])) },
      {
        weight: 2,
        // Constrained aliases intersected (their constraints meet), through utility types, as a record's key, in a recursive generic.
        arbitrary: fc.constantFrom(
          { text: '$Min3 & $StartsA', uses: ['Min3', 'StartsA'], feature: 'alias-intersection', tags: 'string' as const },
          { text: '$StartsA & $EndsZ', uses: ['StartsA', 'EndsZ'], feature: 'alias-intersection-patterns', tags: 'string' as const },
          { text: '$Int & $NonNeg', uses: ['Int', 'NonNeg'], feature: 'alias-intersection', tags: 'number' as const },
          { text: 'Readonly<$Slug[]>', uses: ['Slug'], feature: 'alias-utility', tags: 'array' as const },
          { text: 'Partial<Record<string, $Slug>>', uses: ['Slug'], feature: 'alias-utility' },
          { text: 'NonNullable<$Slug | null>', uses: ['Slug'], feature: 'alias-utility', tags: 'string' as const },
          { text: 'Awaited<Promise<$Slug>>', uses: ['Slug'], feature: 'alias-utility', tags: 'string' as const },
          { text: 'Partial<Record<$Slug, number>>', uses: ['Slug'], feature: 'record-alias-key' },
          { text: 'Readonly<Record<$Slug, $Code>>', uses: ['Slug', 'Code'], feature: 'record-alias-key' },
          { text: '$Chain<$Slug>', uses: ['Chain', 'Slug'], feature: 'alias-recursive-generic' },
          { text: '$Nullable<$Pair>', uses: ['Nullable', 'Pair'], feature: 'alias-mapped-template' },
          { text: '{ [K in keyof $Pair]?: $Pair[K] | undefined }', uses: ['Pair'], feature: 'alias-mapped-template' },
          { text: "{ readonly [K in 'code' | 'n']-?: $Pair[K] extends string ? $Pair[K] : [$Pair[K]] }", uses: ['Pair'], feature: 'alias-mapped-template' },
          { text: '{ [K in keyof $Pair as `x${K}`]: $Pair[K][] }', uses: ['Pair'], feature: 'alias-mapped-template' },
          { text: "$DeepPartial<{ inner: Pick<$Pair, 'code' | 'n'>; top: $Min3 }>", uses: ['DeepPartial', 'Pair', 'Min3'], feature: 'alias-mapped-template' },
          // A utility type around a pattern-keyed record keeps the value alias (tester9 F7).
          { text: 'Readonly<Record<`x-${string}`, $Slug>>', uses: ['Slug'], feature: 'alias-utility-pattern-key' },
          { text: 'Partial<Record<Uppercase<string>, $Min3>>', uses: ['Min3'], feature: 'alias-utility-pattern-key' },
          // A mapping beside an alias, and collections of aliases, that TypeScript reduces to one member (both apply).
          { text: 'Uppercase<string> & $Min3', uses: ['Min3'], feature: 'alias-intersection-mapping', tags: 'string' as const },
          { text: 'string[] & $Slug[]', uses: ['Slug'], feature: 'alias-intersection-collection', tags: 'array' as const },
          { text: 'Record<string, $Slug> & Record<string, string>', uses: ['Slug'], feature: 'alias-intersection-collection' },
          { text: '[$Slug, ...$Min3[]] & [string, ...string[]]', uses: ['Slug', 'Min3'], feature: 'alias-intersection-collection' },
          // A constrained alias whose property may carry a tag of the same kind: both apply (tester9 F10).
          { text: '$StartsA', uses: ['StartsA'], feature: 'alias-property-tags', tags: 'string' as const },
          { text: '$NonNeg', uses: ['NonNeg'], feature: 'alias-property-tags', tags: 'number' as const },
        ).map(({ text, uses, feature, tags }) => ({ ...atom(text, [...uses.map((name) => `helper:${name}`), feature], tags), precedence: text.includes(' & ') ? (1 as const) : (2 as const) })),
      },
      { weight: 1, arbitrary: inner.map((t) => atom(`$Box<{ inline: ${t.text} }>`, [...t.features, 'helper:Box', 'generic-inline-arg'])) },
      { weight: 1, arbitrary: inner.map((t) => atom(`$Maybe<${t.text}>`, [...t.features, 'helper:Maybe', 'generic-union-param'])) },
    ),
  };
}).type;

/** The main declaration: an interface, a `type` alias of an object/union/intersection, or a class. */
const mainArb = fc
  .record({
    shape: fc.constantFrom('interface', 'interface', 'interface', 'alias', 'union', 'intersection', 'class'),
    properties: fc.array(propertyArb(typeArb), { minLength: 1, maxLength: 3 }),
    strict: fc.nat(5),
    union: fc.array(typeArb, { minLength: 2, maxLength: 3 }),
    extendsPoint: fc.nat(6),
  })
  .map(({ shape, properties, strict, union, extendsPoint }) => {
    const props = uniqueProperties(properties);
    const feats = props.flatMap((p) => p.features);
    const body = props.map((p) => `  ${p.text.replace(/\n/g, '\n  ')}`).join('\n');
    const doc = strict === 0 && shape !== 'union' ? '/** @strict */\n' : '';
    if (doc) feats.push('strict');
    switch (shape) {
      case 'interface': {
        if (extendsPoint !== 0) return { text: `${doc}export interface $$ {\n${body}\n}`, features: feats };
        // An interface may not redeclare a property of its base with another type (TS2430).
        const own = props.filter((p) => !HELPER_KEYS['Point']!.includes(unquote(p.name)));
        const ownBody = own.map((p) => `  ${p.text.replace(/\n/g, '\n  ')}`).join('\n');
        return { text: `${doc}export interface $$ extends $Point {\n${ownBody}\n}`, features: [...own.flatMap((p) => p.features), ...(doc ? ['strict'] : []), 'helper:Point', 'extends'] };
      }
      case 'alias':
        return { text: `${doc}export type $$ = {\n${body}\n};`, features: [...feats, 'alias-object'] };
      case 'intersection': {
        const conflict = props.some((p) => HELPER_KEYS['Point']!.includes(unquote(p.name)));
        return { text: `${doc}export type $$ = $Point & {\n${body}\n};`, features: [...feats, 'helper:Point', 'intersection', ...(conflict ? ['intersection-conflict'] : [])] };
      }
      case 'class': {
        // A class member named `constructor` is the constructor, not a property.
        const classBody = props
          .filter((p) => p.name !== 'constructor')
          .map((p) => `  ${p.text.replace(/\n/g, '\n  ').replace(/^(\s*(?:readonly )?[\w'$ -]+)(: )/m, (_m, head: string, colon: string) => (head.endsWith('?') ? `${head}${colon}` : `${head}!${colon}`))}`)
          .join('\n');
        return { text: `${doc}export class $$ {\n${classBody}\n}`, features: [...feats, 'class'] };
      }
      default:
        return {
          text: `export type $$ =\n${union.map((m) => `  | ${at(m, 1)}`).join('\n')};`,
          features: [...features(...union), 'union-alias'],
        };
    }
  });

/** Helpers used by `text` (and by the helpers they use), in catalogue order. */
function helpersOf(usedFeatures: readonly string[]): string[] {
  const wanted = new Set(usedFeatures.filter((f) => f.startsWith('helper:')).map((f) => f.slice('helper:'.length)));
  let grew = true;
  while (grew) {
    grew = false;
    for (const name of [...wanted]) for (const dependency of HELPERS[name]?.uses ?? []) if (!wanted.has(dependency)) wanted.add(dependency), (grew = true);
  }
  return Object.keys(HELPERS).filter((name) => wanted.has(name));
}

/** `count` forms from `seed`, named `F<start>`…: the same seed gives the same forms. */
export function sampleForms(seed: number, count: number, start = 0): Form[] {
  return fc.sample(mainArb, { seed, numRuns: count }).map((main, i) => {
    const name = `F${start + i}`;
    const helpers = helpersOf(main.features);
    const prefix = (text: string): string => text.replaceAll('$$', name).replace(/\$(?=[A-Z])/g, `${name}_`);
    const source = [...helpers.map((h) => prefix(HELPERS[h]!.text)), prefix(main.text)].join('\n\n');
    const allFeatures = [...new Set([...main.features, ...helpers.flatMap((h) => HELPERS[h]!.features ?? [])])].sort();
    return { name, source: `${source}\n`, features: allFeatures };
  });
}
