import type { Core } from '@strapi/strapi';
import { errors } from '../utils/errors';
import {
  fieldError,
  type MappingVariableCreateInput,
  type MappingVariableType,
  type MappingVariableUpdateInput,
} from '../validation/mapping-variable';
import { UID } from '../utils/plugin-id';
import { InUseError } from './in-use-error';
import { pluginDocuments } from '../utils/plugin-documents';
import type { CampaignRef, MappingVariableView } from '../../../shared/contracts/mapping-variables';

/** A row of plugin::clearon.mapping-variable as the database returns it (server-internal). */
interface MappingVariableEntity {
  id: number;
  documentId: string;
  label: string;
  technicalName: string;
  type: MappingVariableType | null;
  availableInForms: boolean | number | null;
}

/** Deleting a mapping variable that campaign form fields still use. */
export class MappingVariableInUseError extends InUseError {
  constructor(
    public readonly technicalName: string,
    public readonly campaigns: CampaignRef[]
  ) {
    const titles = campaigns.map(({ title }) => `"${title}"`).join(', ');
    super(
      `The mapping variable "${technicalName}" is used by the form of ${
        campaigns.length === 1 ? 'the campaign' : `${campaigns.length} campaigns:`
      } ${titles}; remove it from ${campaigns.length === 1 ? 'that form' : 'those forms'} first.`,
      { campaigns }
    );
    this.name = 'MappingVariableInUseError';
  }
}

/** The CRM variables every form may use; not stored, not editable. */
export const BUILT_IN_VARIABLES: readonly MappingVariableView[] = [
  { technicalName: 'firstname', label: 'First name' },
  { technicalName: 'lastname', label: 'Last name' },
  { technicalName: 'email', label: 'Email' },
  { technicalName: 'phone', label: 'Phone' },
].map(({ technicalName, label }) => ({
  id: technicalName,
  label,
  technicalName,
  type: 'answer' as const,
  availableInForms: true,
  builtIn: true,
}));

/** The built-in variable called `name` (compared case-insensitively), if any. */
export const builtInVariable = (name: string) =>
  BUILT_IN_VARIABLES.find(
    (variable) => variable.technicalName.toLowerCase() === String(name).toLowerCase()
  ) ?? null;

const toView = (entity: MappingVariableEntity): MappingVariableView => ({
  id: entity.documentId,
  label: entity.label,
  technicalName: entity.technicalName,
  type: entity.type ?? 'answer',
  availableInForms: entity.availableInForms == null ? true : Boolean(entity.availableInForms),
  builtIn: false,
});

const builtInRefused = (name: string) =>
  fieldError(
    'technicalName',
    `${name} is a built-in CRM variable: it cannot be changed or deleted`
  );

