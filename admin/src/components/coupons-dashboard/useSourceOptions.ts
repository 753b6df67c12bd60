import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import { listCampaignOptions, type CampaignOption } from '../../api/coupons';
import { triggersApi } from '../../api/triggers';

/** A coupon trigger as the dashboard's filter and rows name it. */
export interface TriggerOption {
  key: string;
  name: string;
}

/**
 * The campaigns' titles and the coupon triggers' names (without them the table and the filters
 * show ids), both readable with coupons.read.
 */
export const useSourceOptions = () => {
  const { get, post } = useFetchClient();
  const [campaigns, setCampaigns] = React.useState<CampaignOption[]>([]);
  const [triggers, setTriggers] = React.useState<TriggerOption[]>([]);

  React.useEffect(() => {
    let active = true;
    listCampaignOptions({ get, post })
      .then((options) => {
        if (active) setCampaigns(options);
      })
      .catch(() => undefined);
    triggersApi
      .options({ get })
      .then((list) => {
        if (active) setTriggers(list.map(({ key, name }) => ({ key, name: name || key })));
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [get, post]);

  return { campaigns, triggers };
};
