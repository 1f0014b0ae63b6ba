import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../api/client.ts';
import type { Issue } from '../../../../../src/domains/survey/engine/index.ts';
import { explanationKey } from '../utils/answer-paths.ts';

interface Props {
  issues: readonly Issue[];
  /** The form on screen: its issues come first; the others are listed under their form. */
  current: string;
  lang: Lang;
  /** A click on an issue: open its form if need be, then focus its field. */
  onOpen: (issue: Issue) => void;
  /** A label for a form's path ('boilers[1].capacity' → 锅炉/燃气轮机 第 2 行 额定出力). */
  describe: (issue: Issue) => string;
}

/** Every issue of the set, in a side list; a click goes to the field. */
export function IssueList({ issues, current, lang, onOpen, describe }: Props) {
  const { t } = useTranslation();
  const mine = issues.filter((i) => i.form === current);
  const others = issues.filter((i) => i.form !== current);
  const item = (i: Issue) => {
    const key = explanationKey(i);
    const explained = i.severity === 'warning' && !!i.explanation;
    return (
      <li key={`${i.form}|${key}`}>
        <button
          type="button"
          className={`sf-list-issue sf-note-${i.severity}`}
          data-testid="sf-list-issue"
          data-key={key}
          data-form={i.form}
          data-severity={i.severity}
          onClick={() => onOpen(i)}
        >
          {i.severity === 'blocking' ? <CloseCircleFilled /> : explained ? <CheckCircleFilled /> : <ExclamationCircleFilled />}
          <span>
            <span className="sf-list-where">{describe(i) || t('survey.wholeForm')}</span>
            {lang === 'en' ? i.message.en : i.message.zh}
          </span>
        </button>
      </li>
    );
  };
  return (
    <Card size="small" title={t('survey.issues')} className="sf-side-card" data-testid="sf-issue-list">
      {issues.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('survey.noIssues')} />
      ) : (
        <>
          <ul className="plain-list sf-list">{mine.map(item)}</ul>
          {others.length > 0 && (
            <>
              <Typography.Text type="secondary" className="sf-list-head">{t('survey.otherForms')}</Typography.Text>
              <ul className="plain-list sf-list">{others.map(item)}</ul>
            </>
          )}
        </>
      )}
    </Card>
  );
}
