// The import graph of the source tree, read from the source text: static imports, `import type`,
// `export … from`, side-effect imports, dynamic `import('…')` calls and `import('…')` type
// expressions all count as edges. Only relative specifiers are followed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export type ImportGraph = Map<string, string[]>;

const SPECIFIERS = [
  // import x from '…', import type { X } from '…', export { x } from '…', export * from '…'
  /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)['"]([^'"]+)['"]/g,
  // import '…' (side effects)
  /\bimport\s+['"]([^'"]+)['"]/g,
  // import('…') as a call or a type expression
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** The module specifiers a source text imports, in order of first appearance, without repeats. */
export function importsOf(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
  const found: Array<[number, string]> = [];
  for (const re of SPECIFIERS) for (const m of text.matchAll(re)) found.push([m.index, m[1]!]);
  return [...new Set(found.sort((a, b) => a[0] - b[0]).map(([, s]) => s))];
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTs(p));
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The graph of the .ts files under `dirs` (relative to `root`), keyed by path relative to root. */
export function buildImportGraph(root: string, dirs: string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  const files = dirs.flatMap((d) => listTs(resolve(root, d)));
  const known = new Set(files.map((f) => relative(root, f)));
  for (const file of files) {
    const from = relative(root, file);
    const edges = importsOf(readFileSync(file, 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => relative(root, resolve(dirname(file), s)))
      .filter((to) => known.has(to));
    graph.set(from, edges);
  }
  return graph;
}

/** A cycle as a path that starts and ends at the same module, or null when the graph has none. */
export function findCycle(graph: ImportGraph): string[] | null {
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'active');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const s = state.get(next);
      if (s === 'active') return [...stack.slice(stack.indexOf(next)), next];
      if (s === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}
