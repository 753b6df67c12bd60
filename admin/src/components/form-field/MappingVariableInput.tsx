import { useIntl } from 'react-intl';

import { messages } from './messages';
import { mappingVariableChoices } from './options';
import { PickerField, type FormFieldInputProps } from './PickerField';
import { useMappingVariableOptions } from './useMappingVariableOptions';

/**
 * The `plugin::clearon.mapping-variable` custom field: a form field's mapping variable, picked from
 * the variables available in forms (built-in ones included), shown by label and technical name.
 */
const MappingVariableInput = (props: FormFieldInputProps) => {
  const { formatMessage } = useIntl();
  const { variables, status } = useMappingVariableOptions();
  const choices = mappingVariableChoices(variables, props.value);
  let notice: string | undefined;
  if (status === 'error') notice = formatMessage(messages.mappingVariableLoadError);
  else if (status === 'ready' && variables.length === 0) {
    notice = formatMessage(messages.mappingVariableEmpty);
  }
  return (
    <PickerField {...props} choices={choices} loading={status === 'loading'} notice={notice} />
  );
};

export default MappingVariableInput;
