export * from './types.js';
export * from './naming.js';
export * from './nullability.js';
export * from './tuple-length.js';
export * from './column-constraints.js';
export * from './is-length.js';