const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.mappingVariable);
  const documents = () => pluginDocuments<MappingVariableEntity>(strapi, 'mappingVariable');

  const findEntity = async (documentId: string) =>
    typeof documentId === 'string' && documentId
      ? ((await query().findOne({ where: { documentId } })) as MappingVariableEntity | null)
      : null;

  const findByName = async (name: string, ignoreCase: boolean) =>
    (await query().findOne({
      where: { technicalName: ignoreCase ? { $eqi: name } : name },
      orderBy: [{ id: 'asc' }],
    })) as MappingVariableEntity | null;

  /** Campaigns (draft or published) with a form field mapped to `technicalName`, any case. */
  const campaignsUsing = async (technicalName: string): Promise<CampaignRef[]> => {
    const rows = (await strapi.db.query(UID.campaign).findMany({
      where: { fields: { mappingVariable: { $eqi: technicalName } } },
      select: ['documentId', 'title'],
      orderBy: [{ title: 'asc' }, { id: 'asc' }],
    })) as Array<{ documentId: string; title: string }>;
    const seen = new Map<string, CampaignRef>();
    for (const row of rows) {
      if (!seen.has(row.documentId)) {
        seen.set(row.documentId, { id: row.documentId, title: row.title });
      }
    }
    return [...seen.values()];
  };

  const assertNotInUse = async (technicalName: string) => {
    const campaigns = await campaignsUsing(technicalName);
    if (campaigns.length > 0) throw new MappingVariableInUseError(technicalName, campaigns);
  };

  return {
    builtIns: BUILT_IN_VARIABLES,
    isBuiltIn: (name: string) => builtInVariable(name) !== null,

    /** Built-in CRM variables first, then the stored ones by creation. */
    async list(): Promise<MappingVariableView[]> {
      const rows = (await query().findMany({
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })) as MappingVariableEntity[];
      return [...BUILT_IN_VARIABLES.map((view) => ({ ...view })), ...rows.map(toView)];
    },

    /** One variable by id (a documentId, or a built-in's technical name); null when unknown. */
    async get(id: string): Promise<MappingVariableView | null> {
      const builtIn = BUILT_IN_VARIABLES.find((view) => view.id === id);
      if (builtIn) return { ...builtIn };
      const entity = await findEntity(id);
      return entity ? toView(entity) : null;
    },

    /**
     * The variable a form field's `mappingVariable` names (built-ins included), or null. Exact match
     * by default (that is how participations read it); `ignoreCase` for uniqueness checks.
     */
    async findByTechnicalName(
      technicalName: string,
      { ignoreCase = false }: { ignoreCase?: boolean } = {}
    ): Promise<MappingVariableView | null> {
      if (typeof technicalName !== 'string' || !technicalName) return null;
      const builtIn = BUILT_IN_VARIABLES.find((view) =>
        ignoreCase
          ? view.technicalName.toLowerCase() === technicalName.toLowerCase()
          : view.technicalName === technicalName
      );
      if (builtIn) return { ...builtIn };
      const entity = await findByName(technicalName, ignoreCase);
      // MySQL/MariaDB's default collations compare case-insensitively: check exactness here.
      if (!entity || (!ignoreCase && entity.technicalName !== technicalName)) return null;
      return toView(entity);
    },

    campaignsUsing,

    /** Throws MappingVariableInUseError (naming the campaigns) while a form field uses the variable. */
    assertNotInUse,

    /** Creates a variable; a technical name taken (any case) or built-in is a 400 on technicalName. */
    async create(input: MappingVariableCreateInput): Promise<MappingVariableView> {
      if (builtInVariable(input.technicalName)) {
        throw fieldError(
          'technicalName',
          `technicalName "${input.technicalName}" is a built-in CRM variable; choose another name`
        );
      }
      const documentId = await strapi.db.transaction(async () => {
        const taken = await findByName(input.technicalName, true);
        if (taken) {
          throw fieldError(
            'technicalName',
            `technicalName "${input.technicalName}" is already used by the mapping variable "${taken.label}" (${taken.technicalName}); technical names are unique, whatever the case`
          );
        }
        const created = await documents().create({
          data: {
            label: input.label,
            technicalName: input.technicalName,
            type: input.type,
            availableInForms: input.availableInForms ?? true,
          },
        });
        return created.documentId;
      });
      return toView((await findEntity(documentId)) as MappingVariableEntity);
    },

    /**
     * Updates the label and availableInForms. technicalName and type may be sent unchanged; a
     * change to either is a 400. Null when the variable is unknown.
     */
    async update(
      id: string,
      input: MappingVariableUpdateInput
    ): Promise<MappingVariableView | null> {
      if (BUILT_IN_VARIABLES.some((view) => view.id === id)) throw builtInRefused(id);
      const existing = await findEntity(id);
      if (!existing) return null;
      const problems: Array<{ path: string[]; message: string; name: string }> = [];
      if (input.technicalName !== undefined && input.technicalName !== existing.technicalName) {
        problems.push({
          path: ['technicalName'],
          message: 'technicalName cannot change after creation',
          name: 'ValidationError',
        });
      }
      if (input.type !== undefined && input.type !== (existing.type ?? 'answer')) {
        problems.push({
          path: ['type'],
          message: 'type cannot change after creation',
          name: 'ValidationError',
        });
      }
      if (problems.length > 0) {
        throw new errors.ValidationError(problems.map(({ message }) => message).join('; '), {
          errors: problems,
        });
      }
      const data: Record<string, unknown> = {};
      if (input.label !== undefined) data.label = input.label;
      if (input.availableInForms !== undefined) data.availableInForms = input.availableInForms;
      if (Object.keys(data).length > 0) {
        await documents().update({ documentId: id, data });
      }
      return toView((await findEntity(id)) as MappingVariableEntity);
    },

    /**
     * Deletes a variable (returns its last view, or null when unknown). Refused with
     * MappingVariableInUseError while a campaign form field uses it.
     */
    async delete(id: string): Promise<MappingVariableView | null> {
      if (BUILT_IN_VARIABLES.some((view) => view.id === id)) throw builtInRefused(id);
      return strapi.db.transaction(async () => {
        const existing = await findEntity(id);
        if (!existing) return null;
        await assertNotInUse(existing.technicalName);
        await documents().delete({ documentId: id });
        return toView(existing);
      });
    },
  };
};

export default service;
