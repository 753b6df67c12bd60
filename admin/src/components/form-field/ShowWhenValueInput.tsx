import { useIntl } from 'react-intl';

import { messages } from './messages';
import { showWhenValueChoices } from './options';
import { PickerField, type FormFieldInputProps } from './PickerField';
import { useOwnAttribute, useSiblingFields } from './useSiblingFields';

/**
 * The `plugin::clearon.show-when-value` custom field: when the "show when" field is a choice field,
 * one of its option values, picked from them; for any other field, typed as text.
 */
const ShowWhenValueInput = (props: FormFieldInputProps) => {
  const { formatMessage } = useIntl();
  const { fields, index } = useSiblingFields(props.name);
  const showWhenField = useOwnAttribute(props.name, 'showWhenField');
  const choices = showWhenValueChoices(fields, index, showWhenField, props.value);
  const noField = typeof showWhenField !== 'string' || showWhenField === '';
  const notice = noField ? formatMessage(messages.showWhenValueChooseField) : undefined;
  return <PickerField {...props} choices={choices} notice={notice} />;
};

export default ShowWhenValueInput;
