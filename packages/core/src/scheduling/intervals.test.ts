import { describe, expect, test } from 'vitest';
import {
  findOverlap,
  isCovered,
  mergeIntervals,
  saturatedIntervals,
  subtractIntervals,
} from './intervals';

const i = (start: number, end: number): { start: number; end: number } => ({ start, end });

describe('intervals', () => {
  test('merge joins overlapping and touching intervals and drops empty ones', () => {
    expect(mergeIntervals([i(5, 8), i(0, 2), i(2, 3), i(7, 9), i(4, 4)])).toEqual([
      i(0, 3),
      i(5, 9),
    ]);
  });

  test('subtract cuts holes', () => {
    expect(subtractIntervals([i(0, 10)], [i(2, 3), i(8, 12)])).toEqual([i(0, 2), i(3, 8)]);
  });

  test('overlap and cover are half-open', () => {
    const list = [i(0, 10), i(20, 30)];
    expect(findOverlap(list, 10, 20)).toBeUndefined();
    expect(findOverlap(list, 9, 11)).toEqual(i(0, 10));
    expect(isCovered(list, 20, 30)).toBe(true);
    expect(isCovered(list, 5, 21)).toBe(false);
  });

  test('saturated intervals are where at least `capacity` overlap', () => {
    const load = [i(0, 10), i(5, 15), i(8, 20), i(20, 25)];
    expect(saturatedIntervals(load, 2)).toEqual([i(5, 15)]);
    expect(saturatedIntervals(load, 3)).toEqual([i(8, 10)]);
    expect(saturatedIntervals(load, 1)).toEqual([i(0, 25)]);
  });

  test('back-to-back appointments do not saturate a nurse', () => {
    expect(saturatedIntervals([i(0, 10), i(10, 20)], 2)).toEqual([]);
  });
});
