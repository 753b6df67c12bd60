import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { BotChecksPage } from '../BotChecksPage';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { fetchError, state } from '../../../../test-utils/strapiAdminMock';
import { getsOf, stubLists } from './pageTestUtils';

// prettier-ignore
jest.mock('@strapi/strapi/admin', () => jest.requireActual('../../../../test-utils/strapiAdminMock').strapiAdmin);

const LIST = '/clearon/captcha';
const TURNSTILE = { provider: 'turnstile', siteKey: '1x00000000000000000000AA', hasSecret: true };
const HCAPTCHA = { provider: 'hcaptcha', siteKey: null, hasSecret: false };
const KEPT = 'A secret is stored (encrypted)';

const lists: Record<string, unknown> = {};

/** Renders the page and waits for the provider's form. */
const formOf = async (name: string) => {
  renderWithProviders(<BotChecksPage />);
  return screen.findByRole('form', { name });
};

beforeEach(() => {
  lists[LIST] = [TURNSTILE, HCAPTCHA];
  stubLists(lists);
});

describe('Settings → ClearOn → Bot checks', () => {
  it('shows each provider; a stored secret is never shown, only said to be kept', async () => {
    const turnstile = await formOf('Cloudflare Turnstile');
    expect(within(turnstile).getByLabelText(/Site key/)).toHaveValue('1x00000000000000000000AA');
    expect(within(turnstile).getByLabelText(/Secret key/)).toHaveValue('');
    expect(turnstile).toHaveTextContent(KEPT);
    const hcaptcha = screen.getByRole('form', { name: 'hCaptcha' });
    expect(hcaptcha).toHaveTextContent('Stored encrypted; never shown again');
  });

  it('saves a site key and a new secret, then shows the secret as kept', async () => {
    const user = userEvent.setup();
    const saved = { provider: 'hcaptcha', siteKey: 'site-123', hasSecret: true };
    state.client.put.mockResolvedValue({ data: { data: saved } });
    const hcaptcha = await formOf('hCaptcha');
    await user.type(within(hcaptcha).getByLabelText(/Site key/), 'site-123');
    await user.type(within(hcaptcha).getByLabelText(/Secret key/), 's3cret');
    lists[LIST] = [TURNSTILE, saved];
    await user.click(within(hcaptcha).getByRole('button', { name: 'Save hCaptcha' }));
    expect(state.client.put).toHaveBeenCalledWith(
      `${LIST}/hcaptcha`,
      { siteKey: 'site-123', secret: 's3cret' },
      undefined
    );
    expect(state.toggleNotification).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'success', message: 'hCaptcha saved' })
    );
    // The refreshed list says the secret is stored now; the field is emptied.
    await waitFor(() => expect(hcaptcha).toHaveTextContent(KEPT));
    expect(within(hcaptcha).getByLabelText(/Secret key/)).toHaveValue('');
    expect(getsOf(LIST)).toBe(2);
  });

  it('sends no secret when it is left empty', async () => {
    const user = userEvent.setup();
    state.client.put.mockResolvedValue({ data: { data: TURNSTILE } });
    const turnstile = await formOf('Cloudflare Turnstile');
    await user.click(within(turnstile).getByRole('button', { name: 'Save Cloudflare Turnstile' }));
    await waitFor(() =>
      expect(state.client.put).toHaveBeenLastCalledWith(
        `${LIST}/turnstile`,
        { siteKey: '1x00000000000000000000AA' },
        undefined
      )
    );
  });

  it("shows the server's field error", async () => {
    const user = userEvent.setup();
    const message = 'must be 1 to 200 visible characters, no spaces';
    state.client.put.mockRejectedValue(
      fetchError(400, `siteKey ${message}`, { errors: [{ path: ['siteKey'], message }] })
    );
    const hcaptcha = await formOf('hCaptcha');
    await user.type(within(hcaptcha).getByLabelText(/Site key/), 'x y');
    await user.click(within(hcaptcha).getByRole('button', { name: 'Save hCaptcha' }));
    expect(await within(hcaptcha).findByText(message)).toBeInTheDocument();
    expect(within(hcaptcha).getByLabelText(/Site key/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('is read-only without settings.update', async () => {
    state.canUpdate = false;
    const turnstile = await formOf('Cloudflare Turnstile');
    expect(within(turnstile).getByLabelText(/Site key/)).toBeDisabled();
    expect(within(turnstile).queryByRole('button')).toBeNull();
  });
});
