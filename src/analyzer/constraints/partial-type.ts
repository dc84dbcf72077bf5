/**
 * `class UpdateDto extends PartialType(CreateDto) {}` of @nestjs/mapped-types (and the
 * PartialType of @nestjs/swagger and @nestjs/graphql) copies CreateDto's class-validator metadata
 * and adds `@IsOptional()` to each property it copies, so the library skips `null` there. The
 * copied type (`name?: string`) rejects `null`, and the generated validators follow the type: the
 * same difference as a written `@IsOptional()` on `name?: string`, so the same warning CG2016,
 * once per class, at the call, naming the properties. PickType, OmitType and IntersectionType copy
 * the metadata as it is: nothing to say.
 */
import { Node, SyntaxKind, type CallExpression, type ClassDeclaration, type Expression } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { isValidationDecorator } from '../tags/base-decorators.js';
import { writtenType } from './presence.js';

/** The packages whose mapped-type helpers add `@IsOptional()` in PartialType. */
const NEST_PACKAGES: ReadonlySet<string> = new Set(['@nestjs/mapped-types', '@nestjs/swagger', '@nestjs/graphql']);
/** Their helpers whose class arguments are read for a PartialType inside (`IntersectionType(PartialType(A), B)`). */
const MAPPED_HELPERS: ReadonlySet<string> = new Set(['PartialType', 'PickType', 'OmitType', 'IntersectionType']);

/**
 * CG2016 for the properties a PartialType() in `node`'s `extends` made optional for
 * class-validator whose type in `type` (the class as read) rejects `null`. Properties the class
 * declares again are left to their own decorators.
 */
export function reportPartialTypeNull(node: ClassDeclaration, type: TypeNode, path: string, ctx: AnalyzerContext): void {
  const heritage = node.getExtends()?.getExpression();
  if (!heritage || type.kind !== 'object') return;
  const calls = partialTypeCalls(heritage);
  if (calls.length === 0) return;
  const copied = new Set(calls.flatMap((call) => instancePropertyNames(call.getArguments()[0])));
  const classType = node.getType();
  const names = type.properties
    .filter((property) => copied.has(property.name) && !node.getInstanceProperty(property.name))
    .filter((property) => !(property.type.kind === 'union' && property.type.members.some((member) => member.kind === 'null')))
    .filter((property) =>
      (classType.getProperty(property.name)?.getDeclarations() ?? []).some((declaration) => ctx.decorators(declaration).some((decorator) => isValidationDecorator(decorator.name))),
    )
    .map((property) => property.name);
  if (names.length === 0) return;
  const call = calls[0]!;
  const written = `${call.getExpression().getText()}(${call.getArguments()[0]?.getText() ?? ''})`;
  const listed = names.map((name) => `${path}.${name}`).join(', ');
  const first = classType.getProperty(names[0]!)?.getDeclarations()[0];
  const suggestion = `${names[0]}?: ${writtenType(first) ?? '…'} | null`;
  ctx.reportOnce(
    'CG2016',
    ctx.display(call),
    'partial-type',
    `${written} adds @IsOptional() to each property it copies, so class-validator accepts null in ${listed}, which the type rejects: the generated validators follow the type.`,
    `To accept null, declare ${path}'s properties yourself (\`${suggestion}\`) instead of extending ${written}, or pass \`{ skipNullProperties: false }\` to ${call.getExpression().getText()}() so class-validator rejects null too.`,
  );
}

/** The PartialType() calls of Nest's packages in a heritage expression, through the other helpers' arguments. */
function partialTypeCalls(expression: Expression | Node | undefined): CallExpression[] {
  if (!expression || !Node.isCallExpression(expression)) return [];
  const name = helperName(expression);
  if (name === undefined || !MAPPED_HELPERS.has(name)) return [];
  const inner = expression.getArguments().flatMap((argument) => partialTypeCalls(argument));
  return name === 'PartialType' && !checksNull(expression) ? [expression, ...inner] : inner;
}

/** `PartialType(Dto, { skipNullProperties: false })`: the copies skip only `undefined`, so class-validator checks `null` as the type does. */
function checksNull(call: CallExpression): boolean {
  const options = call.getArguments()[1];
  if (!options || !Node.isObjectLiteralExpression(options)) return false;
  const skip = options.getProperty('skipNullProperties');
  return skip !== undefined && Node.isPropertyAssignment(skip) && skip.getInitializer()?.getText() === 'false';
}

/** The name a call's function is exported under by one of Nest's packages (`PartialType` for `import { PartialType as P }`), or undefined. */
function helperName(call: CallExpression): string | undefined {
  const callee = call.getExpression();
  // `nest.PartialType(…)` of `import * as nest from '@nestjs/mapped-types'`.
  if (Node.isPropertyAccessExpression(callee)) {
    const declaration = callee.getExpression().getSymbol()?.getDeclarations()[0];
    return declaration && Node.isNamespaceImport(declaration) && fromNest(declaration) ? callee.getName() : undefined;
  }
  if (!Node.isIdentifier(callee)) return undefined;
  const declaration = callee.getSymbol()?.getDeclarations()[0];
  return declaration && Node.isImportSpecifier(declaration) && fromNest(declaration) ? declaration.getName() : undefined;
}

/** Whether an import names one of Nest's packages. */
function fromNest(node: Node): boolean {
  const specifier = node.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)?.getModuleSpecifierValue();
  return specifier !== undefined && NEST_PACKAGES.has(specifier);
}

/** The instance properties' names of a class expression (`CreateDto`, `PickType(CreateDto, ['name'])`). */
function instancePropertyNames(argument: Node | undefined): string[] {
  const instance = argument?.getType().getConstructSignatures()[0]?.getReturnType();
  return instance ? instance.getProperties().map((symbol) => symbol.getName()) : [];
}
