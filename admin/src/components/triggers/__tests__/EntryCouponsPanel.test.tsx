import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { EntryCoupon } from '../../../services/triggers';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { fetchError, state } from '../../../../test-utils/strapiAdminMock';
import { EntryCouponsPanel, type EntryPanelProps } from '../EntryCouponsPanel';

const mockQuery: { current: Record<string, unknown> } = { current: {} };

// The shared admin stand-in, plus the edit view's query (the document's locale).
jest.mock('@strapi/strapi/admin', () => ({
  ...jest.requireActual('../../../../test-utils/strapiAdminMock').strapiAdmin,
  useQueryParams: () => [{ query: mockQuery.current, rawQuery: '' }, jest.fn()],
}));

const coupon = (overrides: Partial<EntryCoupon> = {}): EntryCoupon => ({
  id: 41,
  trigger: 'signup-coupon',
  triggerName: 'Sign-up coupon',
  locale: '',
  status: 'issued',
  recipient: 'a***@example.se',
  delivery: 'button',
  code: 'ABC-123',
  redeemUrl: 'https://clearon.test/r/ABC-123',
  lastErrorCode: null,
  createdAt: '2030-06-01T10:00:00.000Z',
  ...overrides,
});

const props = (overrides: Partial<EntryPanelProps> = {}): EntryPanelProps => ({
  model: 'api::signup.signup',
  documentId: 'doc-1',
  activeTab: null,
  collectionType: 'collection-types',
  ...overrides,
});

/** What the Content Manager does with the panel: its title over its content, or nothing. */
const Panel = (panelProps: EntryPanelProps) => {
  const panel = EntryCouponsPanel(panelProps);
  if (!panel) return <p>No panel</p>;
  return (
    <section aria-label={panel.title}>
      <h2>{panel.title}</h2>
      {panel.content}
    </section>
  );
};

const answer = (data: EntryCoupon[], hasTriggers = true) => ({
  data: { data, meta: { hasTriggers } },
});

const URL_OF_DOC_1 = '/clearon/triggers/entry-coupons?uid=api%3A%3Asignup.signup&documentId=doc-1';
const requested = () => state.client.get.mock.calls.map(([url]) => url);

/** The panel once the server answered (or at once when it asks nothing). */
const renderPanel = async (panelProps: EntryPanelProps = props()) => {
  renderWithProviders(<Panel {...panelProps} />);
  if (panelProps.model.startsWith('api::') && panelProps.documentId) {
    await waitFor(() => expect(state.client.get).toHaveBeenCalled());
  }
  return screen.findByRole('region', { name: 'ClearOn coupon' });
};

beforeEach(() => {
  jest.clearAllMocks();
  mockQuery.current = {};
  state.allowedActions = { canRetry: true };
});

describe('EntryCouponsPanel', () => {
  it("is null for the plugin's and Strapi's own types, without asking the server", () => {
    for (const model of [
      'plugin::clearon.campaign',
      'plugin::users-permissions.user',
      'admin::user',
    ]) {
      const view = renderWithProviders(<Panel {...props({ model })} />);
      expect(screen.getByText('No panel')).toBeInTheDocument();
      view.unmount();
    }
    expect(state.client.get).not.toHaveBeenCalled();
  });

  it('is null for an entry not saved yet', () => {
    renderWithProviders(<Panel {...props({ documentId: undefined })} />);
    expect(screen.getByText('No panel')).toBeInTheDocument();
    expect(state.client.get).not.toHaveBeenCalled();
  });

  it('is null when no trigger names the type', async () => {
    state.client.get.mockResolvedValue(answer([], false));
    renderWithProviders(<Panel {...props()} />);
    await waitFor(() => expect(requested()).toEqual([URL_OF_DOC_1]));
    expect(screen.getByText('No panel')).toBeInTheDocument();
  });

  it("asks for the document's locale from the edit view's query", async () => {
    mockQuery.current = { plugins: { i18n: { locale: 'sv' } } };
    state.client.get.mockResolvedValue(answer([]));
    await renderPanel();
    expect(requested()).toEqual([`${URL_OF_DOC_1}&locale=sv`]);
  });

  it('says when the entry has no coupon yet', async () => {
    state.client.get.mockResolvedValue(answer([]));
    await renderPanel();
    expect(screen.getByText(/This entry has no coupon yet/)).toBeInTheDocument();
  });

  it('shows the status, the masked recipient, the code and the redeem link', async () => {
    state.client.get.mockResolvedValue(answer([coupon()]));
    await renderPanel();
    expect(screen.getByText('Issued')).toBeInTheDocument();
    expect(screen.getByText('Recipient: a***@example.se')).toBeInTheDocument();
    expect(screen.getByText('Code: ABC-123')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Open the redeem page/ })).toHaveAttribute(
      'href',
      'https://clearon.test/r/ABC-123'
    );
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('retries a failed coupon, then shows it again as the server has it', async () => {
    const failed = coupon({
      status: 'failed',
      code: null,
      redeemUrl: null,
      lastErrorCode: 'unknown_coupon',
    });
    state.client.get.mockResolvedValue(answer([failed]));
    state.client.post.mockResolvedValue({ data: { data: { retried: 1 } } });
    await renderPanel();
    expect(
      screen.getByText('ClearOn does not know this coupon code: check it on the exit screen')
    ).toBeInTheDocument();

    state.client.get.mockResolvedValue(answer([{ ...failed, status: 'pending' }]));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(state.client.post.mock.calls.map(([url]) => url)).toEqual(['/clearon/coupons/41/retry']);
    await waitFor(() =>
      expect(state.toggleNotification).toHaveBeenCalledWith({
        type: 'success',
        message: 'The coupon is back in the queue',
      })
    );
    expect(await screen.findByText('Pending')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('has no Retry without coupons.retry', async () => {
    state.allowedActions = { canRetry: false };
    state.client.get.mockResolvedValue(answer([coupon({ status: 'failed' })]));
    await renderPanel();
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
  it('asks again when the entry is saved, and after an error on Try again', async () => {
    state.client.get.mockRejectedValueOnce(fetchError(500, 'Internal Server Error'));
    const view = renderWithProviders(<Panel {...props()} />);
    expect(await screen.findByText('The coupon could not be loaded.')).toBeInTheDocument();

    state.client.get.mockResolvedValue(answer([]));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/This entry has no coupon yet/)).toBeInTheDocument();

    state.client.get.mockResolvedValue(answer([coupon()]));
    view.rerender(<Panel {...props({ document: { updatedAt: '2030-06-02T00:00:00.000Z' } })} />);
    expect(await screen.findByText('Code: ABC-123')).toBeInTheDocument();
    expect(requested()).toEqual([URL_OF_DOC_1, URL_OF_DOC_1, URL_OF_DOC_1]);
  });

  it('is null when the admin may not read coupons', async () => {
    state.client.get.mockRejectedValue(fetchError(403, 'Forbidden'));
    renderWithProviders(<Panel {...props()} />);
    await waitFor(() => expect(state.client.get).toHaveBeenCalled());
    expect(await screen.findByText('No panel')).toBeInTheDocument();
  });
});
