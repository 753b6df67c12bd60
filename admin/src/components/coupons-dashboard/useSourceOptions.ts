import * as React from 'react';

import { useGetCampaignOptionsQuery, type CampaignOption } from '../../services/coupons';
import { useGetTriggerOptionsQuery, type TriggerOption as Trigger } from '../../services/triggers';

/** A coupon trigger as the dashboard's filter and rows name it. */
export interface TriggerOption {
  key: string;
  name: string;
}

const NO_CAMPAIGNS: CampaignOption[] = [];
const NO_TRIGGERS: Trigger[] = [];

/**
 * The campaigns' titles and the coupon triggers' names (without them the table and the filters
 * show ids), both readable with coupons.read. A list that cannot be read stays empty.
 */
export const useSourceOptions = () => {
  const { data: campaigns = NO_CAMPAIGNS } = useGetCampaignOptionsQuery();
  const { data: triggerList = NO_TRIGGERS } = useGetTriggerOptionsQuery();
  const triggers = React.useMemo<TriggerOption[]>(
    () => triggerList.map(({ key, name }) => ({ key, name: name || key })),
    [triggerList]
  );
  return { campaigns, triggers };
};
