export { PLUGIN_ID } from '../../../shared/contracts/permissions';

export const UID = {
  integration: 'plugin::clearon.integration',
  mappingVariable: 'plugin::clearon.mapping-variable',
  campaign: 'plugin::clearon.campaign',
  participation: 'plugin::clearon.participation',
  coupon: 'plugin::clearon.coupon',
  limitCounter: 'plugin::clearon.limit-counter',
  trigger: 'plugin::clearon.trigger',
} as const;
