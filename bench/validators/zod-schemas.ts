/** zod schemas equivalent to the bookstore types and their constraints. */
import { z } from 'zod';

// `z.guid()` accepts any 8-4-4-4-12 hexadecimal UUID, as codegen's `uuid` format does
// (`z.uuid()` also demands an RFC 9562 version and variant).
const uuid = z.guid();
const money = z.number().min(0).multipleOf(0.01);

const address = z.object({
  street: z.string().min(1),
  city: z.string().min(1),
  postalCode: z.string().regex(/^[A-Z0-9][A-Z0-9 -]{1,9}$/),
  country: z.string().regex(/^[A-Z]{2}$/),
  location: z.tuple([z.number(), z.number()]).optional(),
});

const orderItem = z.object({
  id: z.number().int(),
  orderId: uuid,
  bookId: uuid,
  quantity: z.number().int().min(1).max(99),
  unitPrice: money,
});

const payment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('card'), last4: z.string().regex(/^[0-9]{4}$/), brand: z.enum(['visa', 'mastercard', 'amex']) }),
  z.object({ kind: z.literal('paypal'), payerEmail: z.email() }),
  z.object({ kind: z.literal('gift-card'), code: z.string().min(8).max(16) }),
]);

const order = z.strictObject({
  id: uuid,
  customerEmail: z.email(),
  items: z.array(orderItem).min(1).max(50),
  status: z.enum(['pending', 'paid', 'shipped', 'cancelled']),
  payment,
  shippingAddress: address,
  labels: z.record(z.string(), z.string()),
  note: z.string().nullable().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

interface CategoryShape {
  slug: string;
  name: string;
  children: CategoryShape[];
}

const category: z.ZodType<CategoryShape> = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1).max(60),
  get children(): z.ZodArray<z.ZodType<CategoryShape>> {
    return z.array(category);
  },
});

/** One schema per bookstore type. */
export const zodSchemas = { Order: order, Category: category, Address: address };
