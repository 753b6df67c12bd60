import { screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';

import { PREVIEW } from '../../../components/campaign-tools/__tests__/previewFixtures';
import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { fetchError, state } from '../../../../test-utils/strapiAdminMock';
import { PreviewPage } from '../PreviewPage';

// The shared admin stand-in, plus the pages Strapi shows for a refusal and an error.
jest.mock('@strapi/strapi/admin', () => {
  const { strapiAdmin } = jest.requireActual('../../../../test-utils/strapiAdminMock');
  return {
    ...strapiAdmin,
    Page: {
      ...strapiAdmin.Page,
      NoPermissions: () => <p>No permissions</p>,
      Error: ({ content }: { content: string }) => <p>Error: {content}</p>,
    },
  };
});

const renderPage = (path: string) =>
  renderWithProviders(
    <MemoryRouter
      initialEntries={[path]}
      future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
    >
      <Routes>
        <Route path="/plugins/clearon/preview/:documentId" element={<PreviewPage />} />
      </Routes>
    </MemoryRouter>
  );

beforeEach(() => jest.clearAllMocks());

describe('PreviewPage', () => {
  it('loads the version in the URL and shows the form and the exit screens', async () => {
    state.client.get.mockResolvedValue({ data: { data: { ...PREVIEW, status: 'published' } } });
    renderPage('/plugins/clearon/preview/doc-1?status=published');
    expect(screen.getByText('Loading')).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Preview: Summer game' })
    ).toBeInTheDocument();
    expect(state.client.get.mock.calls.map(([url]) => url)).toEqual([
      '/clearon/campaigns/doc-1/preview?status=published',
    ]);
    const screens = screen.getByRole('region', { name: 'Exit screens' });
    expect(within(screens).getAllByRole('article')).toHaveLength(3);
    expect(screen.getByRole('region', { name: 'Form' })).toHaveTextContent('Your email');
  });

  it('says when the user may not preview, and when the campaign does not exist', async () => {
    state.client.get.mockRejectedValueOnce(fetchError(403, 'Forbidden'));
    const { unmount } = renderPage('/plugins/clearon/preview/doc-1');
    expect(await screen.findByText('No permissions')).toBeInTheDocument();
    unmount();

    state.client.get.mockRejectedValueOnce(fetchError(404, 'Not Found'));
    renderPage('/plugins/clearon/preview/doc-2');
    expect(
      await screen.findByText('Error: This campaign (or this version of it) does not exist.')
    ).toBeInTheDocument();
  });
});
