import { CommentOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FORMS } from '../../../../../src/domains/survey/forms/index.ts';
import { pathLabel } from '../../survey/utils/path-label.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import type { ReturnedReview } from '../types.ts';

interface Props {
  form: string;
  version: number;
  review: ReturnedReview;
}

/** 退回: who sent the form back, when and why, every comment (also pinned at its field) and what may change. */
export function ReturnedBanner({ form, version, review }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const def = FORMS.find((f) => f.code === form && f.version === version);
  const label = (path: string) => pathLabel(def, path, lang) || path;
  const level = review.returnedFrom ? t(`review.levels.${review.returnedFrom}`) : '—';
  const at = review.at ? new Date(review.at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') : '—';
  return (
    <Alert
      className="block-gap"
      type="error"
      showIcon
      data-testid="fs-returned"
      data-level={review.returnedFrom ?? ''}
      title={t('field.survey.returned.title', { level })}
      description={
        <div className="fs-returned">
          <div data-testid="fs-returned-by">{t('field.survey.returned.by', { by: review.by ?? '—', at })}</div>
          {review.reason && <div data-testid="fs-returned-reason">{t('field.survey.returned.reason', { reason: review.reason })}</div>}
          {review.comments.length > 0 && (
            <ul className="plain-list">
              {review.comments.map((c, i) => (
                <li key={`${c.path}-${i}`} data-testid="fs-returned-comment" data-path={c.path}>
                  <Typography.Text type="secondary">{label(c.path)}</Typography.Text>：{c.text}
                </li>
              ))}
            </ul>
          )}
          {review.openPaths && <div data-testid="fs-returned-open">{t('field.survey.returned.open', { fields: review.openPaths.map(label).join('、') })}</div>}
          <Typography.Text type="secondary">{t('field.survey.returned.resubmit', { level })}</Typography.Text>
        </div>
      }
    />
  );
}

/** The reviewer's comments on one field, under its control. */
export function FieldComments({ path, texts }: { path: string; texts: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="fs-comment" data-testid={`fs-comment-${path}`}>
      {texts.map((text, i) => (
        <div key={i}>
          <CommentOutlined /> {t('field.survey.returned.comment', { text })}
        </div>
      ))}
    </div>
  );
}
