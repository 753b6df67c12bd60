import { useIntl } from 'react-intl';

import { messages } from './messages';
import { siblingKeyChoices } from './options';
import { PickerField, type FormFieldInputProps } from './PickerField';
import { useSiblingFields } from './useSiblingFields';

/**
 * The `plugin::clearon.show-when-field` custom field: the key of another field of the same form,
 * read from the document being edited (the entries next to this one), never typed.
 */
const ShowWhenFieldInput = (props: FormFieldInputProps) => {
  const { formatMessage } = useIntl();
  const { fields, index } = useSiblingFields(props.name);
  const choices = siblingKeyChoices(fields, index, props.value);
  const notice = choices.length === 0 ? formatMessage(messages.showWhenFieldEmpty) : undefined;
  return <PickerField {...props} choices={choices} notice={notice} />;
};

export default ShowWhenFieldInput;
