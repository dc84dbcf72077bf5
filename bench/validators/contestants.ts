/**
 * Who competes on each type: codegen's committed validators for the bookstore example, and
 * typia, ajv and zod validators checking the same constraints. Each contestant offers the
 * library's own calls, untouched, for timing, and an issue count for the agreement check.
 */
import { compileAjv } from './ajv-schemas.js';
import * as handwritten from './handwritten.js';
import { zodSchemas } from './zod-schemas.js';

/** One library's validators for one type. */
export interface Contestant {
  /** Row label in the tables. */
  library: string;
  /** Measured as "is", on valid data; `undefined` when the row only takes part in validate. */
  is?: (value: unknown) => unknown;
  /** Measured as "validate": the call that lists every issue. */
  validate?: (value: unknown) => unknown;
  /** Issues found in `value` (0 when valid), through the same validator as `validate`, or `is`. */
  countIssues: (value: unknown) => number;
  /** Shown for comparison only: it checks less, so it may accept invalid samples. */
  informational?: boolean;
}

/** The contestants of one bookstore type. */
export interface TypeContestants {
  type: 'Order' | 'Category' | 'Address';
  /** The hand-written straight-line `is` of the type: the floor codegen's `isT` is held to (≥ 0.8×). */
  floor: Validator;
  /** Why the comparison is fair, or where it is not quite. */
  notes: string[];
  contestants: Contestant[];
}

type Validator = (value: unknown) => unknown;
type CodegenResult = { success: true } | { success: false; issues: readonly unknown[] };
type TypiaResult = { success: true } | { success: false; errors: readonly unknown[] };

/**
 * The part of codegen's generated module the bench calls. It is loaded at run time, from the
 * copy `bench/tsconfig.json` compiles: a static import would pull the example's decorated
 * models into the repository-wide typecheck, which has no `experimentalDecorators`.
 */
interface CodegenModule {
  isOrder: Validator;
  validateOrder: (value: unknown) => CodegenResult;
  isCategory: Validator;
  validateCategory: (value: unknown) => CodegenResult;
  isAddress: Validator;
  validateAddress: (value: unknown) => CodegenResult;
}

/** typia's generated module has the template's exports, checks inlined; it exists only once generated. */
type TypiaModule = typeof import('./typia/templates/bookstore.js');

// Relative to this file, in the source tree and in `bench/.out/bench/` alike.
const CODEGEN_MODULE = '../../examples/bookstore/src/generated/index.js';
const TYPIA_MODULE = './typia/generated/bookstore.js';

function codegen(is: Validator, validate: (value: unknown) => CodegenResult): Contestant {
  return { library: 'codegen', is, validate, countIssues: (value) => ((r) => (r.success ? 0 : r.issues.length))(validate(value)) };
}

function typiaContestant(library: string, is: Validator, validate: (value: unknown) => TypiaResult): Contestant {
  const countIssues = (value: unknown): number => ((r) => (r.success ? 0 : r.errors.length))(validate(value));
  return { library, is, validate, countIssues };
}

/** Loads codegen's and typia's validators, compiles the ajv schemas and lists every contestant. */
export async function bookstoreContestants(): Promise<TypeContestants[]> {
  const { isOrder, validateOrder, isCategory, validateCategory, isAddress, validateAddress } = (await import(
    CODEGEN_MODULE
  )) as CodegenModule;
  const typia = (await import(TYPIA_MODULE)) as TypiaModule;
  const ajvFirst = compileAjv(false);
  const ajvAll = compileAjv(true);
  const ajv = (type: keyof typeof ajvAll): Contestant => ({
    library: 'ajv',
    is: ajvFirst[type],
    validate: ajvAll[type],
    countIssues: (value) => (ajvAll[type](value) ? 0 : (ajvAll[type].errors?.length ?? 0)),
  });
  const floor = (type: 'Order' | 'Category' | 'Address'): Contestant => {
    const is = handwritten[`is${type}`];
    return { library: 'hand-written', is, countIssues: (value) => (is(value) ? 0 : 1) };
  };
  const zod = (type: keyof typeof zodSchemas): Contestant => {
    const schema = zodSchemas[type];
    return {
      library: 'zod',
      is: (value) => schema.safeParse(value).success,
      validate: (value) => schema.safeParse(value),
      countIssues: (value) => ((r) => (r.success ? 0 : r.error.issues.length))(schema.safeParse(value)),
    };
  };
  return [
    {
      type: 'Order',
      floor: handwritten.isOrder,
      notes: [
        'Order is @strict: typia row = equals/validateEquals (unknown keys rejected on every nested object, codegen: on Order only);',
        '"typia is (not strict)" skips the key check entirely. ajv checks createdAt/updatedAt as { type: "object" } (no Date in JSON Schema).',
      ],
      contestants: [
        codegen(isOrder, validateOrder),
        typiaContestant('typia', typia.equalsOrder, typia.validateEqualsOrder),
        { library: 'typia is (not strict)', is: typia.isOrder, countIssues: (value) => (typia.isOrder(value) ? 0 : 1), informational: true },
        ajv('Order'),
        zod('Order'),
        floor('Order'),
      ],
    },
    {
      type: 'Category',
      floor: handwritten.isCategory,
      notes: ['One recursive tree per call (see the node count above).'],
      contestants: [codegen(isCategory, validateCategory), typiaContestant('typia', typia.isCategory, typia.validateCategory), ajv('Category'), zod('Category'), floor('Category')],
    },
    {
      type: 'Address',
      floor: handwritten.isAddress,
      notes: [],
      contestants: [codegen(isAddress, validateAddress), typiaContestant('typia', typia.isAddress, typia.validateAddress), ajv('Address'), zod('Address'), floor('Address')],
    },
  ];
}
