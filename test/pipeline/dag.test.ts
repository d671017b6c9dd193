/**
 * The graph of a Pipeline's tasks (BuildDAG and GetSchedulable at
 * 6c132b937e): the edges `runAfter` and `from` make, in the order Tekton
 * linked them, and its refusals word for word, cycle paths included. The
 * shapes are those of Tekton's dag_test.go tables.
 */
import * as E from 'fp-ts/Either';
import type { PipelineTask } from '../../src/model/pipeline';
import { buildGraph, dependencies, PipelineGraph, schedulable } from '../../src/pipeline/dag';

const after = (name: string, ...runAfter: string[]): PipelineTask => ({ name, runAfter });
const from = (name: string, ...tasks: string[]): PipelineTask => ({ name, resources: { inputs: [{ name: 'in', resource: 'r', from: tasks }] } });

function graph(...tasks: PipelineTask[]): PipelineGraph {
  const g = buildGraph(tasks);
  if (E.isLeft(g)) throw new Error(g.left);
  return g.right;
}

function refusal(...tasks: PipelineTask[]): string {
  const g = buildGraph(tasks);
  if (E.isRight(g)) throw new Error('expected a refusal');
  return g.left;
}

const edges = (g: PipelineGraph, map: 'prev' | 'next') => Object.fromEntries(g.tasks.map((t) => [t, g[map].get(t)]));

describe('buildGraph', () => {
  test('tasks with no links all stand alone', () => {
    const g = graph({ name: 'a' }, { name: 'b' }, { name: 'c' });
    expect(g.tasks).toEqual(['a', 'b', 'c']);
    expect(edges(g, 'prev')).toEqual({ a: [], b: [], c: [] });
    expect(edges(g, 'next')).toEqual({ a: [], b: [], c: [] });
  });

  test('several roots joined: runAfter links come before from links', () => {
    // a, x from a, y runs after b and reads from a, z from x, then b and c.
    const y: PipelineTask = { ...from('y', 'a'), runAfter: ['b'] };
    const g = graph({ name: 'a' }, from('x', 'a'), y, from('z', 'x'), { name: 'b' }, { name: 'c' });
    expect(edges(g, 'prev')).toEqual({ a: [], x: ['a'], y: ['b', 'a'], z: ['x'], b: [], c: [] });
    expect(edges(g, 'next')).toEqual({ a: ['x', 'y'], x: ['z'], y: [], z: [], b: ['y'], c: [] });
  });

  test('a diamond is not a cycle (a task reached twice on different paths)', () => {
    const g = graph({ name: 'a' }, from('d', 'a'), after('e', 'a'), from('f', 'd', 'e'), after('g', 'f'));
    expect(edges(g, 'prev')).toEqual({ a: [], d: ['a'], e: ['a'], f: ['d', 'e'], g: ['f'] });
    expect(edges(g, 'next')).toEqual({ a: ['d', 'e'], d: ['f'], e: ['f'], f: ['g'], g: [] });
  });

  test('dependencies: runAfter first, then every input from, in order', () => {
    const t: PipelineTask = {
      name: 't',
      runAfter: ['r1', 'r2'],
      resources: { inputs: [{ name: 'i', resource: 'x', from: ['f1'] }, { name: 'j', resource: 'y' }, { name: 'k', resource: 'z', from: ['f2', 'f3'] }] },
    };
    expect(dependencies(t)).toEqual(['r1', 'r2', 'f1', 'f2', 'f3']);
  });

  test('a task named twice', () => {
    expect(refusal({ name: 'a' }, { name: 'a' })).toBe("task a is already present in DAG, can't add it again: duplicate pipeline task");
  });

  test.each([
    ['runAfter', after('a', 'none')],
    ['from', from('a', 'none')],
  ])('a %s naming no task', (_how, t) => {
    expect(refusal(t)).toBe("couldn't add link between a and none: Task a depends on none but none wasn't present in Pipeline");
  });

  test.each([
    ['runAfter', after('a', 'a')],
    ['from', from('a', 'a')],
  ])('a task that depends on itself by %s', (_how, t) => {
    expect(refusal(t)).toBe('couldn\'t add link between a and a: Couldn\'t create link from a to a: cycle detected; task "a" depends on itself');
  });

  // x after a, z after x, a after z: the cycle is found when a is linked to z,
  // walking back from z: a -> x -> z -> a (Tekton reversed the walk).
  test.each([
    ['from', [from('x', 'a'), from('z', 'x'), from('a', 'z')]],
    ['runAfter', [after('x', 'a'), after('z', 'x'), after('a', 'z')]],
    ['both', [from('x', 'a'), after('z', 'x'), from('a', 'z')]],
  ])('a three-task cycle by %s, with its path', (_how, tasks) => {
    expect(refusal(...tasks)).toBe("couldn't add link between a and z: Couldn't create link from z to a: cycle detected: a -> x -> z -> a");
  });

  test('two tasks each running after the other (pipeline_validation_test)', () => {
    expect(refusal(after('foo', 'bar'), after('bar', 'foo'))).toBe(
      "couldn't add link between bar and foo: Couldn't create link from foo to bar: cycle detected: bar -> foo -> bar",
    );
  });

  test('the first bad link wins: tasks are linked in declaration order', () => {
    expect(refusal(after('a', 'missing'), after('b', 'b'))).toMatch(/^couldn't add link between a and missing: /);
  });

  test("Tekton's cycle check keyed its walk as `<task>.<task>`: a task whose name looks like such a key is taken for a cycle", () => {
    // p runs after b and c.b; c runs after p. Linking c to p walks back from p:
    // b is marked "c.b", and then the task named c.b looks already visited.
    // Tekton refused this acyclic Pipeline; so does taskpod.
    expect(refusal({ name: 'b' }, { name: 'c.b' }, after('p', 'b', 'c.b'), after('c', 'p'))).toBe(
      "couldn't add link between c and p: Couldn't create link from p to c: cycle detected: c.b -> b -> p -> c",
    );
    // The same shape with another name goes through.
    expect(E.isRight(buildGraph([{ name: 'b' }, { name: 'cb' }, after('p', 'b', 'cb'), after('c', 'p')]))).toBe(true);
  });
});

describe('schedulable', () => {
  // dag_test.go's graph: a and b are roots; x runs after a; y after a and x;
  // z after x; w after b and y.
  const g = () => graph({ name: 'a' }, { name: 'b' }, after('w', 'b', 'y'), after('x', 'a'), after('y', 'a', 'x'), after('z', 'x'));

  test.each([
    [[], ['a', 'b']],
    [['a'], ['b', 'x']],
    [['b'], ['a']],
    [['a', 'b'], ['x']],
    [['a', 'x'], ['b', 'y', 'z']],
    [['a', 'x', 'b'], ['y', 'z']],
    [['a', 'x', 'y'], ['b', 'z']],
    [['a', 'x', 'y', 'b'], ['w', 'z']],
    [['a', 'x', 'y', 'b', 'w', 'z'], []],
  ])('with %j done, %j may start (declaration order)', (done, expected) => {
    expect(schedulable(g(), new Set(done))).toEqual(expected);
  });
});
