import { Alert, Button, Card, Result, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useArticle, useArticleStep, useCreateArticle, type NewArticle } from '../hooks/use-portal.ts';
import { allowed, FIELD_OF_ERROR, SECTIONS, SLUG, type Article, type ArticleFields, type Section } from '../utils/portal-api.ts';
import { ArticleFieldsForm, type FieldErrors } from './article-fields.tsx';
import { ArticleHeader, ArticleMeta } from './article-header.tsx';
import { BodyEditor } from './body-editor.tsx';
import './portal.css';

const EMPTY: ArticleFields = { section: 'news', slug: '', lang: 'zh', title: '', summary: '', publisher: '', source: '', format: 'markdown', body: '', coverImage: null };

const fieldsOf = (a: Article): ArticleFields => ({
  section: a.section, slug: a.slug, lang: a.lang, title: a.title, summary: a.summary ?? '', publisher: a.publisher ?? '', source: a.source ?? '',
  format: a.format, body: a.body, coverImage: a.coverImage, datasetId: a.datasetId ?? undefined,
});
const EDITABLE: (keyof ArticleFields)[] = ['slug', 'title', 'summary', 'publisher', 'source', 'format', 'body', 'coverImage'];
const same = (x: ArticleFields, y: ArticleFields) => EDITABLE.every((k) => x[k] === y[k]);

/** The errors a save can show: beside their field when the code names one, else as a toast. */
function useSaveErrors() {
  const lang = useLang();
  const notify = useNotify();
  const [errors, setErrors] = useState<FieldErrors>({});
  const fail = (e: unknown) => {
    const field = isApiError(e) ? FIELD_OF_ERROR[e.code] : undefined;
    if (field && isApiError(e)) setErrors({ [field]: e.textIn(lang) });
    else notify.error(e);
  };
  return { errors, setErrors, fail };
}

/** The client's own checks, said in the user's language, before anything is sent. */
function useCheck() {
  const { t } = useTranslation();
  return (f: ArticleFields, withSlug: boolean): FieldErrors => {
    const e: FieldErrors = {};
    if (!f.title.trim()) e.title = t('portal.editor.required', { field: t('portal.editor.titleField') });
    if (withSlug && !SLUG.test(f.slug)) e.slug = f.slug ? t('portal.editor.slugInvalid') : t('portal.editor.required', { field: t('portal.editor.slug') });
    if (f.section === 'results' && withSlug && !f.datasetId) e.datasetId = t('portal.editor.required', { field: t('portal.editor.dataset') });
    return e;
  };
}

/** /portal/new and /portal/articles/:id — the article editor. */
export function ArticleEditorPage() {
  const { id } = useParams();
  const n = Number(id ?? 0);
  return n > 0 ? <ExistingArticle key={n} id={n} /> : <NewArticlePage />;
}

function NewArticlePage() {
  const [params] = useSearchParams();
  const translationOf = Number(params.get('translationOf') ?? 0);
  const original = useArticle(translationOf);
  if (translationOf > 0) {
    if (original.error) return <div className="page"><QueryErrorAlert error={original.error} onRetry={() => original.refetch()} /></div>;
    if (!original.data) return <Spin />;
  }
  const section = SECTIONS.find((s) => s === params.get('section')) as Section | undefined;
  const datasetId = Number(params.get('datasetId') ?? 0) || undefined;
  const o = original.data;
  const initial: ArticleFields = o
    ? { ...EMPTY, section: o.section, slug: o.slug, lang: o.lang === 'zh' ? 'en' : 'zh', format: o.format, coverImage: o.coverImage, datasetId: o.datasetId ?? undefined }
    : { ...EMPTY, section: section ?? 'news', datasetId, title: params.get('title') ?? '' };
  return <NewArticle initial={initial} original={o} />;
}

