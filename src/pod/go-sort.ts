/**
 * Go's `sort.Sort` and `sort.Stable`, for code whose result depends on how
 * Go orders items that its `less` cannot tell apart.
 *
 * apimachinery's strategic merge sorts keyed lists with a `less` that is
 * true for equal keys (`sort.StringsAreSorted([a, b])`, that is `a <= b`).
 * Such a sort does not merely leave equal items in some order: the exact
 * algorithm decides which of two items with one key comes first, and so
 * which of their values a merge keeps. Tekton's controller of late 2019 was
 * built with Go 1.13 (tekton/ko/Dockerfile), whose `sort.Sort` is the
 * introsort below: quicksort with median-of-three (ninther above 40 items)
 * pivots and a guard against many duplicates, heapsort past a depth limit,
 * and for ranges of at most 12 items one shell-sort pass with gap 6 followed
 * by insertion sort. (Go 1.19 replaced it with pattern-defeating quicksort,
 * which orders equal items differently from 7 items on.) `sort.Stable` is
 * unchanged across those versions: insertion sort on blocks of 20, then
 * SymMerge rounds with rotations.
 *
 * Both functions return a sorted copy and never touch their input.
 *
 * @packageDocumentation
 */

/** Go's `sort.Interface`, over a private copy. */
interface Sortable {
  readonly less: (i: number, j: number) => boolean;
  readonly swap: (i: number, j: number) => void;
}

function sortable<T>(data: T[], less: (a: T, b: T) => boolean): Sortable {
  return {
    less: (i, j) => less(data[i] as T, data[j] as T),
    swap: (i, j) => {
      const t = data[i] as T;
      data[i] = data[j] as T;
      data[j] = t;
    },
  };
}

function insertionSort(d: Sortable, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1);
  }
}

/** Restores the heap order of d[first+lo .. first+hi) below `lo`. */
function siftDown(d: Sortable, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && d.less(first + child, first + child + 1)) child++;
    if (!d.less(first + root, first + child)) return;
    d.swap(first + root, first + child);
    root = child;
  }
}

function heapSort(d: Sortable, a: number, b: number): void {
  const size = b - a;
  for (let i = Math.floor((size - 1) / 2); i >= 0; i--) siftDown(d, i, size, a);
  for (let i = size - 1; i >= 0; i--) {
    d.swap(a, a + i);
    siftDown(d, 0, i, a);
  }
}

/** Leaves the median of d[m0], d[m1], d[m2] at m1 (Go's argument order). */
function medianOfThree(d: Sortable, m1: number, m0: number, m2: number): void {
  if (d.less(m1, m0)) d.swap(m1, m0);
  if (d.less(m2, m1)) {
    d.swap(m2, m1);
    if (d.less(m1, m0)) d.swap(m1, m0);
  }
}

/**
 * Partitions d[lo, hi) around a pivot chosen as Go 1.13 chose it; returns the
 * bounds of the middle part (items equal to the pivot), which needs no more
 * sorting.
 */
function doPivot(d: Sortable, lo: number, hi: number): readonly [number, number] {
  const m = (lo + hi) >>> 1;
  if (hi - lo > 40) {
    const s = Math.floor((hi - lo) / 8);
    medianOfThree(d, lo, lo + s, lo + 2 * s);
    medianOfThree(d, m, m - s, m + s);
    medianOfThree(d, hi - 1, hi - 1 - s, hi - 1 - 2 * s);
  }
  medianOfThree(d, lo, m, hi - 1);

  // The pivot sits at lo. Scanning keeps: (lo, a) below the pivot,
  // [a, b) not above it, [b, c) unseen, [c, hi-1) above it.
  const pivot = lo;
  let a = lo + 1;
  let c = hi - 1;
  while (a < c && d.less(a, pivot)) a++;
  let b = a;
  for (;;) {
    while (b < c && !d.less(pivot, b)) b++;
    while (b < c && d.less(pivot, c - 1)) c--;
    if (b >= c) break;
    d.swap(b, c - 1);
    b++;
    c--;
  }
  // Few items above the pivot hint at many equal to it; probe three places
  // and, if that is confirmed, gather the pivot's equals in the middle.
  let protect = hi - c < 5;
  if (!protect && hi - c < Math.floor((hi - lo) / 4)) {
    let dups = 0;
    if (!d.less(pivot, hi - 1)) {
      d.swap(c, hi - 1);
      c++;
      dups++;
    }
    if (!d.less(b - 1, pivot)) {
      b--;
      dups++;
    }
    if (!d.less(m, pivot)) {
      d.swap(m, b - 1);
      b--;
      dups++;
    }
    protect = dups > 1;
  }
  if (protect) {
    for (;;) {
      while (a < b && !d.less(b - 1, pivot)) b--;
      while (a < b && d.less(a, pivot)) a++;
      if (a >= b) break;
      d.swap(a, b - 1);
      a++;
      b--;
    }
  }
  d.swap(pivot, b - 1);
  return [b - 1, c];
}

