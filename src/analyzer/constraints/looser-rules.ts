/**
 * class-validator rules that accept more than the property's TypeScript type (issue 9 A7, tester
 * s17 F3). The generated validators are type guards, so the type wins; warning CG2016 says so at
 * the decorator, and what to write, as it does for `@IsOptional()` and `null` (presence.ts):
 *
 * - `@IsEnum(Level) level: Level` with `enum Level { Low = 1 }`: the library takes
 *   `Object.values(Level)`, which holds the reverse mapping's names (`'Low'`), so it accepts
 *   `"Low"`, which the type (the values) does not hold;
 * - `@ValidateNested() child: Child`: given an array (a Set, a Map), the library validates each
 *   item and accepts it (`[]` too), which the type (one object) does not hold.
 *
 * Other type checks are no looser than the types they pass (the differential test holds them:
 * `@IsNumber()` and `@IsInt()` reject NaN and ±Infinity by default, `@IsDate()` an invalid date,
 * `@IsObject()` an array); a check that passes more than a narrower type (`@IsArray()` on a tuple,
 * `@IsString()` on `'a' | 'b'`) is the type saying more, not the rule saying something else.
 */
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { DecoratorCall } from '../tags/decorators.js';
import { optionsOf } from './requests.js';

/** Reports CG2016 for each decorator of `decorators` that class-validator reads looser than `type` (the property's, narrowed). */
export function reportLooserRules(type: TypeNode, decorators: readonly DecoratorCall[], path: string, ctx: AnalyzerContext): void {
  for (const decorator of decorators) {
    if (decorator.name === 'IsEnum') reportEnumNames(type, decorator, path, ctx);
    if (decorator.name === 'ValidateNested' && !decorators.some((other) => other.name === 'IsObject')) reportNestedArrays(type, decorator, path, ctx);
  }
}

function reportEnumNames(type: TypeNode, decorator: DecoratorCall, path: string, ctx: AnalyzerContext): void {
  const mapping = decorator.reverseMapping;
  if (!mapping) return;
  // `{ each: true }` checks the items (an array otherwise is CG2006 where the rules apply).
  const checked = isEach(decorator) ? itemsOf(type) : type;
  if (!checked) return;
  const members = defined(checked);
  // A reference to another declaration (an alias that may hold the names) is not looked into.
  if (members.some((member) => member.kind === 'ref' && !namesEnum(member.id, mapping.declared))) return;
  const rejected = mapping.names.filter((name) => !members.some((member) => acceptsString(member, name)));
  if (rejected.length === 0) return;
  const listed = rejected.map((name) => `'${name}'`).join(', ');
  const property = path.slice(path.lastIndexOf('.') + 1);
  const message = `@IsEnum(${mapping.written}) on ${path}: class-validator also accepts the member name${rejected.length > 1 ? 's' : ''} ${listed} (a numeric enum's Object.values holds its reverse mapping); the generated validators follow the type, which holds the values only.`;
  const names = `keyof typeof ${mapping.written}`;
  const written = checked === type ? withBeforeEmpty(type, names) : `(${withBeforeEmpty(checked, names)})[]`;
  const hint = `Write \`${property}: ${written}\` to accept the names as class-validator does, or keep the type to accept the values only.`;
  ctx.reportOnce('CG2016', decorator.location, 'looser/IsEnum', message, hint);
}

function reportNestedArrays(type: TypeNode, decorator: DecoratorCall, path: string, ctx: AnalyzerContext): void {
  if (isEach(decorator)) return;
  const members = defined(type);
  const objects = members.filter((member) => ['ref', 'object', 'intersection', 'record'].includes(member.kind));
  if (objects.length === 0 || members.some((member) => member.kind === 'array' || member.kind === 'tuple' || member.kind === 'unknown')) return;
  const property = path.slice(path.lastIndexOf('.') + 1);
  const items = objects.map(typeText).join(' | ');
  const message = `@ValidateNested() on ${path}: given an array (or a Set or Map), class-validator validates each item and accepts it, \`[]\` too; the generated validators follow the type, which holds one ${objects.length > 1 ? 'of its objects' : 'object'}.`;
  const array = objects.every((member) => member.kind === 'ref') ? `\`${property}: ${withBeforeEmpty(type, `${objects.length > 1 ? `(${items})` : items}[]`)}\`` : 'an array of the object in the type';
  const hint = `Add @IsObject() so that class-validator rejects arrays as the type does, or write ${array} to accept them.`;
  ctx.reportOnce('CG2016', decorator.location, 'looser/ValidateNested', message, hint);
}

const isEach = (decorator: DecoratorCall): boolean => decorator.arguments.some((argument) => optionsOf(argument)?.['each'] === true);

/** The items of an array type (beside `null`), for `{ each: true }`. */
function itemsOf(type: TypeNode): TypeNode | undefined {
  const members = defined(type);
  return members.length === 1 && members[0]!.kind === 'array' ? members[0]!.items : undefined;
}

/** `type` with `more` added before its `null` and `undefined` (`Level | keyof typeof Level | null`). */
function withBeforeEmpty(type: TypeNode, more: string): string {
  const empty = type.kind === 'union' ? type.members.filter((member) => member.kind === 'null' || member.kind === 'undefined') : [];
  return [...defined(type).map(typeText), more, ...empty.map(typeText)].join(' | ');
}

function defined(type: TypeNode): TypeNode[] {
  const members = type.kind === 'union' ? type.members : [type];
  return members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined');
}

/** A model id names the enum: `Level`, or `Ns.Level` / `Ns_Level` for one in a namespace. */
const namesEnum = (id: string, declared: string): boolean => id === declared || id.endsWith(`.${declared}`) || id.endsWith(`_${declared}`);

/** Whether `node` holds the string `text`, as far as the model shows without following references. */
function acceptsString(node: TypeNode, text: string): boolean {
  if (node.kind === 'union') return node.members.some((member) => acceptsString(member, text));
  if (node.kind === 'literal') return node.value === text;
  return node.kind === 'string' || (node.kind === 'unknown' && !node.unsupported);
}

/** The type in TypeScript's words for a hint (`Level`, `Level | null`); an inline object is `{…}`. */
function typeText(node: TypeNode): string {
  switch (node.kind) {
    case 'ref':
      return node.id;
    case 'union':
      return node.members.map(typeText).join(' | ');
    case 'literal':
      return node.enumMember ? `${node.enumMember.enum}.${node.enumMember.member}` : JSON.stringify(node.value);
    case 'object':
    case 'record':
      return '{…}';
    case 'intersection':
      return node.members.map(typeText).join(' & ');
    default:
      return node.kind;
  }
}
