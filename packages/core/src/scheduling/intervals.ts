/** Half-open intervals of epoch ms, `[start, end)`. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = [...list].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && i.start <= last.end) {
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, i.end) };
    } else {
      out.push(i);
    }
  }
  return out;
}

/** `a` minus every interval of `b`. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  let current = mergeIntervals(a);
  for (const cut of mergeIntervals(b)) {
    const next: Interval[] = [];
    for (const i of current) {
      if (cut.end <= i.start || cut.start >= i.end) {
        next.push(i);
        continue;
      }
      if (cut.start > i.start) next.push({ start: i.start, end: cut.start });
      if (cut.end < i.end) next.push({ start: cut.end, end: i.end });
    }
    current = next;
  }
  return current;
}

/**
 * Index of the first interval in sorted, disjoint `list` whose end is after `t`
 * (`list.length` when none).
 */
export function firstEndingAfter(list: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const i = list[mid];
    if (i !== undefined && i.end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first interval of sorted, disjoint `list` overlapping `[start, end)`, if any. */
export function findOverlap(
  list: readonly Interval[],
  start: number,
  end: number,
): Interval | undefined {
  const i = list[firstEndingAfter(list, start)];
  return i !== undefined && i.start < end ? i : undefined;
}

/** Whether `[start, end)` lies inside one interval of sorted, disjoint `list`. */
export function isCovered(list: readonly Interval[], start: number, end: number): boolean {
  const i = list[firstEndingAfter(list, start)];
  return i !== undefined && i.start <= start && i.end >= end;
}

/**
 * Where at least `capacity` of `list` overlap: the sweep behind a nurse's capacity (a nurse
 * watching `capacity` chairs at once can take no more). Result is sorted and merged.
 */
export function saturatedIntervals(list: readonly Interval[], capacity: number): Interval[] {
  const events: [number, number][] = [];
  for (const i of list) {
    if (i.end <= i.start) continue;
    events.push([i.start, 1], [i.end, -1]);
  }
  // Ends before starts at the same instant: back-to-back appointments do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Interval[] = [];
  let load = 0;
  let from = 0;
  for (const [t, delta] of events) {
    const before = load;
    load += delta;
    if (before < capacity && load >= capacity) from = t;
    else if (before >= capacity && load < capacity && t > from) out.push({ start: from, end: t });
  }
  return mergeIntervals(out);
}
