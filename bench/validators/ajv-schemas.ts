/**
 * JSON Schemas written by hand to be equivalent to the bookstore types and their constraints,
 * compiled by ajv. `Date` properties are `{ type: 'object' }`: JSON Schema cannot say "a Date
 * instance", so ajv checks less there than the other libraries (which test `instanceof Date`).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const uuid = { type: 'string', format: 'uuid' };
const email = { type: 'string', format: 'email' };
const integer = { type: 'integer' };

const address = {
  type: 'object',
  required: ['street', 'city', 'postalCode', 'country'],
  properties: {
    street: { type: 'string', minLength: 1 },
    city: { type: 'string', minLength: 1 },
    postalCode: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9 -]{1,9}$' },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    location: { type: 'array', items: [{ type: 'number' }, { type: 'number' }], minItems: 2, additionalItems: false },
  },
};

const orderItem = {
  type: 'object',
  required: ['id', 'orderId', 'bookId', 'quantity', 'unitPrice'],
  properties: {
    id: integer,
    orderId: uuid,
    bookId: uuid,
    quantity: { type: 'integer', minimum: 1, maximum: 99 },
    unitPrice: { type: 'number', minimum: 0, multipleOf: 0.01 },
  },
};

function variant(kind: string, properties: Record<string, object>): object {
  return { type: 'object', required: ['kind', ...Object.keys(properties)], properties: { kind: { const: kind }, ...properties } };
}

const payment = {
  type: 'object',
  discriminator: { propertyName: 'kind' },
  required: ['kind'],
  oneOf: [
    variant('card', { last4: { type: 'string', pattern: '^[0-9]{4}$' }, brand: { enum: ['visa', 'mastercard', 'amex'] } }),
    variant('paypal', { payerEmail: email }),
    variant('gift-card', { code: { type: 'string', minLength: 8, maxLength: 16 } }),
  ],
};

const order = {
  type: 'object',
  required: ['id', 'customerEmail', 'items', 'status', 'payment', 'shippingAddress', 'labels', 'createdAt', 'updatedAt'],
  additionalProperties: false,
  properties: {
    id: uuid,
    customerEmail: email,
    items: { type: 'array', minItems: 1, maxItems: 50, items: orderItem },
    status: { enum: ['pending', 'paid', 'shipped', 'cancelled'] },
    payment,
    shippingAddress: address,
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    note: { type: ['string', 'null'] },
    createdAt: { type: 'object' },
    updatedAt: { type: 'object' },
  },
};

const category = {
  $id: 'Category',
  type: 'object',
  required: ['slug', 'name', 'children'],
  properties: {
    slug: { type: 'string', pattern: '^[a-z0-9-]+$' },
    name: { type: 'string', minLength: 1, maxLength: 60 },
    children: { type: 'array', items: { $ref: 'Category' } },
  },
};

/** One compiled validator per bookstore type. */
export interface AjvValidators {
  Order: ValidateFunction;
  Category: ValidateFunction;
  Address: ValidateFunction;
}

/**
 * Compiles the schemas once. `allErrors: true` lists every issue (the `validate` comparison);
 * without it ajv stops at the first (the `is` comparison). `multipleOfPrecision` makes
 * `multipleOf: 0.01` accept 19.99, as codegen does.
 */
export function compileAjv(allErrors: boolean): AjvValidators {
  const ajv = new Ajv({ allErrors, discriminator: true, allowUnionTypes: true, multipleOfPrecision: 9 });
  addFormats(ajv);
  return { Order: ajv.compile(order), Category: ajv.compile(category), Address: ajv.compile(address) };
}
