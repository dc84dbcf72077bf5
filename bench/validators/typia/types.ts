/**
 * The bookstore types spelled with typia's type tags. typia does not read every JSDoc tag
 * codegen reads: constraints on type aliases (`Email`, `Money`) and `@type integer` are
 * silently dropped, so validating the model types directly would let typia skip checks
 * codegen performs. These mirrors carry the same constraints, property for property; the
 * assignability checks at the bottom keep them in step with the models' shapes.
 */
import type { tags } from 'typia';

import type { Address as ModelAddress } from '../../../examples/bookstore/src/models/common.js';
import type { Category as ModelCategory } from '../../../examples/bookstore/src/models/category.js';
import type { Order as ModelOrder, OrderStatus } from '../../../examples/bookstore/src/models/order.js';

/**
 * `@multipleOf 0.01` as codegen judges it: on the decimal number, not in binary floating point.
 * typia's own `MultipleOf<0.01>` compiles to `$input % 0.01 === 0`, which rejects 19.99.
 */
type DecimalMultipleOf<Denominator extends number> = tags.TagBase<{
  target: 'number';
  kind: 'decimalMultipleOf';
  value: Denominator;
  validate: `Math.abs($input * ${Denominator} - Math.round($input * ${Denominator})) <= 4 * Number.EPSILON * Math.abs($input * ${Denominator})`;
}>;

type Uuid = string & tags.Format<'uuid'>;
type Email = string & tags.Format<'email'>;
type Integer = number & tags.Type<'int64'>;
type Money = number & tags.Minimum<0> & DecimalMultipleOf<100>;

export interface OrderItem {
  id: Integer;
  orderId: Uuid;
  bookId: Uuid;
  quantity: Integer & tags.Minimum<1> & tags.Maximum<99>;
  unitPrice: Money;
}

export interface CardPayment {
  kind: 'card';
  last4: string & tags.Pattern<'^[0-9]{4}$'>;
  brand: 'visa' | 'mastercard' | 'amex';
}

export interface PaypalPayment {
  kind: 'paypal';
  payerEmail: Email;
}

export interface GiftCardPayment {
  kind: 'gift-card';
  code: string & tags.MinLength<8> & tags.MaxLength<16>;
}

export type Payment = CardPayment | PaypalPayment | GiftCardPayment;

export interface Address {
  street: string & tags.MinLength<1>;
  city: string & tags.MinLength<1>;
  postalCode: string & tags.Pattern<'^[A-Z0-9][A-Z0-9 -]{1,9}$'>;
  country: string & tags.Pattern<'^[A-Z]{2}$'>;
  location?: [latitude: number, longitude: number];
}

export interface Order {
  id: Uuid;
  customerEmail: Email;
  items: OrderItem[] & tags.MinItems<1> & tags.MaxItems<50>;
  status: OrderStatus;
  payment: Payment;
  shippingAddress: Address;
  labels: Record<string, string>;
  note?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Category {
  slug: string & tags.Pattern<'^[a-z0-9-]+$'>;
  name: string & tags.MinLength<1> & tags.MaxLength<60>;
  children: Category[];
}

// A mirror that drifts from its model (a property added, renamed or retyped) stops compiling.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Untagged<T> = { [K in keyof T]-?: T[K] extends string ? string : T[K] extends number ? number : unknown };
export const mirrorsMatchModels: [
  Same<keyof Order, keyof ModelOrder>,
  Same<keyof Address, keyof ModelAddress>,
  Same<keyof Category, keyof ModelCategory>,
  Same<Untagged<OrderItem>, Untagged<ModelOrder['items'][number]>>,
] = [true, true, true, true];
