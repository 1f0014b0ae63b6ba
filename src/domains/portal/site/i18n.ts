// The site's words in both languages, and its addresses: Chinese at /, English under /en/.
import type { PortalLang, PortalSection } from '../../../core/db/schema-portal.ts';

export const SECTIONS: PortalSection[] = ['news', 'notices', 'briefings', 'results'];
export const LANGS: PortalLang[] = ['zh', 'en'];

export const T = {
  zh: {
    site: '第二次全国污染源普查', home: '首页', skip: '跳到正文', nav: '栏目导航', search: '搜索', searchLabel: '搜索文章',
    colon: '：', searchTitle: '站内搜索', results: (n: number) => `共找到 ${n} 篇`, noResults: '没有找到相关文章。', enterQuery: '请输入要搜索的词语。',
    sections: { news: '新闻资讯', notices: '通知公告', briefings: '工作简报', results: '普查成果' } as Record<PortalSection, string>,
    more: '更多', links: '相关链接', sitemap: '网站地图', feed: '订阅（Atom）', langName: 'English', otherLang: 'en' as PortalLang,
    published: '发布时间', publisher: '发布单位', source: '来源', views: '浏览次数', font: '字号', fontL: '大', fontM: '中', fontS: '小',
    print: '打印本页', prev: '上一篇', next: '下一篇', paging: '分页', page: (n: number, of: number) => `第 ${n} / ${of} 页`, prevPage: '上一页', nextPage: '下一页',
    empty: '暂无内容。', notFound: '页面不存在', notFoundText: '您访问的页面不存在或已下线。', back: '返回首页',
    footer: '国务院第二次全国污染源普查领导小组办公室', breadcrumb: '当前位置', printUrl: '本页地址',
    data: { title: '数据', byCategory: '按源类别', byRegion: '按地区', total: '合计', category: '源类别', region: '地区', unit: '单位：吨', asOf: '数据截至', download: '下载数据', provisional: '初步数据：含尚在审核中的数据，以最终公报为准。', chart: (p: string) => `${p}排放量（吨）` },
  },
  en: {
    site: 'Second National Pollution Source Census', home: 'Home', skip: 'Skip to content', nav: 'Sections', search: 'Search', searchLabel: 'Search articles',
    colon: ': ', searchTitle: 'Search', results: (n: number) => `${n} found`, noResults: 'Nothing found.', enterQuery: 'Enter the words to search for.',
    sections: { news: 'News', notices: 'Notices', briefings: 'Briefings', results: 'Results' } as Record<PortalSection, string>,
    more: 'More', links: 'Related links', sitemap: 'Site map', feed: 'Feed (Atom)', langName: '中文', otherLang: 'zh' as PortalLang,
    published: 'Published', publisher: 'Publisher', source: 'Source', views: 'Views', font: 'Text size', fontL: 'Large', fontM: 'Medium', fontS: 'Small',
    print: 'Print this page', prev: 'Previous', next: 'Next', paging: 'Pages', page: (n: number, of: number) => `Page ${n} of ${of}`, prevPage: 'Previous page', nextPage: 'Next page',
    empty: 'Nothing here yet.', notFound: 'Page not found', notFoundText: 'The page you asked for does not exist or is no longer published.', back: 'Back to the home page',
    footer: 'Office of the State Council Leading Group for the Second National Pollution Source Census', breadcrumb: 'You are here', printUrl: 'Address of this page',
    data: { title: 'Figures', byCategory: 'By source category', byRegion: 'By region', total: 'Total', category: 'Source category', region: 'Region', unit: 'Unit: tonnes', asOf: 'Figures as of', download: 'Download the data', provisional: 'Provisional: includes figures still in review; the final bulletin prevails.', chart: (p: string) => `${p} emitted (tonnes)` },
  },
};

export const prefix = (lang: PortalLang) => (lang === 'en' ? '/en' : '');
export const homePath = (lang: PortalLang) => (lang === 'en' ? '/en/' : '/');
export const sectionPath = (lang: PortalLang, s: PortalSection) => `${prefix(lang)}/${s}/`;
export const articlePath = (lang: PortalLang, s: PortalSection, slug: string) => `${prefix(lang)}/${s}/${slug}`;
export const searchPath = (lang: PortalLang) => `${prefix(lang)}/search`;

const FORMAT = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
};
const DAY = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }),
  en: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }),
};

/** Publish times are shown in Beijing time, the census's clock. */
export const dateTime = (lang: PortalLang, d: Date) => FORMAT[lang].format(d);
export const day = (lang: PortalLang, d: Date) => DAY[lang].format(d).replace(/\//g, '-');
