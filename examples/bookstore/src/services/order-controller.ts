import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '../lib/decorators.js';
import type { OrderStore } from '../lib/order-store.js';
import type { Address, Email } from '../models/common.js';
import type { Order, OrderItem, OrderStatus, Payment } from '../models/order.js';

/** What a customer sends to place an order. */
export interface PlaceOrder {
  customerEmail: Email;
  /** @minItems 1 */
  items: Pick<OrderItem, 'bookId' | 'quantity'>[];
  payment: Payment;
  shippingAddress: Address;
  note?: string;
}

/** A change of an order's status. */
export interface StatusChange {
  status: OrderStatus;
}

/** Orders, the NestJS way: codegen reads the decorators without running them. */
@Controller('orders')
export class OrderController {
  constructor(private readonly store: OrderStore) {}

  @Post()
  placeOrder(@Body() order: PlaceOrder, @Headers('idempotency-key') idempotencyKey?: string): Promise<Order> {
    return this.store.place(order, idempotencyKey);
  }

  @Get(':id')
  getOrder(@Param('id') id: string): Promise<Order> {
    return this.store.get(id);
  }

  /** Orders of one customer, optionally by status. */
  @Get()
  listOrders(@Query('customer') customer: Email, @Query('status') status?: OrderStatus): Promise<Order[]> {
    return this.store.list(customer, status);
  }

  @Patch(':id/status')
  @HttpCode(202)
  updateStatus(@Param('id') id: string, @Body() change: StatusChange): Promise<Order> {
    return this.store.setStatus(id, change.status);
  }
}
