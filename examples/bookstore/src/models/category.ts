/** A node of the category tree: categories nest to any depth. */
export interface Category {
  /** @pattern ^[a-z0-9-]+$ */
  slug: string;
  /** @minLength 1 @maxLength 60 */
  name: string;
  children: Category[];
}
