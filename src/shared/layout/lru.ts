/**
 * A least-recently-used cache: a hit moves the entry to the young end, and past `capacity` the
 * oldest entries go. The layout's wrap cache grows its capacity to twice what one layout uses
 * (LayoutCache), so a layout never evicts what it is about to use again: an LRU smaller than a
 * cyclic working set would miss on every access (thrash).
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>()

  constructor(private limit: number) {}

  get capacity(): number {
    return this.limit
  }

  get size(): number {
    return this.entries.size
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key)
    if (value !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }

  set(key: K, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    this.trim()
  }

  /** Makes room for at least `capacity` entries (never shrinks). */
  reserve(capacity: number): void {
    this.limit = Math.max(this.limit, capacity)
  }

  clear(): void {
    this.entries.clear()
  }

  private trim(): void {
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K)
  }
}
