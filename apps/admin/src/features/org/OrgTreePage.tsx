import { ApartmentOutlined, BankOutlined } from '@ant-design/icons';
import type { OrgUnit } from '@linli/contracts';
import { Card, Col, Empty, Flex, Row, Spin, Tag, Tree, type TreeDataNode } from 'antd';
import type { Key } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { OrgDetailPanel } from './OrgDetailPanel.tsx';
import { ROOT, useOrgTree } from './useOrgTree.ts';

export const OrgTreePage = () => {
  const { t } = useTranslation();
  const tree = useOrgTree();
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Key[]>([]);

  const toNodes = (units: OrgUnit[]): TreeDataNode[] =>
    units.map((u) => {
      const loaded = tree.children[u.id];
      return {
        key: u.id,
        isLeaf: u.childCount === 0,
        icon: u.compoundId ? <BankOutlined /> : <ApartmentOutlined />,
        title: (
          <span>
            {u.name}
            <Tag variant="filled" style={{ marginLeft: 6, fontSize: 11, lineHeight: '16px' }}>
              {t(`common.enum.orgKind.${u.kind}`)}
            </Tag>
          </span>
        ),
        ...(loaded ? { children: toNodes(loaded) } : {}),
      };
    });

  const roots = tree.children[ROOT];

  // First view: open the scope roots one level and show the first of them, so the page starts with content.
  const opened = useRef(false);
  const { load } = tree;
  useEffect(() => {
    if (opened.current || !roots || roots.length === 0) return;
    opened.current = true;
    const first = roots.slice(0, 3).filter((u) => u.childCount > 0);
    void Promise.all(first.map((u) => load(u.id).catch(() => undefined))).then(() =>
      setExpanded(first.map((u) => u.id)),
    );
    setSelected((s) => s ?? roots[0]?.id ?? null);
  }, [roots, load]);

  /** After a change: refresh the affected levels, keep the changed node in view. */
  const afterChange = async (change: {
    reloadKeys: (string | null | undefined)[];
    expand?: string;
    select?: string | null;
  }) => {
    // Select first, so a deleted node's detail query goes inactive and is not refetched by the reload.
    if (change.select !== undefined) setSelected(change.select);
    await tree.reload(change.reloadKeys);
    if (change.expand) {
      const key = change.expand;
      await tree.load(key).catch(() => undefined);
      setExpanded((prev) => (prev.includes(key) ? prev : [...prev, key]));
    }
  };

  return (
    <PageContainer title={t('org.tree.title')}>
      <Row gutter={16} wrap={false}>
        <Col flex="420px">
          <Card title={t('org.tree.treeTitle')} size="small" styles={{ body: { padding: 8, minHeight: 560 } }}>
            {tree.rootLoading && !roots && (
              <Flex justify="center" style={{ padding: 48 }}>
                <Spin />
              </Flex>
            )}
            {!!tree.rootError && <ErrorState error={tree.rootError} onRetry={() => void tree.loadRoots()} />}
            {roots && roots.length === 0 && <Empty description={t('org.tree.empty')} />}
            {roots && roots.length > 0 && (
              <Tree
                showIcon
                showLine
                blockNode
                height={620}
                treeData={toNodes(roots)}
                loadData={(node) => tree.load(String(node.key))}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys)}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected(keys.length > 0 ? String(keys[0]) : null)}
                data-testid="org-tree"
              />
            )}
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {selected ? (
            <OrgDetailPanel id={selected} tree={tree} onChanged={afterChange} onOpen={setSelected} />
          ) : (
            <Card>
              <Empty description={t('org.tree.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
    </PageContainer>
  );
};
