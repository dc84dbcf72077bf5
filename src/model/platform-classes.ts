/**
 * The classes of the JavaScript platform that Node (18 and later) and every browser define as
 * globals, so generated code can name them without an import: validators test `value instanceof
 * URL`, and a mock builds the value given here (`UnsupportedForm` `instance`). Each value is an
 * instance whatever the type's arguments (`Uint8Array<ArrayBuffer>` takes `new Uint8Array(0)`).
 * Other library classes cannot be told apart at run time by generated code that imports nothing.
 */
const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];
const ERRORS = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];

export const PLATFORM_CLASSES: ReadonlyMap<string, string> = new Map([
  ['URL', 'new URL("https://example.com/")'],
  ['URLSearchParams', 'new URLSearchParams()'],
  ['RegExp', 'new RegExp("(?:)")'],
  ['ArrayBuffer', 'new ArrayBuffer(0)'],
  ['DataView', 'new DataView(new ArrayBuffer(0))'],
  ...TYPED_ARRAYS.map((name): [string, string] => [name, `new ${name}(0)`]),
  ...ERRORS.map((name): [string, string] => [name, `new ${name}("mock")`]),
  // Their entries cannot be listed, so a type's arguments ask nothing of an empty one; the
  // analyzer still reports them (CG2004), since validators cannot check the entries.
  ['WeakMap', 'new WeakMap()'],
  ['WeakSet', 'new WeakSet()'],
]);
