import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Spin, Tag, Tree, type TreeDataNode } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region, RegionChild } from '../../../api/types.ts';
import { useRegion } from '../hooks/use-region.ts';
import { fetchChildren, fetchRegion, REGION_STALE_MS as STALE, regionKeys } from '../utils/regions-api.ts';

interface Props {
  /** The top of the tree: the user's own region (their scope). */
  rootCode: string;
  selected?: string;
  onSelect: (code: string) => void;
}

type TreeRegion = Pick<Region, 'code' | 'name' | 'pilot'> & { hasChildren: boolean };

/**
 * The region hierarchy, read one level at a time. Children live in the query
 * cache (so a pilot toggle elsewhere shows here); `requested` lists the nodes
 * whose children have been asked for.
 */
export function RegionTree({ rootCode, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const root = useRegion(rootCode);
  const [requested, setRequested] = useState<string[]>([rootCode]);
  const [expanded, setExpanded] = useState<string[]>([rootCode]);

  const results = useQueries({
    queries: requested.map((code) => ({ queryKey: regionKeys.children(code), queryFn: () => fetchChildren(code), staleTime: STALE })),
  });
  const childrenOf = new Map<string, RegionChild[] | undefined>(requested.map((code, i) => [code, results[i]?.data]));

  const load = useCallback(
    async (code: string) => {
      await qc.fetchQuery({ queryKey: regionKeys.children(code), queryFn: () => fetchChildren(code), staleTime: STALE });
      setRequested((prev) => (prev.includes(code) ? prev : [...prev, code]));
    },
    [qc],
  );

  // Whatever is selected (from the tree, the search or a link) is made visible
  // and opened: it and every ancestor up to the root get loaded and expanded.
  useEffect(() => {
    if (!selected) return;
    let live = true;
    (async () => {
      const detail = await qc.fetchQuery({ queryKey: regionKeys.one(selected), queryFn: () => fetchRegion(selected), staleTime: STALE });
      const codes = detail.path.map((p) => p.code);
      const from = codes.indexOf(rootCode);
      if (from < 0) return;
      const open = codes.slice(from);
      for (const code of open) await load(code);
      if (live) setExpanded((prev) => [...new Set([...prev, ...open])]);
    })().catch(() => undefined); // the details panel reports a failed read
    return () => {
      live = false;
    };
  }, [selected, rootCode, qc, load]);

  const build = (r: TreeRegion): TreeDataNode => ({
    key: r.code,
    isLeaf: !r.hasChildren,
    title: (
      <span className="region-node">
        <span data-code={r.code}>{r.name}</span>
        {r.pilot && <Tag color="green" className="pilot-tag">{t('regions.pilot')}</Tag>}
      </span>
    ),
    children: childrenOf.get(r.code)?.map(build),
  });

  if (root.isPending) return <Spin />;
  if (!root.data) return null;
  const treeData = [build({ ...root.data, hasChildren: root.data.level !== 'village' })];

  const loaded = requested.filter((c) => childrenOf.get(c) !== undefined);
  const select = (code: string, isLeaf: boolean | undefined) => {
    onSelect(code);
    // Clicking a name opens it as well, so the hierarchy can be walked by names alone.
    if (!isLeaf) void load(code).then(() => setExpanded((prev) => (prev.includes(code) ? prev : [...prev, code])));
  };

  return (
    <Tree
      className="region-tree"
      data-testid="region-tree"
      showLine
      blockNode
      treeData={treeData}
      loadData={(node) => load(String(node.key))}
      loadedKeys={loaded}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      selectedKeys={selected ? [selected] : []}
      onSelect={(_keys, info) => select(String(info.node.key), info.node.isLeaf)}
    />
  );
}
