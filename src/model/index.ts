export * from './types.js';
export * from './naming.js';
