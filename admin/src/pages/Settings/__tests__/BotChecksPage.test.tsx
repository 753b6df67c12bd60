import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { BotChecksPage } from '../BotChecksPage';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { fetchError, state } from './strapiAdminMock';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('./strapiAdminMock').strapiAdmin);

const SETTINGS = [
  { provider: 'turnstile', siteKey: '1x00000000000000000000AA', hasSecret: true },
  { provider: 'hcaptcha', siteKey: null, hasSecret: false },
];

beforeEach(() => {
  jest.clearAllMocks();
  state.canUpdate = true;
  state.client.get.mockResolvedValue({ data: { data: SETTINGS } });
});

describe('Settings → ClearOn → Bot checks', () => {
  it('shows each provider; a stored secret is never shown, only said to be kept', async () => {
    renderWithProviders(<BotChecksPage />);
    const turnstile = await screen.findByRole('form', { name: 'Cloudflare Turnstile' });
    expect(within(turnstile).getByLabelText(/Site key/)).toHaveValue('1x00000000000000000000AA');
    expect(within(turnstile).getByLabelText(/Secret key/)).toHaveValue('');
    expect(turnstile).toHaveTextContent('A secret is stored (encrypted)');
    const hcaptcha = screen.getByRole('form', { name: 'hCaptcha' });
    expect(hcaptcha).toHaveTextContent('Stored encrypted; never shown again');
    expect(state.client.get).toHaveBeenCalledWith('/clearon/captcha');
  });

  it('saves a site key and a new secret, and sends no secret when it is left empty', async () => {
    const user = userEvent.setup();
    state.client.put.mockResolvedValue({ data: { data: SETTINGS[1] } });
    renderWithProviders(<BotChecksPage />);
    const hcaptcha = await screen.findByRole('form', { name: 'hCaptcha' });
    await user.type(within(hcaptcha).getByLabelText(/Site key/), 'site-123');
    await user.type(within(hcaptcha).getByLabelText(/Secret key/), 's3cret');
    await user.click(within(hcaptcha).getByRole('button', { name: 'Save hCaptcha' }));
    await waitFor(() =>
      expect(state.client.put).toHaveBeenCalledWith('/clearon/captcha/hcaptcha', {
        siteKey: 'site-123',
        secret: 's3cret',
      })
    );
    expect(state.toggleNotification).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success', message: 'hCaptcha saved' })
    );

    const turnstile = screen.getByRole('form', { name: 'Cloudflare Turnstile' });
    await user.click(within(turnstile).getByRole('button', { name: 'Save Cloudflare Turnstile' }));
    await waitFor(() =>
      expect(state.client.put).toHaveBeenLastCalledWith('/clearon/captcha/turnstile', {
        siteKey: '1x00000000000000000000AA',
      })
    );
  });

  it("shows the server's field error", async () => {
    const user = userEvent.setup();
    state.client.put.mockRejectedValue(
      fetchError(400, 'siteKey must be 1 to 200 visible characters, no spaces', {
        errors: [{ path: ['siteKey'], message: 'must be 1 to 200 visible characters, no spaces' }],
      })
    );
    renderWithProviders(<BotChecksPage />);
    const hcaptcha = await screen.findByRole('form', { name: 'hCaptcha' });
    await user.type(within(hcaptcha).getByLabelText(/Site key/), 'x y');
    await user.click(within(hcaptcha).getByRole('button', { name: 'Save hCaptcha' }));
    expect(
      await within(hcaptcha).findByText('must be 1 to 200 visible characters, no spaces')
    ).toBeInTheDocument();
  });

  it('is read-only without settings.update', async () => {
    state.canUpdate = false;
    renderWithProviders(<BotChecksPage />);
    const turnstile = await screen.findByRole('form', { name: 'Cloudflare Turnstile' });
    expect(within(turnstile).getByLabelText(/Site key/)).toBeDisabled();
    expect(within(turnstile).queryByRole('button')).toBeNull();
  });
});
