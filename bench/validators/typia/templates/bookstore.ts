/**
 * typia's validators for the bench, in typia's generation mode: `npm run bench` runs
 * `typia generate` on this folder, which writes this file with every check inlined into
 * `../generated/` (git-ignored). The types are `../types.ts`, the bookstore models with
 * typia's type tags.
 */
import typia from 'typia';

import type { Address, Category, Order } from '../types.js';

// `Order` is `@strict` (unknown keys rejected), which typia spells `equals`. typia applies it
// to every nested object too, where codegen checks the root only; `isOrder` (no key check at
// all) is measured beside it so both bounds are visible.
export const equalsOrder = typia.createEquals<Order>();
export const validateEqualsOrder = typia.createValidateEquals<Order>();
export const isOrder = typia.createIs<Order>();

export const isCategory = typia.createIs<Category>();
export const validateCategory = typia.createValidate<Category>();

export const isAddress = typia.createIs<Address>();
export const validateAddress = typia.createValidate<Address>();
