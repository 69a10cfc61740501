import { describe, expect, it } from 'vitest';
import { InOrder } from './in-order';

describe('InOrder', () => {
  it('releases results in the order of their keys, whatever order they arrive in', () => {
    const order = new InOrder<string>(['a', 'b', 'c']);
    expect(order.settle('c', 'C')).toEqual([]);
    expect(order.settle('b', 'B')).toEqual([]);
    expect(order.done).toBe(false);
    expect(order.settle('a', 'A')).toEqual(['A', 'B', 'C']);
    expect(order.done).toBe(true);
  });

  it('skips keys settled without a result (a failed or cancelled upload)', () => {
    const order = new InOrder<string>(['a', 'b', 'c']);
    expect(order.settle('a', null)).toEqual([]);
    expect(order.settle('c', 'C')).toEqual([]);
    expect(order.settle('b', null)).toEqual(['C']);
    expect(order.done).toBe(true);
  });

  it('ignores keys it does not know and second results for a key', () => {
    const order = new InOrder<string>(['a']);
    expect(order.settle('x', 'X')).toEqual([]);
    expect(order.settle('a', 'A')).toEqual(['A']);
    expect(order.settle('a', 'again')).toEqual([]);
  });
});
