/**
 * The bookstore's committed repositories (examples/bookstore/src/generated), run on SQLite,
 * PGlite and a PostgreSQL server with its committed schemas: a customer's order from the
 * catalogue to delivery, through every repository of the example.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as bookstore from '../../examples/bookstore/src/generated/index.js';
import { Genre } from '../../examples/bookstore/src/models/book.js';
import { OrderStatus } from '../../examples/bookstore/src/models/order.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { engines } from '../unit/crud/engines.js';

const GENERATED = join(REPO_ROOT, 'examples', 'bookstore', 'src', 'generated');

describe.each(await engines())('the bookstore repositories on $name', (engine) => {
  let close: (() => Promise<void>) | undefined;
  let repos: bookstore.Repositories;

  beforeAll(async () => {
    if (engine.skip) return;
    const opened = await engine.open(bookstore as never);
    close = opened.close;
    await opened.db.exec(readFileSync(join(GENERATED, `schema.${engine.dialect}.sql`), 'utf8'));
    repos = bookstore.createRepositories(opened.db);
  });
  afterAll(() => close?.());

  it('takes an order from the catalogue to delivery', async (context) => {
    if (engine.skip) return context.skip();
    const author = await repos.authors.create({ name: 'Ursula K. Le Guin', email: 'ursula@example.com', bio: null });
    const [earthsea, dispossessed] = await repos.books.createMany(
      [
        { title: 'A Wizard of Earthsea', isbn: '9780000000011', genre: Genre.Fiction, price: 9.99 },
        { title: 'The Dispossessed', isbn: '9780000000028', genre: Genre.Fiction, price: 12.5, pages: 387 },
      ].map((book) => ({ ...book, authorId: author.id, tags: ['classic'], format: 'paperback' as const, dimensions: null, publishedAt: new Date('1968-11-01T00:00:00Z') })),
    );
    const order = await repos.orders.create({
      customerEmail: 'reader@example.com',
      payment: { kind: 'card', last4: '4242', brand: 'visa' },
      shippingAddress: { street: '1 Main St', city: 'Portland', postalCode: '97201', country: 'US', location: [45.5, -122.7] },
      labels: { gift: 'yes' },
    });
    expect(order).toMatchObject({ status: OrderStatus.Pending, note: null, labels: { gift: 'yes' } });
    expect(order.createdAt).toBeInstanceOf(Date);
    await repos.orderItems.createMany([
      { orderId: order.id, bookId: earthsea!.id, quantity: 1, unitPrice: 9.99 },
      { orderId: order.id, bookId: dispossessed!.id, quantity: 2, unitPrice: 12.5 },
    ]);

    const [loaded] = await repos.orders.findMany({ where: { id: order.id }, include: { items: true } });
    expect(loaded!.items.map((item) => [item.quantity, item.unitPrice])).toEqual([
      [1, 9.99],
      [2, 12.5],
    ]);
    const lines = await repos.orderItems.findMany({ where: { orderId: order.id }, include: { book: true }, orderBy: { quantity: 'asc' } });
    expect(lines.map((line) => line.book?.title)).toEqual(['A Wizard of Earthsea', 'The Dispossessed']);
    const byAuthor = await repos.authors.findMany({ include: { books: true } });
    expect(byAuthor[0]!.books).toHaveLength(2);

    const shipped = await repos.orders.update(order.id, { status: OrderStatus.Shipped });
    expect(shipped!.status).toBe(OrderStatus.Shipped);
    expect(shipped!.updatedAt.getTime()).toBeGreaterThanOrEqual(order.updatedAt.getTime());
    await expect(repos.orders.create({ ...order, customerEmail: 'not-an-email' })).rejects.toBeInstanceOf(bookstore.ValidationError);

    await expect(repos.books.delete(earthsea!.id)).rejects.toBeInstanceOf(bookstore.ForeignKeyViolationError);
    expect(await repos.orders.delete(order.id)).toBe(true);
    expect(await repos.orderItems.count()).toBe(0); // ON DELETE CASCADE
    expect(await repos.books.delete(earthsea!.id)).toBe(true);
  });
});
