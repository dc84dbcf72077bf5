/** What the mock strategy carries down a type tree. */
import type { SourceLocation } from '../../../model/types.js';
import type { MockCompiler } from './mock-compiler.js';

export interface MockContext {
  compiler: MockCompiler;
  /** The nearest property name, for realistic values (`email`, `price`…). */
  name: string | undefined;
  /** Name base for constants hoisted out of this node (`BookIsbn`). */
  base: string;
  /** `Type.property`, for diagnostics. */
  label: string;
  /** Where the constraints were written, for diagnostics. */
  source: SourceLocation;
}
