import { ClearOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { CATALOGUE } from '../../../../../src/domains/survey/forms/index.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useLiveVerdict } from '../hooks/use-live-verdict.ts';
import { EXAMPLE_CODES, EXAMPLE_SOURCE, exampleFills } from '../utils/example-fills.ts';
import { emptyFill, fillReducer, initialFillState } from '../utils/fill-state.ts';
import { FillWorkspace } from './fill-workspace.tsx';
import { FormTabs } from './form-tabs.tsx';

const names = new Map(CATALOGUE.map((e) => [e.code, e.name]));

/**
 * 表单练习: the example enterprise's forms with the live checks and no saving — for training,
 * and a page that needs no server data.
 */
export function PracticePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const code = useParams().form ?? EXAMPLE_CODES[0];
  const [state, dispatch] = useReducer(fillReducer, undefined, () => initialFillState(exampleFills()));
  const verdict = useLiveVerdict(EXAMPLE_SOURCE, state.forms, false);
  const open = (c: string) => navigate(`/survey/try/${c}`);
  const known = EXAMPLE_CODES.includes(code);
  const name = names.get(code);

  return (
    <div className="page" data-testid="survey-practice">
      <Card
        size="small"
        title={t('survey.practiceTitle')}
        extra={
          <Space>
            <Button size="small" icon={<ClearOutlined />} disabled={!known} data-testid="practice-clear" onClick={() => dispatch({ type: 'load', fill: emptyFill(code, state.forms[code].version) })}>
              {t('survey.practiceClear')}
            </Button>
            <Button size="small" icon={<UndoOutlined />} data-testid="practice-reset" onClick={() => dispatch({ type: 'reset', fills: exampleFills() })}>
              {t('survey.practiceReset')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" className="sf-intro">
          {t('survey.practiceHint')} {t('survey.exampleSource')}
        </Typography.Paragraph>
        <FormTabs codes={EXAMPLE_CODES} current={code} onChange={open} verdict={verdict} />
        {!known ? (
          <Alert type="warning" showIcon title={t('survey.notFillable', { reason: code })} />
        ) : (
          <FillWorkspace
            code={code}
            state={state}
            dispatch={dispatch}
            verdict={verdict}
            onOpenForm={open}
            toolbar={name && <Typography.Title level={5} className="sf-title">{code} {lang === 'en' ? name.en : name.zh}</Typography.Title>}
          />
        )}
      </Card>
    </div>
  );
}
