import integration from './integration/schema.json';
import mappingVariable from './mapping-variable/schema.json';
import campaign from './campaign/schema.json';
import participation from './participation/schema.json';
import coupon from './coupon/schema.json';
import limitCounter from './limit-counter/schema.json';
import trigger from './trigger/schema.json';

export default {
  integration: { schema: integration },
  'mapping-variable': { schema: mappingVariable },
  campaign: { schema: campaign },
  participation: { schema: participation },
  coupon: { schema: coupon },
  'limit-counter': { schema: limitCounter },
  trigger: { schema: trigger },
};
