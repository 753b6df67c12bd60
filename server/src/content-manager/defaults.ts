import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../utils/plugin-id';
import { CONTENT_MANAGER_DEFAULTS, LAYOUT_DEFAULTS_VERSION, type ModelDefaults } from './labels';

/**
 * Applies the plugin's Content Manager defaults (labels.ts) through the Content Manager's own
 * configuration services, the ones behind its "Configure the view" page. Runs in the plugin's
 * bootstrap, after the Content Manager has synced its stored configurations.
 *
 * Upgrade-safe: a setting is written only while it still holds Strapi's generated value (label =
 * attribute name, empty description, the generated layout...) or the value this plugin wrote
 * before (recorded in the plugin's store with LAYOUT_DEFAULTS_VERSION). Whatever an editor set in
 * "Configure the view" stays as they left it, on every boot and across plugin upgrades.
 */

type EditMeta = Record<string, unknown>;
type Meta = { edit: EditMeta; list: Record<string, unknown> };
type EditRow = Array<{ name: string; size: number }>;
export interface CmConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Meta>;
  layouts: { list: string[]; edit: EditRow[] };
}
interface CmAttribute {
  type: string;
  customField?: string;
  relationType?: string;
}
interface CmModel {
  uid: string;
  attributes: Record<string, CmAttribute>;
}
interface CmModelService {
  findConfiguration(model: CmModel): Promise<CmConfiguration>;
  updateConfiguration(model: CmModel, configuration: CmConfiguration): Promise<unknown>;
}
interface FieldSizes {
  hasFieldSize(type?: string): boolean;
  getFieldSize(type: string): { default: number };
}

/** What the plugin last wrote for one model: the "ours" values besides Strapi's own. */
interface Applied {
  mainField?: string;
  metadatas: Record<string, { edit: EditMeta; list: Record<string, unknown> }>;
  layouts: { list?: string[]; edit: EditRow[] };
}
interface Marker {
  version: number;
  models: Record<string, Applied>;
}

export const MARKER_KEY = 'content-manager-defaults';

const NOT_EDITABLE = [
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
];
const NON_LISTABLE_TYPES = ['json', 'password', 'richtext', 'dynamiczone', 'blocks'];

const isEditable = (model: CmModel, name: string) =>
  name in model.attributes && !NOT_EDITABLE.includes(name);
const isListable = (model: CmModel, name: string) =>
  name in model.attributes && !NON_LISTABLE_TYPES.includes(model.attributes[name].type);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const defaultSize = (sizes: FieldSizes, attribute: CmAttribute) =>
  sizes.getFieldSize(
    sizes.hasFieldSize(attribute.customField) ? attribute.customField! : attribute.type
  ).default;

/** Rows of at most 12, filled in order: how Strapi lays out fields it appends. */
const pack = (sizes: FieldSizes, model: CmModel, names: string[], rows: EditRow[] = []) => {
  const layout = rows.map((row) => [...row]);
  if (layout.length === 0) layout.push([]);
  for (const name of names) {
    const size = defaultSize(sizes, model.attributes[name]);
    const last = layout[layout.length - 1];
    if (last.reduce((sum, el) => sum + el.size, 0) + size > 12) layout.push([{ name, size }]);
    else last.push({ name, size });
  }
  return layout.filter((row) => row.length > 0);
};

/** Strapi's generated layouts and main field (content-manager services/utils/configuration). */
const generated = (sizes: FieldSizes, model: CmModel) => {
  const names = Object.keys(model.attributes);
  return {
    mainField: names.find((n) => model.attributes[n].type === 'string' && n !== 'id') ?? 'id',
    list: names.filter((n) => isListable(model, n) && n !== 'documentId').slice(0, 4),
    edit: pack(
      sizes,
      model,
      names.filter((n) => isEditable(model, n))
    ),
  };
};

