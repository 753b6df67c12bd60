import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { Integration } from '../../services/integrations';
import { messages } from './messages';

/** The last connection check of an integration: a status badge, when, and ClearOn's answer. */
export const LastCheck = ({ lastCheck }: { lastCheck: Integration['lastCheck'] }) => {
  const { formatMessage, formatDate } = useIntl();
  if (!lastCheck) {
    return <Badge variant="neutral">{formatMessage(messages.checkNever)}</Badge>;
  }
  const ok = lastCheck.status === 'ok';
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Badge variant={ok ? 'success' : 'danger'}>
        {formatMessage(ok ? messages.checkOk : messages.checkFailing)}
      </Badge>
      {lastCheck.at ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(messages.checkAt, {
            time: formatDate(lastCheck.at, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
        </Typography>
      ) : null}
      {lastCheck.message ? (
        <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'normal' }}>
          {lastCheck.message}
        </Typography>
      ) : null}
    </Flex>
  );
};
