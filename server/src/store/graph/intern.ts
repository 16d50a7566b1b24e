/**
 * One copy of each repeated string (districts, parks, statuses, sources, products, dates):
 * JSON.parse makes a new string for every value longer than 10 characters, and at a million rows
 * the copies add up. Shorter ones (a date, most sources and statuses) it gives as V8's own
 * single copy already (it internalizes them as it parses), so they are left as they are: a
 * look-up each cost about a second of opening L (B13). Rows read from elsewhere (CSV, Excel)
 * keep their own copies of those until the store is next opened.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();

  constructor(
    private readonly maxLength = 64,
    private readonly minLength = 11,
  ) {}

  get(value: string): string;
  get(value: string | undefined): string | undefined;
  get(value: string | undefined): string | undefined {
    if (value === undefined || value.length > this.maxLength || value.length < this.minLength) return value;
    const known = this.pool.get(value);
    if (known !== undefined) return known;
    this.pool.set(value, value);
    return value;
  }

  /** The list with its tags interned, in place; one shared list for no tags. */
  tags(tags: string[]): string[] {
    if (tags.length === 0) return EMPTY;
    for (let i = 0; i < tags.length; i++) tags[i] = this.get(tags[i] as string);
    return tags;
  }
}

const EMPTY: string[] = [];
