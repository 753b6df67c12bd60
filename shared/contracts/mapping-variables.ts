/**
 * The mapping variables admin routes (`/clearon/mapping-variables`): bodies, answers and the limits
 * the server's validation (server/src/validation/mapping-variable.ts) and the admin's form
 * (MappingVariableFormModal) both apply.
 */

export type MappingVariableType = 'answer' | 'opt-in';
export const MAPPING_VARIABLE_TYPES: readonly MappingVariableType[] = ['answer', 'opt-in'];

export const LABEL_MAX = 100;
export const TECHNICAL_NAME_MAX = 64;
/** A letter, then letters, digits or underscores. */
export const TECHNICAL_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A mapping variable as the routes answer it. Built-in CRM variables have their technical name as id. */
export interface MappingVariableView {
  /** The documentId; for a built-in CRM variable, its technical name. */
  id: string;
  label: string;
  technicalName: string;
  type: MappingVariableType;
  availableInForms: boolean;
  /** A CRM variable every form has (firstname, lastname, email, phone): read-only. */
  builtIn: boolean;
}

/** What the admin may send to create a mapping variable. */
export interface MappingVariableCreateInput {
  label: string;
  technicalName: string;
  type: MappingVariableType;
  availableInForms?: boolean;
}

/**
 * What the admin may send to update one. technicalName and type may be sent back unchanged (a
 * form posting the whole variable); the server refuses any change to them.
 */
export interface MappingVariableUpdateInput {
  label?: string;
  availableInForms?: boolean;
  technicalName?: string;
  type?: MappingVariableType;
}

/** A campaign whose form uses a mapping variable. */
export interface CampaignRef {
  id: string;
  title: string;
}

/** The body of the 409 refusing to delete a variable that campaign forms use. */
export interface MappingVariableInUse {
  campaigns?: CampaignRef[];
}

/**
 * One entry of `GET /clearon/mapping-variable-options` (any admin): the variables available in
 * forms, built-in ones first, for the form field's mapping-variable picker in the Content Manager.
 */
export interface MappingVariableOption {
  technicalName: string;
  label: string;
  builtIn: boolean;
}
