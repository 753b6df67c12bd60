import * as React from 'react';
import { renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IntlProvider } from 'react-intl';

import type { EntryCoupon } from '../../../api/triggers';
import en from '../../../translations/en.json';
import { prefixPluginTranslations } from '../../../utils/prefixPluginTranslations';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { EntryCouponsPanel, type EntryPanelProps } from '../EntryCouponsPanel';

const mockGet = jest.fn();
const mockPost = jest.fn();
const mockToggle = jest.fn();
const mockQuery: { current: Record<string, unknown> } = { current: {} };
const mockRBAC = {
  allowedActions: { canRetry: true } as Record<string, boolean>,
  isLoading: false,
};

jest.mock('@strapi/strapi/admin', () => ({
  useFetchClient: () => ({ get: mockGet, post: mockPost }),
  useNotification: () => ({ toggleNotification: mockToggle }),
  useQueryParams: () => [{ query: mockQuery.current, rawQuery: '' }, jest.fn()],
  useRBAC: () => mockRBAC,
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

const wrapper = ({ children }: { children: React.ReactNode }) => (
  <IntlProvider locale="en" messages={prefixPluginTranslations(en)} defaultLocale="en">
    {children}
  </IntlProvider>
);

const answer = (data: EntryCoupon[], hasTriggers = true) => ({
  data: { data, meta: { hasTriggers } },
});

/** The panel's description, once the first answer is in (or at once for other types). */
const panelFor = async (panelProps: EntryPanelProps) => {
  const view = renderHook((p: EntryPanelProps) => EntryCouponsPanel(p), {
    initialProps: panelProps,
    wrapper,
  });
  if (panelProps.model.startsWith('api::')) {
    await waitFor(() => expect(mockGet).toHaveBeenCalled());
    await waitFor(() => undefined);
  }
  return view;
};

beforeEach(() => {
  mockGet.mockReset();
  mockPost.mockReset();
  mockToggle.mockReset();
  mockQuery.current = {};
  mockRBAC.allowedActions = { canRetry: true };
});

describe('EntryCouponsPanel', () => {
  it("is null for the plugin's and Strapi's own types, without asking the server", async () => {
    for (const model of [
      'plugin::clearon.campaign',
      'plugin::users-permissions.user',
      'admin::user',
    ]) {
      const { result } = await panelFor(props({ model }));
      expect(result.current).toBeNull();
    }
    expect(mockGet).not.toHaveBeenCalled();
  });

  it('is null for an entry not saved yet', async () => {
    const { result } = renderHook(() => EntryCouponsPanel(props({ documentId: undefined })), {
      wrapper,
    });
    expect(result.current).toBeNull();
    expect(mockGet).not.toHaveBeenCalled();
  });

  it('is null when no trigger names the type', async () => {
    mockGet.mockResolvedValue(answer([], false));
    const { result } = await panelFor(props());
    await waitFor(() => expect(result.current).toBeNull());
    expect(mockGet).toHaveBeenCalledWith(
      '/clearon/triggers/entry-coupons?uid=api%3A%3Asignup.signup&documentId=doc-1'
    );
  });

  it("asks for the document's locale from the edit view's query", async () => {
    mockQuery.current = { plugins: { i18n: { locale: 'sv' } } };
    mockGet.mockResolvedValue(answer([]));
    await panelFor(props());
    expect(mockGet).toHaveBeenCalledWith(
      '/clearon/triggers/entry-coupons?uid=api%3A%3Asignup.signup&documentId=doc-1&locale=sv'
    );
  });

  it('says when the entry has no coupon yet', async () => {
    mockGet.mockResolvedValue(answer([]));
    const { result } = await panelFor(props());
    await waitFor(() => expect(result.current?.title).toBe('ClearOn coupon'));
    renderWithProviders(<>{result.current?.content}</>);
    expect(screen.getByText(/This entry has no coupon yet/)).toBeInTheDocument();
  });

  it('shows the status, the masked recipient, the code and the redeem link', async () => {
    mockGet.mockResolvedValue(answer([coupon()]));
    const { result } = await panelFor(props());
    await waitFor(() => expect(result.current).not.toBeNull());
    renderWithProviders(<>{result.current?.content}</>);
    expect(screen.getByText('Issued')).toBeInTheDocument();
    expect(screen.getByText('Recipient: a***@example.se')).toBeInTheDocument();
    expect(screen.getByText('Code: ABC-123')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Open the redeem page/ })).toHaveAttribute(
      'href',
      'https://clearon.test/r/ABC-123'
    );
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('retries a failed coupon, with coupons.retry only', async () => {
    const failed = coupon({
      status: 'failed',
      code: null,
      redeemUrl: null,
      lastErrorCode: 'unknown_coupon',
    });
    mockGet.mockResolvedValue(answer([failed]));
    mockPost.mockResolvedValue({ data: { data: { retried: 1 } } });
    const { result } = await panelFor(props());
    await waitFor(() => expect(result.current).not.toBeNull());
    const view = renderWithProviders(<>{result.current?.content}</>);
    expect(
      screen.getByText('ClearOn does not know this coupon code: check it on the exit screen')
    ).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(mockPost).toHaveBeenCalledWith('/clearon/coupons/41/retry');
    await waitFor(() =>
      expect(mockToggle).toHaveBeenCalledWith({
        type: 'success',
        message: 'The coupon is back in the queue',
      })
    );
    view.unmount();

    mockRBAC.allowedActions = { canRetry: false };
    renderWithProviders(<>{result.current?.content}</>);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
