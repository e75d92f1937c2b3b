import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImportGraph, findCycle, importsOf, type ImportGraph } from './import-graph.ts';

const root = resolve(import.meta.dirname, '../..');
const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('import cycles', () => {
  it('GIVEN src/ and commands/ THEN no module imports itself through others', () => {
    const graph = buildImportGraph(root, ['src', 'commands']);
    expect(graph.size).toBeGreaterThan(50);
    const cycle = findCycle(graph);
    expect(cycle?.join(' -> ') ?? null, 'import cycle').toBeNull();
  });

  it.each([
    ['GIVEN a chain THEN there is no cycle', { a: ['b'], b: ['c'], c: [] }, null],
    ['GIVEN a diamond THEN there is no cycle', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, null],
    ['GIVEN a module importing itself THEN that is the cycle', { a: ['a'] }, ['a', 'a']],
    ['GIVEN two modules importing each other THEN the cycle names both', { a: ['b'], b: ['a'] }, ['a', 'b', 'a']],
    ['GIVEN a cycle behind a chain THEN only the cycle is named', { a: ['b'], b: ['c'], c: ['d'], d: ['b'] }, ['b', 'c', 'd', 'b']],
  ] as const)('%s', (_name, edges, expected) => {
    expect(findCycle(graphOf(edges as unknown as Record<string, string[]>))).toEqual(expected);
  });

  it.each([
    ['GIVEN a static import THEN it is an edge', `import { a } from './a.ts';`, ['./a.ts']],
    ['GIVEN import type THEN it is an edge', `import type { A, B } from '../b.ts';`, ['../b.ts']],
    ['GIVEN a default and named import THEN it is an edge', `import x, { y } from './x.ts';`, ['./x.ts']],
    ['GIVEN export … from THEN it is an edge', `export * from './c.ts';\nexport type { D } from './d.ts';\nexport { e as f } from './e.ts';`, ['./c.ts', './d.ts', './e.ts']],
    ['GIVEN an import() type expression THEN it is an edge', `let s: import('../store/digests.ts').DigestStore;`, ['../store/digests.ts']],
    ['GIVEN a dynamic import THEN it is an edge', `const m = await import('./adapters/x.ts');`, ['./adapters/x.ts']],
    ['GIVEN a side-effect import THEN it is an edge', `import './setup.ts';`, ['./setup.ts']],
    ['GIVEN a multi-line import THEN it is an edge', `import {\n  a,\n  b,\n} from './m.ts';`, ['./m.ts']],
    ['GIVEN imports in comments THEN they are not edges', `// import { a } from './a.ts';\n/* import('./b.ts') */\nconst x = 1;`, []],
  ] as const)('%s', (_name, source, expected) => {
    expect(importsOf(source)).toEqual(expected);
  });
});
