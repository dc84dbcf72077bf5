/**
 * Names codegen knows, so a misspelling of its own vocabulary (`@minLenght`, `@MaxLenght()`)
 * is a CG2009 warning, while ordinary JSDoc tags and TypeORM/NestJS decorators stay silent.
 */
import { suggest } from '../../config/suggest.js';
import { CONSTRAINT_TAGS, DECORATOR_RULES, NEUTRAL_OPTIONS, NO_OP_DECORATORS, READ_OPTIONS, optionsOf } from '../constraints/requests.js';
import { UNCHECKED_DECORATORS } from '../constraints/unchecked-decorators.js';
import type { AnalyzerContext } from '../context.js';
import type { DecoratorCall } from './decorators.js';
import { DOC_TAGS } from './docs.js';
import type { JsDocTag } from './jsdoc.js';
import { SELECTION_TAGS } from './selection.js';

/** The tags codegen reads itself; only these are candidates for "did you mean". */
const OWN_TAGS: readonly string[] = [...SELECTION_TAGS, ...DOC_TAGS, ...CONSTRAINT_TAGS, 'validate'];

/** Tags read by the persistence and service readers (annotations.md), and ordinary JSDoc. */
const OTHER_TAGS: readonly string[] = [
  'entity', 'table', 'column', 'primaryKey', 'generated', 'unique', 'index', 'references', 'onDelete', 'onUpdate',
  'oneToOne', 'oneToMany', 'manyToMany', 'joinTable', 'dbType',
  'transient', 'createdAt', 'updatedAt', 'service', 'http', 'query', 'header', 'status', 'throws', 'operationId',
  'tag', 'summary', 'param', 'returns', 'return', 'see', 'since', 'remarks', 'link', 'author', 'version', 'todo',
  'override', 'privateRemarks', 'typeParam', 'template', 'inheritDoc', 'public', 'private', 'protected', 'beta',
  'alpha', 'experimental', 'sealed', 'virtual', 'defaultValue', 'typedef', 'property', 'prop', 'callback', 'enum',
  'const', 'abstract', 'async', 'module', 'namespace', 'file', 'license', 'copyright', 'ignore', 'hidden',
  'category', 'group', 'packageDocumentation', 'eventProperty', 'label', 'module',
  // JSDoc tags close to codegen's (`@desc` is JSDoc's `@description`), and ts-json-schema-generator's `@asType`.
  'desc', 'external', 'interface', 'exception', 'fileoverview', 'overview', 'inheritdoc', 'asType',
];

/**
 * Short forms of the constraint tags other tools and habits use (`@min 0`, `@regex`): too far
 * from the tag for a spelling suggestion, yet plainly meant as one. The first is the suggestion.
 */
const SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  min: ['minimum', 'minLength', 'minItems'],
  max: ['maximum', 'maxLength', 'maxItems'],
  gte: ['minimum'],
  lte: ['maximum'],
  gt: ['exclusiveMinimum'],
  lt: ['exclusiveMaximum'],
  len: ['minLength', 'maxLength'],
  length: ['minLength', 'maxLength'],
  regex: ['pattern'],
  regexp: ['pattern'],
  int: ['type integer'],
  integer: ['type integer'],
  step: ['multipleOf'],
};

/** What each constraint tag applies to, for a hint that names several. */
const KIND_OF: Readonly<Record<string, string>> = {
  minimum: 'numbers', maximum: 'numbers', minLength: 'strings', maxLength: 'strings', minItems: 'arrays', maxItems: 'arrays',
};

/**
 * The own tags an unknown tag was probably meant as: a short form (`@min`), the start of one
 * (`@minLen`, `@exclusiveMin`, three letters at least), or a misspelling (`@minLenght`); none
 * for a name that is neither.
 */
function meantTags(name: string): readonly string[] {
  const lower = name.toLowerCase();
  if (Object.hasOwn(SHORT_FORMS, lower)) return SHORT_FORMS[lower]!;
  const started = name.length >= 3 ? OWN_TAGS.filter((own) => own.toLowerCase().startsWith(lower)) : [];
  if (started.length > 0) return started;
  const close = suggest(name, OWN_TAGS);
  return close ? [close] : [];
}

const OWN_DECORATORS: readonly string[] = [...Object.keys(DECORATOR_RULES), ...NO_OP_DECORATORS];

/** TypeORM decorators the persistence readers read. */
const TYPEORM_DECORATORS: readonly string[] = [
  'Entity', 'Column', 'PrimaryColumn', 'PrimaryGeneratedColumn', 'Generated', 'CreateDateColumn', 'UpdateDateColumn',
  'ManyToOne', 'OneToMany', 'OneToOne', 'ManyToMany', 'JoinColumn', 'JoinTable', 'Index', 'Unique',
];

