import type { Order, OrderStatus } from '../models/order.js';
import type { PlaceOrder } from '../services/order-controller.js';

/** Where orders live; the controller only translates HTTP to these calls. */
export interface OrderStore {
  place(order: PlaceOrder, idempotencyKey?: string): Promise<Order>;
  get(id: string): Promise<Order>;
  list(customer: string, status?: OrderStatus): Promise<Order[]>;
  setStatus(id: string, status: OrderStatus): Promise<Order>;
}
