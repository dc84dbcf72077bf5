/**
 * The floor `isT` is held to: for each bench type, the `is` a careful engineer would write by
 * hand, straight-line, checking exactly the constraints codegen checks (same formats, code-point
 * lengths, the exact decimal `multipleOf` rule, plain objects only for a `Record`, `@strict` on
 * `Order` only, own keys only where a key could be inherited: none of these). No library, no
 * helper it would not write itself.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The common `local@domain.tld` form, as ajv-formats (and codegen's `email`) accepts it.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const LAST4 = /^[0-9]{4}$/u;
const SLUG = /^[a-z0-9-]+$/u;
const POSTAL_CODE = /^[A-Z0-9][A-Z0-9 -]{1,9}$/u;
const COUNTRY = /^[A-Z]{2}$/u;
const ORDER_KEYS = new Set(['id', 'customerEmail', 'items', 'status', 'payment', 'shippingAddress', 'labels', 'note', 'createdAt', 'updatedAt']);

type Fields = Record<string, unknown>;

/** Code points, counted only when the UTF-16 length cannot decide (JSON Schema counts code points). */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return n;
}

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDate(value: unknown): boolean {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/**
 * Money: finite, ≥ 0, a whole number of cents in the decimal it is written as (its shortest
 * form, `String(value)`), as codegen's exact `multipleOf` decides: 19.99 is, 0.1 * 3
 * (0.30000000000000004) is not.
 */
function isMoney(value: unknown): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return false;
  const cents = Math.round(value * 100);
  // Below 10^15 cents, the decimal cents / 100 (at most 15 digits) is the shortest form of the
  // double it reads back as, and a whole number of cents reads back as itself.
  if (cents < 1e15) return cents / 100 === value;
  // Larger: count the decimals of the shortest form (written with an exponent from 1e21, whole).
  if (value >= 1e21) return true;
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || text.length - dot <= 3;
}

export function isAddress(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { street, city, postalCode, country, location } = value;
  if (typeof street !== 'string' || street.length < 1) return false;
  if (typeof city !== 'string' || city.length < 1) return false;
  if (typeof postalCode !== 'string' || !POSTAL_CODE.test(postalCode)) return false;
  if (typeof country !== 'string' || !COUNTRY.test(country)) return false;
  if (location === undefined) return true;
  return (
    Array.isArray(location) &&
    location.length === 2 &&
    typeof location[0] === 'number' &&
    Number.isFinite(location[0]) &&
    typeof location[1] === 'number' &&
    Number.isFinite(location[1])
  );
}

export function isCategory(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { slug, name, children } = value;
  if (typeof slug !== 'string' || !SLUG.test(slug)) return false;
  if (typeof name !== 'string' || name.length < 1 || (name.length > 60 && codePoints(name) > 60)) return false;
  if (!Array.isArray(children)) return false;
  for (let i = 0; i < children.length; i++) if (!isCategory(children[i])) return false;
  return true;
}

function isOrderItem(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { id, orderId, bookId, quantity } = value;
  return (
    typeof id === 'number' &&
    Number.isInteger(id) &&
    typeof orderId === 'string' &&
    UUID.test(orderId) &&
    typeof bookId === 'string' &&
    UUID.test(bookId) &&
    typeof quantity === 'number' &&
    Number.isInteger(quantity) &&
    quantity >= 1 &&
    quantity <= 99 &&
    isMoney(value.unitPrice)
  );
}

function isPayment(value: unknown): boolean {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'card': {
      const { last4, brand } = value;
      return typeof last4 === 'string' && LAST4.test(last4) && (brand === 'visa' || brand === 'mastercard' || brand === 'amex');
    }
    case 'paypal':
      return typeof value.payerEmail === 'string' && EMAIL.test(value.payerEmail);
    case 'gift-card': {
      const code = value.code;
      if (typeof code !== 'string' || code.length < 8) return false;
      if (code.length < 16 && codePoints(code) < 8) return false;
      return code.length <= 16 || codePoints(code) <= 16;
    }
    default:
      return false;
  }
}

export function isOrder(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { id, customerEmail, items, status, labels, note } = value;
  if (typeof id !== 'string' || !UUID.test(id)) return false;
  if (typeof customerEmail !== 'string' || !EMAIL.test(customerEmail)) return false;
  if (!Array.isArray(items) || items.length < 1 || items.length > 50) return false;
  for (let i = 0; i < items.length; i++) if (!isOrderItem(items[i])) return false;
  if (status !== 'pending' && status !== 'paid' && status !== 'shipped' && status !== 'cancelled') return false;
  if (!isPayment(value.payment) || !isAddress(value.shippingAddress)) return false;
  // A Record holds plain objects only ({}, JSON.parse, Object.create(null), another realm's {}).
  if (!isRecord(labels)) return false;
  const proto: unknown = Object.getPrototypeOf(labels);
  if (proto !== Object.prototype && proto !== null && Object.getPrototypeOf(proto) !== null) return false;
  for (const key in labels) if (typeof labels[key] !== 'string') return false;
  if (note !== undefined && note !== null && typeof note !== 'string') return false;
  if (!isDate(value.createdAt) || !isDate(value.updatedAt)) return false;
  for (const key in value) if (!ORDER_KEYS.has(key)) return false;
  return true;
}
