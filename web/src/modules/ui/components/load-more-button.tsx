import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  shown: number;
  testId: string;
}

/** The foot of a keyset-paged table: "load more" while the server has a next cursor. */
export function LoadMoreButton({ hasNextPage, isFetchingNextPage, fetchNextPage, shown, testId }: Props) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      <Typography.Text type="secondary">{t('common.count', { count: shown })}</Typography.Text>
      {hasNextPage ? (
        <Button data-testid={testId} loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      ) : (
        shown > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </div>
  );
}
