import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';

import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { fetchError, state } from '../../../../test-utils/strapiAdminMock';
import { CampaignToolsPanelContent } from '../CampaignToolsPanel';
import { PREVIEW } from './previewFixtures';

jest.mock(
  '@strapi/strapi/admin',
  () => jest.requireActual('../../../../test-utils/strapiAdminMock').strapiAdmin
);

const PREVIEW_URL = '/clearon/campaigns/doc-1/preview?status=draft';
const SEND_URL = '/clearon/campaigns/doc-1/test-coupon';

const renderPanel = (documentId?: string) =>
  renderWithProviders(
    <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <CampaignToolsPanelContent documentId={documentId} version="draft" />
    </MemoryRouter>
  );

/** Opens the modal and types the email address; resolves with the modal. */
const openAndFill = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(screen.getByRole('button', { name: 'Send a test coupon' }));
  const dialog = await screen.findByRole('dialog', { name: 'Send a test coupon' });
  const email = await within(dialog).findByRole('textbox', { name: /Email address/ });
  await user.type(email, 'alex@example.se');
  return dialog;
};

beforeEach(() => {
  jest.clearAllMocks();
  state.allowedActions = { canTest: true };
  state.client.get.mockResolvedValue({ data: { data: PREVIEW } });
});

describe('CampaignToolsPanelContent', () => {
  it('asks to save a new campaign first', () => {
    renderPanel(undefined);
    expect(
      screen.getByText('Save the campaign to preview it and send a test coupon.')
    ).toBeInTheDocument();
  });

  it('links to the preview and has no test coupon without coupons.test', () => {
    state.allowedActions = { canTest: false };
    renderPanel('doc-1');
    expect(screen.getByRole('link', { name: /Preview/ })).toHaveAttribute(
      'href',
      '/plugins/clearon/preview/doc-1?status=draft'
    );
    expect(screen.queryByRole('button', { name: 'Send a test coupon' })).toBeNull();
    expect(state.client.get).not.toHaveBeenCalled();
  });

  it("loads the saved campaign's exit screens on opening, sends, and shows ClearOn's answer", async () => {
    const user = userEvent.setup();
    state.client.post.mockResolvedValue({
      data: { data: { status: 'issued', message: 'ClearOn issued a test coupon.' } },
    });
    renderPanel('doc-1');
    expect(state.client.get).not.toHaveBeenCalled();
    const dialog = await openAndFill(user);
    expect(state.client.get.mock.calls.map(([url]) => url)).toEqual([PREVIEW_URL]);
    expect(within(dialog).getByRole('combobox', { name: /Exit screen/ })).toHaveTextContent(
      'Thanks Alex & co: SUMMER10 (Button)'
    );

    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(state.client.post.mock.calls.map(([url, body]) => [url, body])).toEqual([
      [SEND_URL, { exitScreenIndex: 1, email: 'alex@example.se', status: 'draft' }],
    ]);
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Coupon issued');
  });

  it('marks the field the server refused', async () => {
    const user = userEvent.setup();
    state.client.post.mockRejectedValue(
      fetchError(400, 'email must be a valid email address', {
        errors: [{ path: ['email'], message: 'email must be a valid email address' }],
      })
    );
    renderPanel('doc-1');
    const dialog = await openAndFill(user);
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(within(dialog).getByText('Enter a valid email address')).toBeInTheDocument()
    );
  });

  it('says when the campaign cannot be loaded', async () => {
    state.client.get.mockRejectedValue(fetchError(500, 'Internal Server Error'));
    renderPanel('doc-1');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send a test coupon' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send a test coupon' });
    expect(
      await within(dialog).findByText('The campaign could not be loaded.')
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Send' })).toBeDisabled();
  });
});
