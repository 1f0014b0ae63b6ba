import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewComment } from '../../../api/review-types.ts';

interface Props {
  comments: ReviewComment[];
  /** The field picked on the form (null: none yet). */
  picked: string | null;
  /** Says a path in words (the field's label, row numbers). */
  label: (path: string) => string;
  onAdd: (c: ReviewComment) => void;
  onRemove: (index: number) => void;
  disabled?: boolean;
}

/** Comments pinned to fields: pick a field on the form, type, add; each can be removed before sending. */
export function CommentEditor({ comments, picked, label, onAdd, onRemove, disabled }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const add = () => {
    if (!picked || !text.trim()) return;
    onAdd({ path: picked, text: text.trim() });
    setText('');
  };
  return (
    <Card size="small" title={t('review.view.comments')} className="sf-side-card" data-testid="review-comments">
      {picked ? (
        <Space.Compact orientation="vertical" className="rv-comment-box">
          <Typography.Text strong data-testid="review-comment-path" data-path={picked}>
            {t('review.view.commentAt', { field: label(picked) || picked })}
          </Typography.Text>
          <Input.TextArea
            data-testid="review-comment-text"
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            value={text}
            disabled={disabled}
            placeholder={t('review.view.commentPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
          <Button size="small" data-testid="review-comment-add" disabled={disabled || !text.trim()} onClick={add}>
            {t('review.view.addComment')}
          </Button>
        </Space.Compact>
      ) : (
        <Typography.Text type="secondary">{t('review.view.commentsHint')}</Typography.Text>
      )}
      {comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.view.noComments')} />
      ) : (
        <ul className="plain-list rv-comments">
          {comments.map((c, i) => (
            <li key={`${c.path}-${i}`} data-testid="review-comment" data-path={c.path}>
              <Typography.Text type="secondary">{label(c.path) || c.path}</Typography.Text>
              <div className="rv-comment-text">
                {c.text}
                <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t('review.view.removeComment')} onClick={() => onRemove(i)} disabled={disabled} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
