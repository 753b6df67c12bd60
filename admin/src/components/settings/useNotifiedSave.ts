import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import type { ApiProblem } from '../../api/errors';
import { problemOf } from '../shared/apiProblem';
import { messages } from './messages';

/**
 * A save from a list (a switch, a box, a provider's form): notifies the outcome, the server's
 * message on a refusal. Resolves with the refusal (null when saved), e.g. for its field errors.
 */
export const useNotifiedSave = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  return async (save: () => Promise<unknown>, success: string): Promise<ApiProblem | null> => {
    try {
      await save();
      toggleNotification({ type: 'success', message: success });
      return null;
    } catch (error) {
      const problem = problemOf(error);
      toggleNotification({
        type: 'danger',
        message: problem.message ?? formatMessage(messages.genericError),
      });
      return problem;
    }
  };
};
