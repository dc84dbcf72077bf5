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
  /** Levels of composite types the current expression is nested in (see `large-types.ts`). */
  nesting?: number;
  /** TypeScript text of the node's type (`Deep["root"]`), when an indexed access reaches it. */
  typePath?: string;
  /** How many values the enclosing arrays and records may hold together. */
  spread?: number;
  /** Drawn for a unique column's list (`mockList`'s wide draw): strings and numbers from a space wide enough for many distinct values. */
  wide?: boolean;
}
