import { getTranslation } from '../../../utils/getTranslation';
import { messages } from '../messages';
import { ERROR_MESSAGES } from '../statusMeta';

const keyOf = (id: string) => id.slice(getTranslation('').length);

it('every error code of the issuer has a message', () => {
  expect(Object.keys(ERROR_MESSAGES).sort()).toEqual(
    Object.keys(messages)
      .filter((name) => name.startsWith('error'))
      .map((name) =>
        keyOf(messages[name as keyof typeof messages].id).replace('dashboard.error.', '')
      )
      .sort()
  );
});
