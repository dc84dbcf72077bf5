/** The generator kit: the contract, the shared type walker and what generators reuse around it. */
export * from './contract.js';
export * from './walk.js';
export * from './declaration-index.js';
export * from './type-refs.js';
export * from './unions.js';
export * from './print-type.js';
export * from './emit.js';
export * from './output-paths.js';
export * from './templates-dir.js';
export * from './plan-outputs.js';
export * from './imports.js';
export * from './compile-validators.js';
export * from './file-scope.js';
export * from './common-options.js';
