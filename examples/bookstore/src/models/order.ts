import type { Address, Email, Money } from './common.js';

export enum OrderStatus {
  Pending = 'pending',
  Paid = 'paid',
  Shipped = 'shipped',
  Cancelled = 'cancelled',
}

/** @entity order_items */
export interface OrderItem {
  /** @primaryKey @generated increment @type integer */
  id: number;
  /** @format uuid @references Order @onDelete cascade */
  orderId: string;
  /** @format uuid @references Book */
  bookId: string;
  /** @type integer @minimum 1 @maximum 99 */
  quantity: number;
  unitPrice: Money;
}

export interface CardPayment {
  kind: 'card';
  /** @pattern ^[0-9]{4}$ */
  last4: string;
  brand: 'visa' | 'mastercard' | 'amex';
}

export interface PaypalPayment {
  kind: 'paypal';
  payerEmail: Email;
}

export interface GiftCardPayment {
  kind: 'gift-card';
  /** @minLength 8 @maxLength 16 */
  code: string;
}

/** How an order was paid: dispatched on `kind`. */
export type Payment = CardPayment | PaypalPayment | GiftCardPayment;

/**
 * A customer's order.
 * @entity
 * @strict
 */
export interface Order {
  /** @primaryKey @generated uuid @format uuid @readOnly */
  readonly id: string;
  customerEmail: Email;
  /** @minItems 1 @maxItems 50 */
  items: OrderItem[];
  /** @default "pending" */
  status: OrderStatus;
  payment: Payment;
  shippingAddress: Address;
  /** Free-form labels set by the warehouse. */
  labels: Record<string, string>;
  note?: string | null;
  /** @createdAt @readOnly */
  readonly createdAt: Date;
  /** @updatedAt @readOnly */
  readonly updatedAt: Date;
}
