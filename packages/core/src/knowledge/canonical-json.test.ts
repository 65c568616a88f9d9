import { describe, expect, test } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  test.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [3, 1, 2] } }, '{"z":{"x":[3,1,2],"y":1}}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [['é', true, 0.1], '["é",true,0.1]'],
    [{ B: 1, a: 1 }, '{"B":1,"a":1}'], // code-unit order, not locale order
  ])('%j -> %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  test.each([[Number.NaN], [Number.POSITIVE_INFINITY], [() => 1]])(
    'throws on %s, which JSON cannot represent',
    (value) => {
      expect(() => canonicalJson({ value })).toThrow(/canonicalJson/);
    },
  );
});
