/**
 * The data every library validates: deterministic valid samples and invalid ones with known
 * problems. Typed with the bookstore models, so a sample that stops matching its type breaks
 * the bench's compilation instead of its verdicts.
 */
import type { Address } from '../../examples/bookstore/src/models/common.js';
import type { Category } from '../../examples/bookstore/src/models/category.js';
import { type Order, OrderStatus, type Payment } from '../../examples/bookstore/src/models/order.js';

/** Valid and invalid samples of one type. */
export interface Samples {
  valid: unknown[];
  invalid: unknown[];
}

const STATUSES = [OrderStatus.Pending, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Cancelled];
const PAYMENTS: Payment[] = [
  { kind: 'card', last4: '4242', brand: 'visa' },
  { kind: 'paypal', payerEmail: 'payer@example.com' },
  { kind: 'gift-card', code: 'GIFT-2024-XYZ' },
];

function uuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `3f2b8c1e-9d4a-4e6b-8a1f-${hex}`;
}

function address(n: number): Address {
  const base: Address = {
    street: `${10 + n} Chapel Street`,
    city: n % 2 === 0 ? 'Manchester' : 'Leeds',
    postalCode: `M${n % 9} 4DQ`,
    country: 'GB',
  };
  return n % 2 === 0 ? { ...base, location: [53.48 + n / 100, -2.24] } : base;
}

function order(n: number): Order {
  const items = Array.from({ length: 3 + (n % 3) }, (_, i) => ({
    id: n * 10 + i,
    orderId: uuid(n),
    bookId: uuid(1000 + i),
    quantity: 1 + ((n + i) % 5),
    unitPrice: [19.99, 7.5, 42, 0.99, 12.35][i % 5] ?? 1,
  }));
  const result: Order = {
    id: uuid(n),
    customerEmail: `reader${n}@example.com`,
    items,
    status: STATUSES[n % STATUSES.length] ?? OrderStatus.Pending,
    payment: PAYMENTS[n % PAYMENTS.length] ?? { kind: 'card', last4: '0000', brand: 'amex' },
    shippingAddress: address(n),
    labels: { warehouse: 'north', priority: n % 2 === 0 ? 'high' : 'normal' },
    createdAt: new Date(Date.UTC(2024, 0, 1 + n)),
    updatedAt: new Date(Date.UTC(2024, 1, 1 + n)),
  };
  return n % 2 === 0 ? { ...result, note: n % 4 === 0 ? 'Leave at the door' : null } : result;
}

/** Eight valid orders of 3 to 5 items, every payment kind, with and without `note`. */
function validOrders(): Order[] {
  return Array.from({ length: 8 }, (_, n) => order(n));
}

/** One order wrong in eight places, and three wrong in one place each, deep down. */
function invalidOrders(): unknown[] {
  const many = {
    ...order(1),
    id: 'not-a-uuid',
    customerEmail: 'nobody-at-example.com',
    payment: { kind: 'card', last4: '42a2', brand: 'visa' },
    shippingAddress: { ...address(1), country: 'gb' },
    labels: { warehouse: 'north', priority: 1 },
    coupon: 'SPRING',
  };
  const items = order(1).items;
  many.items = [items[0]!, { ...items[1]!, quantity: 0 }, { ...items[2]!, unitPrice: 9.999 }];
  const deepItem = order(2);
  deepItem.items = [...deepItem.items.slice(0, 2), { ...deepItem.items[2]!, bookId: 'book-3' }];
  const unknownPayment = { ...order(3), payment: { kind: 'cash', amount: 10 } };
  const extraKey = { ...order(4), internalId: 17 };
  return [many, deepItem, unknownPayment, extraKey];
}

/** A tree of `1 + b + b² + … + b^depth` categories. */
function categoryTree(branching: number, depth: number, slug = 'books'): Category {
  const children =
    depth === 0 ? [] : Array.from({ length: branching }, (_, i) => categoryTree(branching, depth - 1, `${slug}-${i + 1}`));
  return { slug, name: `Category ${slug.replaceAll('-', ' ')}`, children };
}

function nodeAt(tree: Category, ...indexes: number[]): Category {
  return indexes.reduce((node, index) => node.children[index]!, tree);
}

/** The same tree with three bad nodes deep down (bad slug, empty name, `children: null`). */
function invalidCategoryTree(): unknown {
  const tree = categoryTree(6, 3);
  nodeAt(tree, 2, 3, 1).slug = 'Not A Slug';
  nodeAt(tree, 5, 5).name = '';
  (nodeAt(tree, 4, 0, 5) as { children: unknown }).children = null;
  return tree;
}

function invalidAddresses(): unknown[] {
  return [
    { ...address(0), postalCode: 'm1 4dq', country: 'GBR' },
    { ...address(1), street: '' },
    { ...address(2), location: [53.4] },
    { city: 'York', postalCode: 'YO1 7HH', country: 'GB' },
  ];
}

/** Every sample of the bench, per type. */
export function bookstoreSamples(): { Order: Samples; Category: Samples; Address: Samples } {
  return {
    Order: { valid: validOrders(), invalid: invalidOrders() },
    Category: { valid: [categoryTree(6, 3)], invalid: [invalidCategoryTree()] },
    Address: { valid: Array.from({ length: 8 }, (_, n) => address(n)), invalid: invalidAddresses() },
  };
}

/** How many nodes a category tree holds. */
export function countCategories(tree: Category): number {
  return tree.children.reduce((sum, child) => sum + countCategories(child), 1);
}
