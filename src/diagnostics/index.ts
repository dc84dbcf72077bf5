export * from './types.js';
export * from './catalogue.js';
export * from './create.js';