/** TypeORM and NestJS decorators the persistence and service readers read. */
const OTHER_DECORATORS: readonly string[] = [
  ...TYPEORM_DECORATORS, 'Controller',
  'Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'Query', 'Param', 'Body', 'Headers', 'HttpCode',
  'Injectable', 'Module', 'Version', 'Req', 'Request', 'Res', 'Response', 'Next', 'Session', 'Ip', 'HostParam',
  'UploadedFile', 'UploadedFiles',
];

/**
 * Whether codegen reads a decorator of this name on a property: class-validator's (checked or
 * not), class-transformer's and TypeORM's, not NestJS's route and parameter decorators.
 */
export function isPropertyDecorator(name: string): boolean {
  return OWN_DECORATORS.includes(name) || Object.hasOwn(UNCHECKED_DECORATORS, name) || TYPEORM_DECORATORS.includes(name);
}

/**
 * CG2009 for tags and decorators that look like misspellings of codegen's own names, CG2015 for
 * class-validator decorators codegen does not check. Each once per written annotation, however
 * many mapped types copy the property.
 */
export function reportUnknownAnnotations(tags: readonly JsDocTag[], decorators: readonly DecoratorCall[], path: string, ctx: AnalyzerContext): void {
  for (const tag of tags) {
    if (OWN_TAGS.includes(tag.name) || OTHER_TAGS.includes(tag.name)) continue;
    const meant = meantTags(tag.name);
    if (meant.length === 0) continue;
    const kinds = new Set(meant.map((name) => KIND_OF[name]));
    const written = meant.map((name) => `@${name}${kinds.size > 1 && KIND_OF[name] ? ` (${KIND_OF[name]})` : ''}`);
    const hint = `Write ${written.join(', ').replace(/, ([^,]*)$/, ' or $1')}`;
    const question = kinds.size > 1 ? `@${meant[0]}` : written.join(' or ');
    ctx.reportOnce('CG2009', tag.location, tag.name, `Unknown tag @${tag.name} on ${path}. Did you mean ${question}?`, `${hint}; unknown tags are otherwise ignored.`);
  }
  for (const decorator of decorators) {
    if (OWN_DECORATORS.includes(decorator.name)) reportUnreadOptions(decorator, path, ctx);
    if (OWN_DECORATORS.includes(decorator.name) || OTHER_DECORATORS.includes(decorator.name)) continue;
    const unchecked = Object.hasOwn(UNCHECKED_DECORATORS, decorator.name) ? UNCHECKED_DECORATORS[decorator.name] : undefined;
    if (unchecked !== undefined) {
      const message = `@${decorator.name}() on ${path} is a class-validator rule codegen does not check: the generated validators, mocks and schemas ignore it.`;
      ctx.reportOnce('CG2015', decorator.location, decorator.name, message, unchecked);
      continue;
    }
    const close = suggest(decorator.name, OWN_DECORATORS);
    if (close) ctx.reportOnce('CG2009', decorator.location, decorator.name, `Unknown decorator @${decorator.name}() on ${path}. Did you mean @${close}()?`, `Write @${close}(); unknown decorators are otherwise ignored.`);
  }
}

/**
 * CG2015 for what a supported class-validator decorator is given but codegen does not read: an
 * option that changes the verdict (`require_tld`, `groups`, `allowNaN`…) or `@IsUUID()`'s
 * version. The rule itself is checked; the option is left at validator.js's default.
 */
function reportUnreadOptions(decorator: DecoratorCall, path: string, ctx: AnalyzerContext): void {
  if (decorator.name === 'Type') return; // class-transformer's, read by nothing that validates
  const read = [...NEUTRAL_OPTIONS, ...(READ_OPTIONS[decorator.name] ?? [])];
  const unread = decorator.arguments.flatMap((argument) => Object.keys(optionsOf(argument) ?? {}).filter((key) => !read.includes(key)));
  const version = decorator.name === 'IsUUID' ? decorator.arguments[0] : undefined;
  if (version !== undefined && version !== 'all' && version !== 'loose' && optionsOf(version) === undefined) unread.push(`version ${JSON.stringify(version)}`);
  if (unread.length === 0) return;
  const what = unread.map((key) => (key.startsWith('version') ? key : `\`${key}\``)).join(', ');
  const message = `@${decorator.name}() on ${path}: ${what} is not read; codegen checks the rule with class-validator's defaults.`;
  const hint = READ_OPTIONS[decorator.name]
    ? `codegen reads ${READ_OPTIONS[decorator.name]!.map((key) => `\`${key}\``).join(', ')} of @${decorator.name}(); check the rest in your own code.`
    : `Check it in your own code, or say it with what codegen checks (docs/annotations.md).`;
  ctx.reportOnce('CG2015', decorator.location, `${decorator.name}/options`, message, hint);
}
