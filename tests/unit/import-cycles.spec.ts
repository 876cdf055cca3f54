/**
 * The code's layers point one way. No module of the service (server/) or of the box and the
 * feed format (src/) imports, even for a type only, a module that imports it back; and the
 * service's folders form layers: routes → content → db, publish → content, never back up
 * (a folder that imports another is never imported by it, however indirectly). dpdm reads
 * the imports with the TypeScript compiler.
 */
import { test, expect } from '@playwright/test';
import { parseCircular, parseDependencyTree, type DependencyTree } from 'dpdm';

/** Every import, type-only ones included (`transform: false` keeps them). */
const importsOf = (...globs: string[]): Promise<DependencyTree> =>
  parseDependencyTree(globs, {
    context: process.cwd(),
    tsconfig: 'tsconfig.json',
    transform: false,
    skipDynamicImports: false,
  });

/** The layer a server module belongs to: its folder (server/content), or itself for a file at the top (server/app.ts). */
const layerOf = (file: string) => file.split('/').slice(0, 2).join('/');

/** The same graph, one node per layer of the service, and no edge from a layer to itself. */
const serverLayers = (tree: DependencyTree): DependencyTree => {
  const layers: DependencyTree = {};
  for (const [file, dependencies] of Object.entries(tree)) {
    if (!file.startsWith('server/')) continue;
    const layer = layerOf(file);
    const edges = [...(layers[layer] ?? [])];
    for (const dependency of dependencies ?? []) {
      if (
        !dependency.id?.startsWith('server/') ||
        layerOf(dependency.id) === layer ||
        edges.some((e) => e.id === layerOf(dependency.id!))
      )
        continue;
      edges.push({ ...dependency, issuer: layer, id: layerOf(dependency.id) });
    }
    layers[layer] = edges;
  }
  return layers;
};

test('no module of server/ or src/ is in an import cycle', async () => {
  const tree = await importsOf('server/**/*.ts', 'src/**/*.ts');
  // The walk reached the code (a wrong glob or tsconfig would find nothing, and no cycle).
  expect(Object.keys(tree).filter((file) => file.startsWith('server/routes/')).length).toBeGreaterThan(3);
  expect(Object.keys(tree).filter((file) => file.startsWith('src/tv/')).length).toBeGreaterThan(20);
  expect(parseCircular(tree).map((cycle) => cycle.join(' → '))).toEqual([]);
});

test("the service's folders are layers: none imports a folder that imports it", async () => {
  const layers = serverLayers(await importsOf('server/**/*.ts'));
  expect(layers['server/routes']?.map((e) => e.id)).toContain('server/content');
  expect(parseCircular(layers).map((cycle) => cycle.join(' → '))).toEqual([]);
});
