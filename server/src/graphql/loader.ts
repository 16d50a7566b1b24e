import DataLoader from 'dataloader';

/**
 * A batching loader (DataLoader underneath) that answers synchronously for a key it has already
 * loaded. GraphQL takes a value or a promise alike; a value spares a promise and a microtask per
 * field, which over thousands of enterprises (a large neighbourhood) is most of the API's cost
 * (benchmark B4). Resolvers that look ahead load a whole level at once with loadMany, and the
 * fields below it then resolve without waiting.
 */
export class Loader<K, V> {
  private readonly loaded = new Map<string, V>();
  private readonly batch: DataLoader<K, V, string>;

  constructor(
    fetch: (keys: readonly K[]) => Promise<V[]>,
    private readonly keyOf: (key: K) => string = String,
  ) {
    this.batch = new DataLoader<K, V, string>(async (keys) => fetch(keys), { cacheKeyFn: keyOf });
  }

  /** The value of a key: at once when it was loaded before, else a promise (batched with the others of this tick). */
  load(key: K): V | Promise<V> {
    const k = this.keyOf(key);
    if (this.loaded.has(k)) return this.loaded.get(k) as V;
    return this.batch.load(key).then((value) => {
      this.loaded.set(k, value);
      return value;
    });
  }

  /** Remembers a value got another way (a store call that brought whole records). */
  prime(key: K, value: V): void {
    this.loaded.set(this.keyOf(key), value);
  }

  /** The values of several keys, in order, in one batch. */
  loadMany(keys: readonly K[]): Promise<V[]> {
    return Promise.all(keys.map((k) => this.load(k)));
  }
}

/** `f` of a value that may still be on its way: at once for a value, after it for a promise. */
export function whenLoaded<T, U>(value: T | Promise<T>, f: (v: T) => U): U | Promise<Awaited<U>> {
  return value instanceof Promise ? (value.then(f) as Promise<Awaited<U>>) : f(value);
}
