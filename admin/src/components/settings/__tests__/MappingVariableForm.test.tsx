import { screen, waitFor } from '@testing-library/react';

import type { MappingVariable } from '../../../services/mappingVariables';
import { MappingVariableForm } from '../MappingVariableForm';
import { expectSent, renderModal, validationError } from './settingsTestUtils';

const builtIn = (technicalName: string): MappingVariable => ({
  id: technicalName,
  label: technicalName,
  technicalName,
  type: 'answer',
  availableInForms: true,
  builtIn: true,
});

const delivery: MappingVariable = {
  id: 'doc1',
  label: 'Delivery type',
  technicalName: 'deliveryType',
  type: 'answer',
  availableInForms: true,
  builtIn: false,
};

const existing = [builtIn('firstname'), builtIn('email'), delivery];

const setup = (variable: MappingVariable | null, onSubmit?: jest.Mock) =>
  renderModal(
    (props) => <MappingVariableForm item={variable} existing={existing} {...props} />,
    onSubmit
  );

describe('MappingVariableForm', () => {
  it('creates a variable with a label, technical name, type and availability', async () => {
    const { user, ...props } = setup(null);
    await user.type(screen.getByLabelText(/Display label/), '  Newsletter ');
    await user.type(screen.getByLabelText(/Technical name/), 'newsletter');
    await user.click(screen.getByRole('radio', { name: 'Opt-in' }));
    await user.click(screen.getByRole('checkbox', { name: 'Available in forms' }));
    await expectSent(user, props, {
      label: 'Newsletter',
      technicalName: 'newsletter',
      type: 'opt-in',
      availableInForms: false,
    });
  });

  it.each([
    ['', /Enter a technical name/],
    ['delivery type', /only letters, digits and underscores/],
    ['EMAIL', /email is a built-in CRM variable/],
    ['DELIVERYTYPE', /Delivery type already uses this technical name/],
  ])('refuses the technical name "%s" before calling the server', async (name, error) => {
    const { user, onSubmit } = setup(null);
    await user.type(screen.getByLabelText(/Display label/), 'Label');
    if (name) await user.type(screen.getByLabelText(/Technical name/), name);
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText(error)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("shows the server's 400 on its field", async () => {
    const onSubmit = jest
      .fn()
      .mockRejectedValue(validationError('technicalName', 'technicalName is taken'));
    const { user, onClose } = setup(null, onSubmit);
    await user.type(screen.getByLabelText(/Display label/), 'Label');
    await user.type(screen.getByLabelText(/Technical name/), 'fresh');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('technicalName is taken')).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('on edit, locks the technical name and type, says why, and sends only label and availability', async () => {
    const { user, onSubmit } = setup(delivery);
    const technicalName = screen.getByLabelText(/Technical name/);
    expect(technicalName).toHaveValue('deliveryType');
    expect(technicalName).toBeDisabled();
    expect(
      screen.getByText(
        'The technical name is used by forms and exports; it cannot change after creation'
      )
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Opt-in' })).toBeDisabled();
    const label = screen.getByLabelText(/Display label/);
    await user.clear(label);
    await user.type(label, 'How to receive it');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ label: 'How to receive it', availableInForms: true })
    );
  });
});
