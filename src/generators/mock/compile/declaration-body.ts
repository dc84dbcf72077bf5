/** The expression a declaration's `randomT` function returns. */
import type { Declaration } from '../../../model/types.js';
import { printDeclarationType } from '../../kit/print-type.js';
import type { MockCompiler } from './mock-compiler.js';
import type { MockContext } from './mock-context.js';
import { enumExpression, mockExpression } from './mock-strategy.js';

/** Builds the random value of a declaration's type; problems land in the compiler. */
export function declarationExpression(declaration: Declaration, compiler: MockCompiler): string {
  const context: MockContext = {
    compiler,
    name: undefined,
    base: declaration.name,
    label: declaration.name,
    source: declaration.source,
    // Deep parts built by functions of their own are typed by indexed access from here.
    typePath: printDeclarationType(declaration, compiler.index, compiler.references),
  };
  if (declaration.type.kind === 'enum') {
    return enumExpression(declaration.type, declaration.exported ? declaration.id : undefined, context);
  }
  return mockExpression(declaration.type, context);
}