function NewArticle({ initial, original }: { initial: ArticleFields; original?: Article }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const create = useCreateArticle();
  const check = useCheck();
  const { errors, setErrors, fail } = useSaveErrors();
  const [f, setF] = useState(initial);
  const save = () => {
    const e = check(f, !original);
    setErrors(e);
    if (Object.keys(e).length) return;
    const common = { lang: f.lang, title: f.title, summary: f.summary, publisher: f.publisher, source: f.source, format: f.format, body: f.body, coverImage: f.coverImage ?? undefined };
    const body: NewArticle = original ? { ...common, translationOf: original.id } : { ...common, section: f.section, slug: f.slug, datasetId: f.section === 'results' ? f.datasetId : undefined };
    create.mutate(body, {
      onSuccess: (a) => { notify.success(t('portal.editor.created')); navigate(`/portal/articles/${a.id}`, { replace: true }); },
      onError: fail,
    });
  };
  const title = original ? t('portal.editor.translationTitle', { lang: t(`portal.langs.${f.lang}`) }) : t('portal.editor.newTitle');
  return (
    <div className="page" data-testid="portal-editor" data-mode="new">
      <Card size="small" title={title} extra={<Link to="/portal">{t('portal.editor.back')}</Link>}>
        {original && (
          <Alert type="info" showIcon className="block-gap" data-testid="portal-translation-of"
            title={t('portal.editor.translationOf', { title: original.title, lang: t(`portal.langs.${f.lang}`) })} />
        )}
        <ArticleFieldsForm value={f} onChange={(p) => setF((x) => ({ ...x, ...p }))} errors={errors} disabled={false} fresh slugLocked={!!original} langLocked={!!original} />
        <BodyEditor format={f.format} value={f.body} onChange={(body) => setF((x) => ({ ...x, body }))} error={errors.body} />
        <Space className="block-gap">
          <Button type="primary" data-testid="portal-save" loading={create.isPending} onClick={save}>{t('portal.editor.save')}</Button>
        </Space>
      </Card>
    </div>
  );
}

function ExistingArticle({ id }: { id: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const article = useArticle(id);
  const step = useArticleStep(id);
  const check = useCheck();
  const { errors, setErrors, fail } = useSaveErrors();
  // The server state the form started from: its version goes with the save, so another's change is refused, not overwritten.
  const [base, setBase] = useState<Article | null>(null);
  const [f, setF] = useState<ArticleFields>(EMPTY);
  const [conflict, setConflict] = useState(false);
  const dirty = !!base && !same(f, fieldsOf(base));
  const adopt = (a: Article) => { setBase(a); setF(fieldsOf(a)); setErrors({}); };

  // A newer state from the server (a workflow step, a refetch) replaces the form unless it holds unsaved edits.
  const data = article.data;
  useEffect(() => {
    if (data && (!base || (data.version !== base.version && !dirty))) adopt(data);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  if (article.error) return <div className="page"><QueryErrorAlert error={article.error} onRetry={() => article.refetch()} /></div>;
  if (!data || !base) return <Spin />;

  const editable = allowed('edit', base.status);
  /** Saves unsaved edits; answers the version now on the server (null when the save failed). */
  const save = async (): Promise<number | null> => {
    if (!dirty) return base.version;
    const e = check(f, f.slug !== base.slug);
    setErrors(e);
    if (Object.keys(e).length) return null;
    const body: Partial<ArticleFields> & { version: number } = {
      version: base.version, title: f.title, summary: f.summary, publisher: f.publisher, source: f.source, format: f.format, body: f.body, coverImage: f.coverImage,
      ...(f.slug !== base.slug ? { slug: f.slug } : {}),
    };
    try {
      const a = await step.mutateAsync({ action: 'edit', body });
      adopt(a);
      setConflict(false);
      notify.success(t('portal.editor.saved'));
      return a.version;
    } catch (err) {
      if (isApiError(err, 'VERSION_CONFLICT')) {
        // Someone saved first: show their version; the user makes the edits again on top of it.
        setConflict(true);
        const fresh = await article.refetch();
        if (fresh.data) adopt(fresh.data);
      } else fail(err);
      return null;
    }
  };

  return (
    <div className="page" data-testid="portal-editor" data-mode="edit" data-id={base.id} data-status={base.status} data-version={base.version}>
      <Card size="small" title={<ArticleHeader article={base} dirty={dirty} />} extra={<Link to="/portal">{t('portal.editor.back')}</Link>}>
        {conflict && <Alert type="warning" showIcon closable className="block-gap" data-testid="portal-conflict" title={t('portal.editor.conflict')} onClose={() => setConflict(false)} />}
        <ArticleMeta article={base} prepare={save} />
        {!editable && <Alert type="info" showIcon className="block-gap" data-testid="portal-not-editable" title={t('portal.editor.notEditable', { status: t(`portal.statuses.${base.status}`) })} />}
        <ArticleFieldsForm value={f} onChange={(p) => setF((x) => ({ ...x, ...p }))} errors={errors} disabled={!editable} fresh={false}
          slugLocked={!editable || base.status === 'unpublished' || !!base.publishedAt} langLocked />
        <BodyEditor format={f.format} value={f.body} onChange={(body) => setF((x) => ({ ...x, body }))} disabled={!editable} error={errors.body} />
        <Space className="block-gap" wrap>
          {editable && <Button type="primary" data-testid="portal-save" disabled={!dirty} loading={step.isPending && step.variables?.action === 'edit'} onClick={() => void save()}>{t('portal.editor.save')}</Button>}
        </Space>
      </Card>
    </div>
  );
}
