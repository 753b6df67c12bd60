import * as React from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { Integration } from '../../../api/integrations';
import { IntegrationFormModal } from '../IntegrationFormModal';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';

const acme: Integration = {
  id: 'int1',
  name: 'Acme',
  endpoint: 'https://api.clearon.example/coupons',
  authHeaderName: 'Authorization',
  timeoutMs: 5000,
  enabled: true,
  isDefault: true,
  apiKeySet: true,
  lastCheck: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const badRequest = (path: string, message: string) =>
  Object.assign(new Error(message), {
    status: 400,
    response: {
      data: { error: { status: 400, message, details: { errors: [{ path: [path], message }] } } },
    },
  });

const setup = (
  integration: Integration | null,
  onSubmit = jest.fn().mockResolvedValue(undefined)
) => {
  const onClose = jest.fn();
  const user = userEvent.setup();
  renderWithProviders(
    <IntegrationFormModal open integration={integration} onSubmit={onSubmit} onClose={onClose} />
  );
  return { user, onSubmit, onClose };
};

describe('IntegrationFormModal', () => {
  it('configures an integration', async () => {
    const { user, onSubmit, onClose } = setup(null);
    await user.type(screen.getByLabelText(/Display name/), 'Agency');
    await user.type(screen.getByLabelText(/ClearOn endpoint/), 'https://clearon.example/v1');
    await user.type(screen.getByLabelText(/API key/), 'secret-key');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Agency',
      endpoint: 'https://clearon.example/v1',
      apiKey: 'secret-key',
      enabled: true,
    });
  });

  it('requires the name, endpoint and API key on create', async () => {
    const { user, onSubmit } = setup(null);
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Enter a display name')).toBeInTheDocument();
    expect(screen.getByText('Enter the ClearOn endpoint')).toBeInTheDocument();
    expect(screen.getByText('Enter the API key')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
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
      .mockRejectedValue(badRequest('endpoint', 'endpoint must use https://'));
    const { user, onClose } = setup(acme, onSubmit);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('endpoint must use https://')).toBeInTheDocument();
    expect(screen.getByLabelText(/ClearOn endpoint/)).toHaveAttribute('aria-invalid', 'true');
    expect(onClose).not.toHaveBeenCalled();
  });
});