function quickSort(d: Sortable, from: number, to: number, depthLimit: number): void {
  let a = from;
  let b = to;
  let depth = depthLimit;
  while (b - a > 12) {
    if (depth === 0) {
      heapSort(d, a, b);
      return;
    }
    depth--;
    const [mlo, mhi] = doPivot(d, a, b);
    // Recurse into the smaller side, loop on the larger.
    if (mlo - a < b - mhi) {
      quickSort(d, a, mlo, depth);
      a = mhi;
    } else {
      quickSort(d, mhi, b, depth);
      b = mlo;
    }
  }
  if (b - a > 1) {
    for (let i = a + 6; i < b; i++) if (d.less(i, i - 6)) d.swap(i, i - 6);
    insertionSort(d, a, b);
  }
}

/**
 * A copy of `items` ordered as Go 1.13's `sort.Sort` orders them with `less`
 * (not stable; with a `less` that holds for equal items, their order is
 * Go's, exactly).
 *
 * @example
 * ```ts
 * goSort(['b1', 'a', 'b2'], (x, y) => x[0]! <= y[0]!); // ['a', 'b2', 'b1']
 * ```
 */
export function goSort<T>(items: readonly T[], less: (a: T, b: T) => boolean): T[] {
  const data = [...items];
  let depth = 0;
  for (let i = data.length; i > 0; i >>= 1) depth++;
  quickSort(sortable(data, less), 0, data.length, depth * 2);
  return data;
}

function swapRange(d: Sortable, a: number, b: number, n: number): void {
  for (let i = 0; i < n; i++) d.swap(a + i, b + i);
}

/** Exchanges the adjacent blocks d[a, m) and d[m, b) by block swaps. */
function rotate(d: Sortable, a: number, m: number, b: number): void {
  let i = m - a;
  let j = b - m;
  while (i !== j) {
    if (i > j) {
      swapRange(d, m - i, m, j);
      i -= j;
    } else {
      swapRange(d, m - i, m + j - i, i);
      j -= i;
    }
  }
  swapRange(d, m - i, m, i);
}

/** Merges the sorted runs d[a, m) and d[m, b) in place, stably (SymMerge). */
function symMerge(d: Sortable, a: number, m: number, b: number): void {
  if (m - a === 1) {
    // One item on the left: binary-search its place in the right run.
    let i = m;
    let j = b;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (d.less(h, a)) i = h + 1;
      else j = h;
    }
    for (let k = a; k < i - 1; k++) d.swap(k, k + 1);
    return;
  }
  if (b - m === 1) {
    // One item on the right: binary-search its place in the left run.
    let i = a;
    let j = m;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (!d.less(m, h)) i = h + 1;
      else j = h;
    }
    for (let k = m; k > i; k--) d.swap(k, k - 1);
    return;
  }
  const mid = (a + b) >>> 1;
  const n = mid + m;
  let start: number;
  let r: number;
  if (m > mid) {
    start = n - b;
    r = mid;
  } else {
    start = a;
    r = m;
  }
  const p = n - 1;
  while (start < r) {
    const c = (start + r) >>> 1;
    if (!d.less(p - c, c)) start = c + 1;
    else r = c;
  }
  const end = n - start;
  if (start < m && m < end) rotate(d, start, m, end);
  if (a < start && start < mid) symMerge(d, a, start, mid);
  if (mid < end && end < b) symMerge(d, mid, end, b);
}

/**
 * A copy of `items` ordered as Go's `sort.Stable` / `sort.SliceStable` order
 * them with `less` (for a `less` that is a strict order, the one stable
 * result; for any other `less`, Go's result all the same).
 *
 * @example
 * ```ts
 * goStableSort(['b1', 'a', 'b2'], (x, y) => x[0]! < y[0]!); // ['a', 'b1', 'b2']
 * ```
 */
export function goStableSort<T>(items: readonly T[], less: (a: T, b: T) => boolean): T[] {
  const data = [...items];
  const d = sortable(data, less);
  const n = data.length;
  let blockSize = 20;
  let a = 0;
  let b = blockSize;
  while (b <= n) {
    insertionSort(d, a, b);
    a = b;
    b += blockSize;
  }
  insertionSort(d, a, n);
  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      symMerge(d, a, a + blockSize, b);
      a = b;
      b += 2 * blockSize;
    }
    const m = a + blockSize;
    if (m < n) symMerge(d, a, m, n);
    blockSize *= 2;
  }
  return data;
}
