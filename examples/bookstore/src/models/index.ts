export * from './author.js';
export * from './book.js';
export * from './category.js';
export * from './common.js';
export * from './order.js';
export * from './review.js';
