/**
 * One TypeORM decorator call on a property, as its handler sees it: the statically read
 * arguments and options, and the ways to report a value of the wrong shape (CG2101), one that
 * cannot be read without running code (CG2013) and an option codegen does not read (CG2104).
 */
import type { Node } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import type { DecoratorCall, StaticValue } from '../tags/decorators.js';
import type { ColumnAnnotations } from './annotations.js';
import type { OptionRead } from './static-options.js';
import { reportOtherOptions, type OptionFamily } from './typeorm-options.js';

export interface Call {
  decorator: DecoratorCall;
  options: Record<string, StaticValue>;
  /** `User.email`, for messages. */
  path: string;
  ctx: AnalyzerContext;
  /** The decorator's syntax, for what StaticValue cannot hold (the inverse side's arrow). */
  node: Node | undefined;
}

export type DecoratorHandler = (annotations: ColumnAnnotations, call: Call) => void;

/** CG2101 at the decorator: `problem` says what is wrong with it. */
export function reportBad(call: Call, problem: string, hint?: string): void {
  call.ctx.report('CG2101', call.decorator.location, `Bad @${call.decorator.name}() on ${call.path}: ${problem}.`, hint);
}

/** The value of option `key`, reporting a value of the wrong shape (CG2101) or one that cannot be read (CG2013). */
export function take<T>(read: OptionRead<T>, key: string, expected: string, call: Call): T | undefined {
  if (read && 'wrong' in read) reportBad(call, `${key} must be ${expected}, got ${read.wrong}`);
  if (read && 'unreadable' in read) {
    call.ctx.report('CG2013', call.decorator.location, `@${call.decorator.name}() on ${call.path}: option ${key} '${read.unreadable}' cannot be read statically.`);
  }
  return read && 'value' in read ? read.value : undefined;
}

/** CG2104 for the options of this call that `family` does not read. */
export function reportOthers(call: Call, family: OptionFamily, alsoRead: readonly string[] = []): void {
  const where = { decorator: call.decorator.name, path: call.path, location: call.decorator.location };
  reportOtherOptions(call.options, family, where, call.ctx, alsoRead);
}
