import * as React from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { MappingVariable } from '../../../api/mappingVariables';
import { MappingVariableFormModal } from '../MappingVariableFormModal';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';

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

/** A 400 as useFetchClient throws it. */
const badRequest = (path: string, message: string) =>
  Object.assign(new Error(message), {
    status: 400,
    response: {
      data: { error: { status: 400, message, details: { errors: [{ path: [path], message }] } } },
    },
  });

const setup = (
  variable: MappingVariable | null,
  onSubmit = jest.fn().mockResolvedValue(undefined)
) => {
  const onClose = jest.fn();
  const user = userEvent.setup();
  renderWithProviders(
    <MappingVariableFormModal
      open
      variable={variable}
      existing={existing}
      onSubmit={onSubmit}
      onClose={onClose}
    />
  );
  return { user, onSubmit, onClose };
};

describe('MappingVariableFormModal', () => {
  it('creates a variable with a label, technical name, type and availability', async () => {
    const { user, onSubmit, onClose } = setup(null);
    await user.type(screen.getByLabelText(/Display label/), '  Newsletter ');
    await user.type(screen.getByLabelText(/Technical name/), 'newsletter');
    await user.click(screen.getByRole('radio', { name: 'Opt-in' }));
    await user.click(screen.getByRole('checkbox', { name: 'Available in forms' }));
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith({
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
      .mockRejectedValue(badRequest('technicalName', 'technicalName is taken'));
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
