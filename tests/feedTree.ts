/**
 * Walks a served manifest's tree of indexes over HTTP, as a box does, so that tests can
 * find any published file's object by its logical path.
 */
import type { FeedIndex, FileEntries, Manifest } from '../src/feed/manifest';

/** Every entry of the tree, indexes included; `getJson` reads a path under the service's root. */
export const servedEntries = async (getJson: (path: string) => Promise<unknown>): Promise<FileEntries> => {
  const all: FileEntries = {};
  const visit = async (entries: FileEntries): Promise<void> => {
    for (const [path, entry] of Object.entries(entries)) {
      all[path] = entry;
      if (path.endsWith('/index.json'))
        await visit(((await getJson(`/feed/objects/${entry.sha256}.json`)) as FeedIndex).files);
    }
  };
  await visit(((await getJson('/feed/manifest.json')) as Manifest).files);
  return all;
};
