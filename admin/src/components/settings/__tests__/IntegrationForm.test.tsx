import { screen, waitFor } from '@testing-library/react';

import type { Integration } from '../../../services/integrations';
import { IntegrationForm } from '../IntegrationForm';
import {
  expectRefused,
  expectSent,
  integrationOf,
  renderModal,
  validationError,
} from './settingsTestUtils';

const acme = integrationOf();

const setup = (integration: Integration | null, onSubmit?: jest.Mock) =>
  renderModal((props) => <IntegrationForm item={integration} {...props} />, onSubmit);

describe('IntegrationForm', () => {
  it('configures an integration', async () => {
    const { user, ...props } = setup(null);
    await user.type(screen.getByLabelText(/Display name/), 'Agency');
    await user.type(screen.getByLabelText(/ClearOn endpoint/), 'https://clearon.example/v1');
    await user.type(screen.getByLabelText(/API key/), 'secret-key');
    await expectSent(user, props, {
      name: 'Agency',
      endpoint: 'https://clearon.example/v1',
      apiKey: 'secret-key',
      enabled: true,
    });
  });

  it('requires the name, endpoint and API key on create', async () => {
    const { user, onSubmit } = setup(null);
    await expectRefused(user, onSubmit, [
      'Enter a display name',
      'Enter the ClearOn endpoint',
      'Enter the API key',
    ]);
  });

  it('never shows the key on edit, and keeps it when left empty', async () => {
    const { user, onSubmit } = setup(acme);
    const apiKey = screen.getByLabelText(/API key/);
    expect(apiKey).toHaveValue('');
    expect(apiKey).toHaveAttribute('type', 'password');
    expect(apiKey).toHaveAttribute('placeholder', 'Key set — type to replace');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0][0]).not.toHaveProperty('apiKey');
  });

  it("shows each of the server's 400 messages on its field", async () => {
    const onSubmit = jest
      .fn()
      .mockRejectedValue(validationError('endpoint', 'endpoint must use https://'));
    const { user, onClose } = setup(acme, onSubmit);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('endpoint must use https://')).toBeInTheDocument();
    expect(screen.getByLabelText(/ClearOn endpoint/)).toHaveAttribute('aria-invalid', 'true');
    expect(onClose).not.toHaveBeenCalled();
  });
});
