import fs from 'fs';
import os from 'os';
import path from 'path';
import { pluginComponents } from '../../server/src/components';

/**
 * Strapi 5 loads components only from an app's src/components; the plugin registers its own in the
 * shape Strapi's loader gives them. This runs that very loader (@strapi/core's
 * loaders/components, not exported, so reached by path) on the plugin's component files laid out as
 * an app's, and fails when an upgrade of Strapi makes its entries differ from the plugin's.
 */
const loaderPath = path.join(
  path.dirname(require.resolve('@strapi/core/package.json')),
  'dist',
  'loaders',
  'components.js'
);

type Entry = Record<string, unknown>;

const loadAsApp = async (): Promise<Record<string, Entry>> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearon-components-'));
  const category = path.join(dir, 'clearon');
  fs.mkdirSync(category);
  const source = path.join(__dirname, '..', '..', 'server', 'src', 'components');
  for (const file of fs.readdirSync(source).filter((name) => name.endsWith('.json'))) {
    fs.copyFileSync(path.join(source, file), path.join(category, file));
  }
  let added: Record<string, Entry> = {};
  const loadComponents = require(loaderPath) as (strapi: unknown) => Promise<void>;
  await loadComponents({
    dirs: { dist: { components: dir }, app: { components: dir } },
    stopWithError: (message: string) => {
      throw new Error(message);
    },
    get: () => ({
      add: (components: Record<string, Entry>) => {
        added = components;
      },
    }),
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return added;
};

/** The loader also marks each schema with its file name: not part of what a component is. */
const withoutFileName = (entry: Entry) => {
  const copy = JSON.parse(JSON.stringify(entry)) as Entry;
  delete copy.__filename__;
  if (copy.__schema__ && typeof copy.__schema__ === 'object') {
    delete (copy.__schema__ as Entry).__filename__;
  }
  return copy;
};

describe("the plugin's components, as Strapi's own loader would register them", () => {
  it('have the same uids and the same entries, field for field', async () => {
    const fromStrapi = await loadAsApp();
    const ours = pluginComponents();
    expect(Object.keys(ours).sort()).toEqual(Object.keys(fromStrapi).sort());
    for (const uid of Object.keys(fromStrapi)) {
      expect(withoutFileName(ours[uid] as Entry)).toEqual(withoutFileName(fromStrapi[uid]));
    }
  });
});