/** The plugin's defaults for this model as it is now (attributes it no longer has are left out). */
const target = (sizes: FieldSizes, model: CmModel, defaults: ModelDefaults): Applied => {
  const cells = defaults.edit.map((row) =>
    row.split(' ').map((cell) => {
      const [name, size] = cell.split(':');
      return { name, size: Number(size) };
    })
  );
  const placed = cells.flat().map(({ name }) => name);
  const rows = cells
    .map((row) => row.filter(({ name }) => isEditable(model, name)))
    .filter((row) => row.length > 0);
  // Attributes this file does not know yet (a newer schema) are appended, never hidden.
  const unknown = Object.keys(model.attributes).filter(
    (n) => isEditable(model, n) && !placed.includes(n) && !(n in defaults.fields)
  );
  const metadatas: Applied['metadatas'] = {};
  for (const [name, text] of Object.entries(defaults.fields)) {
    if (!(name in model.attributes)) continue;
    const edit: EditMeta = { label: text.label, description: text.description ?? '' };
    if (text.placeholder !== undefined) edit.placeholder = text.placeholder;
    if (text.editable !== undefined) edit.editable = text.editable;
    metadatas[name] = { edit, list: { label: text.label } };
  }
  return {
    mainField:
      defaults.mainField && isListable(model, defaults.mainField) ? defaults.mainField : undefined,
    metadatas,
    layouts: {
      list: defaults.list?.filter((n) => isListable(model, n)),
      edit: unknown.length > 0 ? pack(sizes, model, unknown, rows) : rows,
    },
  };
};

const STRAPI_DEFAULT_META: Record<string, (name: string) => unknown> = {
  label: (name) => name,
  description: () => '',
  placeholder: () => '',
  editable: () => true,
};

/** The configuration with every setting that is still Strapi's or ours set to `next`. */
export const merge = (
  current: CmConfiguration,
  strapiDefaults: ReturnType<typeof generated>,
  next: Applied,
  previous: Applied | undefined
): CmConfiguration => {
  const ours = (value: unknown, strapiValue: unknown, previousValue: unknown) =>
    same(value, strapiValue) || (previousValue !== undefined && same(value, previousValue));
  const metadatas = structuredClone(current.metadatas);
  for (const [name, meta] of Object.entries(next.metadatas)) {
    const stored = metadatas[name];
    if (!stored) continue;
    for (const part of ['edit', 'list'] as const) {
      for (const [key, value] of Object.entries(meta[part])) {
        const was = previous?.metadatas[name]?.[part]?.[key];
        const strapiValue = STRAPI_DEFAULT_META[key]?.(name);
        if (ours(stored[part][key], strapiValue, was)) stored[part][key] = value;
      }
    }
  }
  const settings = { ...current.settings };
  if (next.mainField && ours(settings.mainField, strapiDefaults.mainField, previous?.mainField)) {
    settings.mainField = next.mainField;
  }
  const layouts = { ...current.layouts };
  if (next.layouts.list && ours(layouts.list, strapiDefaults.list, previous?.layouts.list)) {
    layouts.list = next.layouts.list;
  }
  if (ours(layouts.edit, strapiDefaults.edit, previous?.layouts.edit)) {
    layouts.edit = next.layouts.edit;
  }
  return { settings, metadatas, layouts };
};

export const applyContentManagerDefaults = async (strapi: Core.Strapi) => {
  const contentManager = strapi.plugin('content-manager');
  if (!contentManager) return;
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: MARKER_KEY });
  const marker = ((await store.get({})) as Marker | null) ?? { version: 0, models: {} };
  if (marker.version === LAYOUT_DEFAULTS_VERSION) return;

  const sizes: FieldSizes = contentManager.service('field-sizes');
  const applied: Marker = { version: LAYOUT_DEFAULTS_VERSION, models: {} };
  for (const [uid, defaults] of Object.entries(CONTENT_MANAGER_DEFAULTS)) {
    const service = contentManager.service(
      defaults.kind === 'component' ? 'components' : 'content-types'
    );
    const model: CmModel | undefined =
      defaults.kind === 'component' ? service.findComponent(uid) : service.findContentType(uid);
    if (!model) continue;
    const configurations: CmModelService = {
      findConfiguration: (m) => service.findConfiguration(m),
      updateConfiguration: (m, c) => service.updateConfiguration(m, c),
    };
    const current = await configurations.findConfiguration(model);
    const next = target(sizes, model, defaults);
    applied.models[uid] = next;
    const merged = merge(current, generated(sizes, model), next, marker.models[uid]);
    if (
      !same(merged, {
        settings: current.settings,
        metadatas: current.metadatas,
        layouts: current.layouts,
      })
    ) {
      await configurations.updateConfiguration(model, merged);
    }
  }
  await store.set({ value: applied });
};
