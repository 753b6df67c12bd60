import { Dots, NextLink, PageLink, Pagination, PreviousLink } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';

import { messages } from './messages';

export interface CouponsPaginationProps {
  page: number;
  pageCount: number;
  /** The URL query (`?…`) that shows `page`. */
  searchFor: (page: number) => string;
}

type Item = number | 'start-ellipsis' | 'end-ellipsis';

/** First, last, current and its neighbours; gaps become an ellipsis (as Strapi's list views). */
export const pageItems = (page: number, pageCount: number): Item[] => {
  if (pageCount <= 7) return Array.from({ length: pageCount }, (_, i) => i + 1);
  const start = Math.max(2, Math.min(page - 1, pageCount - 4));
  const end = Math.min(pageCount - 1, Math.max(page + 1, 5));
  const middle = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  return [
    1,
    // An ellipsis hides at least two pages; a single missing page is shown instead.
    ...(start > 3 ? (['start-ellipsis'] as const) : start === 3 ? [2] : []),
    ...middle,
    ...(end < pageCount - 2 ? (['end-ellipsis'] as const) : end === pageCount - 2 ? [end + 1] : []),
    pageCount,
  ];
};

export const CouponsPagination = ({ page, pageCount, searchFor }: CouponsPaginationProps) => {
  const { formatMessage } = useIntl();
  if (pageCount <= 1) return null;

  return (
    <Pagination activePage={page} pageCount={pageCount}>
      <PreviousLink tag={Link} to={{ search: searchFor(page - 1) }}>
        {formatMessage(messages.paginationPrevious)}
      </PreviousLink>
      {pageItems(page, pageCount).map((item) =>
        typeof item === 'number' ? (
          <PageLink key={item} tag={Link} number={item} to={{ search: searchFor(item) }}>
            {formatMessage(messages.paginationPage, { page: item })}
          </PageLink>
        ) : (
          <Dots key={item} />
        )
      )}
      <NextLink tag={Link} to={{ search: searchFor(page + 1) }}>
        {formatMessage(messages.paginationNext)}
      </NextLink>
    </Pagination>
  );
};
