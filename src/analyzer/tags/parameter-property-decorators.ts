/**
 * Decorators written on a constructor's parameter property (`constructor(@MaxLength(3) public
 * code: string)`). TypeScript calls a decorator there as a parameter decorator: with the class
 * and the parameter's index, and no property name. A property decorator is rejected there by tsc
 * (TS1239), and at run time it registers on no property: class-validator never checks the rule
 * (`validateSync(new C('abcdef'))` finds nothing), TypeORM maps no column. codegen agrees with the
 * libraries and reads none of them (context.ts), and says so for the ones it would read on a
 * field (CG2030). JSDoc tags on a parameter property are read (jsdoc.ts).
 */
import { Node } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import { readDecorators } from './decorators.js';
import { isPropertyDecorator } from './known-tags.js';

/** Whether a node is a constructor's parameter property (`public code: string`, `readonly n: number`). */
export function isParameterProperty(node: Node): boolean {
  return Node.isParameterDeclaration(node) && node.isParameterProperty();
}

/** CG2030 for each property decorator (class-validator's, class-transformer's, TypeORM's) written on a parameter property. */
export function reportParameterPropertyDecorators(node: Node, path: string, ctx: AnalyzerContext): void {
  if (!isParameterProperty(node)) return;
  for (const decorator of readDecorators(node, ctx.options.displayRoot)) {
    if (!isPropertyDecorator(decorator.name)) continue;
    ctx.reportOnce(
      'CG2030',
      decorator.location,
      decorator.name,
      `@${decorator.name}() on ${path} is written on a constructor parameter: TypeScript calls it as a parameter decorator, with no property name (tsc rejects a property decorator there, TS1239), so it applies to no property, in class-validator and TypeORM as in codegen, which does not read it.`,
      `Declare ${path.slice(path.lastIndexOf('.') + 1)} as a field with the decorator and assign it in the constructor, or write the constraint as a JSDoc tag on the parameter property (\`/** @maxLength 3 */ public code: string\`), which is read.`,
    );
  }
}
