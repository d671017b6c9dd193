/**
 * pod/go-sort.ts: Go 1.13's sort.Sort and sort.Stable. Expected orders are
 * what Go 1.13's sort package gives for the same input and `less` (the
 * items compared by their first letter only, so letters repeat).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goSort, goStableSort } from '../../src/pod/go-sort';

const byLetterOrEqual = (a: string, b: string): boolean => a[0]! <= b[0]!;
const byLetter = (a: string, b: string): boolean => a[0]! < b[0]!;
const sortWords = (words: string, less: (a: string, b: string) => boolean, sort = goSort) => sort(words.split(' '), less).join(' ');

describe('goSort (sort.Sort, Go 1.13)', () => {
  it('insertion sort with a `<=` less reverses equal items', () => {
    expect(sortWords('b1 a b2', byLetterOrEqual)).toBe('a b2 b1');
  });

  it('7 to 12 items: a shell-sort pass with gap 6 comes first', () => {
    expect(sortWords('h1 h2 b c d e f', byLetterOrEqual)).toBe('b c d e f h1 h2');
    expect(sortWords('h1 a h2 b c d e f g h i j k', byLetterOrEqual)).toBe('a b c d e f g h2 h h1 i j k');
  });

  it('more than 12 items: quicksort with median-of-three pivots', () => {
    const words = 'c1 a1 c2 b1 a2 c3 b2 a3 c4 b3 a4 c5 b4 a5 c6 b5 a6 c7 b6 a7 c8 b7 a8 c9 b8 a9 c0 b9 a0 d1 e1 d2 e2 d3 e3 d4 e4 d5 e5 d6 e6 d7 e7 d8 e8';
    expect(sortWords(words, byLetterOrEqual)).toBe(
      'a1 a5 a4 a2 a9 a3 a0 a6 a8 a7 b1 b2 b8 b5 b6 b3 b9 b7 b4 c9 c3 c5 c4 c8 c0 c2 c7 c6 c1 d5 d3 d2 d7 d4 d6 d1 d8 e8 e2 e6 e5 e7 e4 e3 e1',
    );
  });

  it('sorts any list of numbers, without touching its input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 300 }), (xs) => {
        const before = [...xs];
        expect(goSort(xs, (a, b) => a < b)).toEqual([...xs].sort((a, b) => a - b));
        expect(goSort(xs, (a, b) => a <= b)).toEqual([...xs].sort((a, b) => a - b));
        expect(xs).toEqual(before);
      }),
    );
  });
});

describe('goStableSort (sort.Stable / sort.SliceStable)', () => {
  it('keeps equal items in order across its insertion-sort blocks and merges', () => {
    const words = 'c1 a1 c2 b1 a2 c3 b2 a3 c4 b3 a4 c5 b4 a5 c6 b5 a6 c7 b6 a7 c8 b7 a8 c9 b8 a9 c0 b9 a0 d1 e1 d2 e2 d3 e3 d4 e4 d5 e5 d6 e6 d7 e7 d8 e8';
    expect(sortWords(words, byLetter, goStableSort)).toBe(
      'a1 a2 a3 a4 a5 a6 a7 a8 a9 a0 b1 b2 b3 b4 b5 b6 b7 b8 b9 c1 c2 c3 c4 c5 c6 c7 c8 c9 c0 d1 d2 d3 d4 d5 d6 d7 d8 e1 e2 e3 e4 e5 e6 e7 e8',
    );
  });

  it('a less that is true for unknown items moves them ahead, as normalizeSliceOrder did', () => {
    const rank: Record<string, number> = { a: 0, b: 1 };
    const less = (x: string, y: string): boolean => {
      const i = rank[x[0]!];
      const j = rank[y[0]!];
      return i !== undefined && j !== undefined ? i < j : true;
    };
    expect(sortWords('x1 a1 x2 b1 a2 x3', less, goStableSort)).toBe('x3 x2 a1 a2 b1 x1');
  });

  it('is the stable sort for any strict order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.nat()), { maxLength: 300 }), (xs) => {
        expect(goStableSort(xs, (a, b) => a[0] < b[0])).toEqual([...xs].sort((a, b) => a[0] - b[0]));
      }),
    );
  });
});

/**
 * Go 1.13's exact results, from its sort package (sort.go's Sort and
 * SliceStable, run by a small Go program on the same keys and `less`;
 * data/go-sort-cases.json). Items are their index in `keys`; `want` is the
 * order Go left them in. The `less` modes:
 *
 * - `le`: key <= key, apimachinery's comparison (true for equal keys);
 * - `lt`: key < key;
 * - `true` / `false`: constant, which drives sort.Sort's quicksort to its
 *   worst case and into heapsort (`true`), or leaves every item where the
 *   partitions put it (`false`);
 * - `pairs`: not an order at all, a fixed answer for each pair of items, so
 *   the result follows every comparison Go makes, in Go's sequence;
 * - `rank`: normalizeSliceOrder's, true whenever either key is "unknown" (>= 5).
 */
interface Item {
  readonly id: number;
  readonly key: number;
}
const LESS: Readonly<Record<string, (a: Item, b: Item) => boolean>> = {
  le: (a, b) => a.key <= b.key,
  lt: (a, b) => a.key < b.key,
  true: () => true,
  false: () => false,
  pairs: (a, b) => (a.id * 73 + b.id * 151 + a.key * 31) % 11 < 5,
  rank: (a, b) => (a.key < 5 && b.key < 5 ? a.key < b.key : true),
};
interface Case {
  readonly id: string;
  readonly sort: 'sort' | 'stable';
  readonly less: string;
  readonly keys: readonly number[];
  readonly want: readonly number[];
}
const cases = (JSON.parse(readFileSync(join(__dirname, 'data', 'go-sort-cases.json'), 'utf8')) as { readonly cases: readonly Case[] }).cases;

describe("Go 1.13's own orders (data/go-sort-cases.json)", () => {
  const run = (c: Case): number[] => {
    const items = c.keys.map((key, id): Item => ({ id, key }));
    const sort = c.sort === 'sort' ? goSort : goStableSort;
    return sort(items, LESS[c.less]!).map((x) => x.id);
  };
  const group = (sort: Case['sort'], less: string) => cases.filter((c) => c.sort === sort && c.less === less);

  it.each([
    ['sort', 'le'],
    ['sort', 'lt'],
    ['sort', 'true'],
    ['sort', 'false'],
    ['sort', 'pairs'],
    ['stable', 'lt'],
    ['stable', 'le'],
    ['stable', 'true'],
    ['stable', 'false'],
    ['stable', 'pairs'],
    ['stable', 'rank'],
  ] as const)('sort.%s with less %s', (sort, less) => {
    const mine = group(sort, less);
    expect(mine.length).toBeGreaterThan(0);
    for (const c of mine) expect([c.id, run(c)]).toEqual([c.id, c.want]);
  });

  it('the table covers every case it holds', () => {
    expect(new Set(cases.map((c) => `${c.sort} ${c.less}`)).size).toBe(11);
  });
});
