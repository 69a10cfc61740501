/**
 * Releases results in the order their keys were given, whatever order they arrive in: photos
 * dropped together land in the order they were dropped, though they finish uploading in any
 * order. A key settled without a value (a failed or cancelled upload) just lets the next go.
 */
export class InOrder<T> {
  private readonly results = new Map<string, T | null>();
  private next = 0;

  constructor(private readonly keys: readonly string[]) {}

  has(key: string): boolean {
    return this.keys.includes(key);
  }

  /** Records a result; returns the results now ready, in order. */
  settle(key: string, value: T | null): T[] {
    if (!this.has(key) || this.results.has(key)) return [];
    this.results.set(key, value);
    const ready: T[] = [];
    while (this.next < this.keys.length && this.results.has(this.keys[this.next])) {
      const result = this.results.get(this.keys[this.next++]);
      if (result !== null && result !== undefined) ready.push(result);
    }
    return ready;
  }

  get done(): boolean {
    return this.next >= this.keys.length;
  }
}
