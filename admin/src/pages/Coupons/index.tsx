import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { ACTIONS, permission } from '../../../../shared/contracts/permissions';
import { CouponsDashboard } from '../../components/coupons-dashboard/CouponsDashboard';
import { messages } from '../../components/coupons-dashboard/messages';

/** Who may open the dashboard (the menu link asks for the same). */
export const READ_PERMISSIONS = [permission(ACTIONS.couponsRead)];

/** The coupons dashboard page (Plugins → ClearOn coupons), loaded lazily from the menu link. */
const CouponsPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const title = formatMessage(messages.title);

  return (
    <Page.Protect permissions={READ_PERMISSIONS}>
      <Page.Main>
        <Page.Title>{title}</Page.Title>
        <Layouts.Header title={title} subtitle={formatMessage(messages.subtitle)} />
        <Layouts.Content>
          <CouponsDashboard notify={toggleNotification} />
        </Layouts.Content>
      </Page.Main>
    </Page.Protect>
  );
};

export default CouponsPage;
