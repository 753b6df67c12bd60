import type { Core } from '@strapi/strapi';
import {
  validateMappingVariableCreate,
  validateMappingVariableUpdate,
} from '../validation/mapping-variable';
import { getService } from '../utils/get-service';
import { settingsListActions } from './settings-list';
import type { MappingVariableOption } from '../../../shared/contracts/mapping-variables';

/** The built-in CRM variables (builtIn: true) come first in the list, then the stored ones. */
const controller = ({ strapi }: { strapi: Core.Strapi }) =>
  settingsListActions({
    what: 'mapping variable',
    service: () => getService(strapi, 'mapping-variables'),
    validateCreate: validateMappingVariableCreate,
    validateUpdate: validateMappingVariableUpdate,
    // For editors picking a form field's mapping variable.
    options: (list): MappingVariableOption[] =>
      list
        .filter((view) => view.availableInForms)
        .map(({ technicalName, label, builtIn }) => ({ technicalName, label, builtIn })),
  });

export default controller;
