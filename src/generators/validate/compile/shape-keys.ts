/**
 * Keys for the shape of type nodes: two nodes get the same key exactly when their JSON, without
 * documentation and source locations, is the same. Each object is keyed once, from its own
 * fields and its children's keys (hash-consing), so keying every level of a type nested n deep
 * costs n steps; serialising each level anew cost n² (a 200-level inline object).
 */
export class ShapeKeys {
  private readonly ids = new WeakMap<object, number>();
  private readonly byText = new Map<string, number>();

  /** The key of `node`'s shape. */
  key(node: object): string {
    return String(this.id(node));
  }

  /** The number of the distinct shape `value` has, read once per object. */
  private id(value: object): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      const text = this.ownText(value);
      id = this.byText.get(text);
      if (id === undefined) {
        id = this.byText.size;
        this.byText.set(text, id);
      }
      this.ids.set(value, id);
    }
    return id;
  }

  /**
   * `value`'s JSON with each nested object written as `#` and its number, as JSON.stringify
   * writes it: properties in order, undefined and functions left out of objects and null in
   * arrays; a `docs` property and an object `source` (a location; a pattern's source is text) are
   * left out.
   */
  private ownText(value: object): string {
    if (Array.isArray(value)) return `[${value.map((item: unknown) => this.valueText(item) ?? 'null').join(',')}]`;
    const parts: string[] = [];
    for (const [key, field] of Object.entries(value)) {
      if (key === 'docs' || (key === 'source' && typeof field === 'object')) continue;
      const text = this.valueText(field);
      if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${parts.join(',')}}`;
  }

  private valueText(value: unknown): string | undefined {
    if (typeof value === 'object' && value !== null) return `#${this.id(value)}`;
    return JSON.stringify(value);
  }
}
