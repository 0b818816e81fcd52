// The take's family: ancestors down to it, and its descendants as a tree. Every take is a
// thumbnail that opens it; a branch opens in Compare.
import { useCallback } from 'react';
import type { LineageNode, LineageTree } from '../../shared/review.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { COMPARE_MAX } from '../app/navigation.js';
import { Section } from './Section.js';

export function LineageSection({ renderId, onOpen, onCompare }: {
  renderId: number;
  onOpen(id: number): void;
  onCompare(ids: number[]): void;
}) {
  const client = useClient();
  const fetchTree = useCallback(() => client.call('review.lineage', { id: renderId }), [client, renderId]);
  const { value: tree, error } = useLiveCall(fetchTree, (e) => e.type === 'catalogue.changed' && e.entity === 'renders');
  if (error && !tree) return <Section title="Lineage"><p className="error-text">{error}</p></Section>;
  if (!tree || tree.self.id !== renderId) return null;
  const parent = tree.ancestors.at(-1);
  const alone = !parent && tree.self.children.length === 0;
  return (
    <Section
      title="Lineage"
      extra={
        <div className="lineage-actions">
          {parent && (
            <button type="button" className="button button-small" onClick={() => onCompare([parent.id, renderId])}>
              Compare with parent
            </button>
          )}
          {tree.self.children.length > 0 && (
            <button type="button" className="button button-small" onClick={() => onCompare(branchIds(tree))}>
              Compare branch
            </button>
          )}
        </div>
      }
    >
      {alone ? (
        <p className="muted">Not made from another take, and nothing made from it yet. Edits (extend, inpaint, restyle…) appear here.</p>
      ) : (
        <div className="lineage" role="tree" aria-label="Lineage tree">
          {tree.ancestors.map((n, i) => (
            <div key={n.id} className="lineage-ancestor" style={{ paddingLeft: i * 14 }}>
              <NodeButton node={n} parentTitle={tree.ancestors[i - 1]?.title} onOpen={onOpen} />
            </div>
          ))}
          <ul className="lineage-children" role="group" style={{ paddingLeft: tree.ancestors.length * 14 }}>
            <TreeItem node={tree.self} parentTitle={parent?.title} currentId={renderId} onOpen={onOpen} />
          </ul>
          {tree.truncated && <p className="muted">This family is very large: only part of it is shown.</p>}
        </div>
      )}
    </Section>
  );
}

/** The take and its children (what a branch compares), at most four. */
function branchIds(tree: LineageTree): number[] {
  return [tree.self.id, ...tree.self.children.map((c) => c.id)].slice(0, COMPARE_MAX);
}

function TreeItem({ node, parentTitle, currentId, onOpen }: { node: LineageNode; parentTitle: string | undefined; currentId: number; onOpen(id: number): void }) {
  return (
    <li role="treeitem" aria-expanded={node.children.length ? true : undefined} aria-current={node.id === currentId || undefined}>
      <NodeButton node={node} parentTitle={parentTitle} onOpen={onOpen} current={node.id === currentId} />
      {node.children.length > 0 && (
        <ul className="lineage-children" role="group">
          {node.children.map((c) => <TreeItem key={c.id} node={c} parentTitle={node.title} currentId={currentId} onOpen={onOpen} />)}
        </ul>
      )}
    </li>
  );
}

/** How a take relates to the one above it: "reroll of Dusk take 1", "extend of …". */
function relationText(operation: string | null, parentTitle: string | undefined): string | undefined {
  return operation && parentTitle ? `${operation.replace(/_/g, ' ')} of ${parentTitle}` : undefined;
}

function NodeButton({ node, parentTitle, onOpen, current = false }: { node: LineageNode; parentTitle: string | undefined; onOpen(id: number): void; current?: boolean }) {
  const client = useClient();
  return (
    <button
      type="button"
      className="lineage-node"
      data-current={current || undefined}
      aria-label={current ? `${node.title} (this take)` : `Open ${node.title}`}
      // The relation to the take above it, as a tooltip and as the button's description.
      title={relationText(node.operation, parentTitle)}
      disabled={current}
      onClick={() => onOpen(node.id)}
    >
      {node.hasPoster ? <img src={client.thumbUrl(node.sha256, 'poster')} alt="" /> : <span className="lineage-thumb-empty" />}
      <span className="lineage-label">
        {node.operation && <span className="lineage-op">{node.operation}</span>}
        <span className="lineage-title">{node.title}</span>
        {node.flag === 'pick' && <span className="lineage-flag"> ★</span>}
      </span>
    </button>
  );
}
