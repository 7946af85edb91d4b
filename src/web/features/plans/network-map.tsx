import { Background, Controls, type Edge, type Node, Position, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useState } from 'react';
import { enlistmentLabels, networkKindLabels, networkRelationLabels } from '../../../features/plans/labels';
import { mapKey } from './network-map-key';
import type { PlanView } from './plan-api';

/**
 * Goals and the network as a graph (React Flow): goals on the left, people, communities and resources on the
 * right, an edge for each "helps with". Nodes can be focused with Tab and moved with
 * the arrow keys; choosing one shows its links in words below the map, which is also what screen readers get.
 */
export function NetworkMap({ plan }: { plan: PlanView }) {
  const [selected, setSelected] = useState<string | null>(null);
  const { nodes, edges } = useMemo(() => layout(plan), [plan]);
  const chosen = selected ? describe(plan, selected) : null;
  return (
    <div className="network-map">
      <p className="hint">
        {plan.goals.length} goals, {plan.network.length} network entries. Drag to move, scroll to zoom; Tab to a node
        and press Enter to see its links.
      </p>
      <div className="map-canvas">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          fitView
          nodesConnectable={false}
          onNodeClick={(_, node) => setSelected(node.id)}
          onSelectionChange={({ nodes: picked }) => setSelected(picked[0]?.id ?? null)}
          proOptions={{ hideAttribution: true }}
          ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter to select this node and see its links.' }}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      <ul className="map-key" aria-label="Key to the map">
        {mapKey(plan).map((k) => (
          <li key={k.swatch}>
            <span className={`map-swatch ${k.swatch}`} aria-hidden="true" />
            {k.meaning}
          </li>
        ))}
      </ul>
      <div className="map-details" aria-live="polite">
        {chosen ? (
          <>
            <h2>{chosen.title}</h2>
            {chosen.links.length ? (
              <ul>
                {chosen.links.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            ) : (
              <p>Not linked to anything yet.</p>
            )}
          </>
        ) : (
          <p className="hint">Choose a node to see what it is linked to.</p>
        )}
      </div>
    </div>
  );
}

const COLUMN = { goal: 0, network: 480 };
const kindOrder = { person: 0, community: 1, resource: 2 };

function layout(plan: PlanView): { nodes: Node[]; edges: Edge[] } {
  // Goals on the left; people, then communities and resources, on the right: every edge runs across.
  const rows = { goal: 0, network: 0 };
  // Rows far enough apart for labels of a few lines in nodes of a fixed width.
  const place = (column: keyof typeof rows) => ({ x: COLUMN[column], y: rows[column]++ * 150 });
  const nodes: Node[] = [
    ...plan.goals.map((g) => ({
      id: g.id,
      position: place('goal'),
      data: { label: `Goal: ${g.what || 'Untitled goal'}` },
      className: `map-node goal status-${g.status}`,
      style: { width: 240 },
      targetPosition: Position.Right,
      sourcePosition: Position.Right,
      ariaLabel: `Goal: ${g.what || 'Untitled goal'}`,
    })),
    ...[...plan.network]
      .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind])
      .map((n) => {
        const kind = n.relation ? networkRelationLabels[n.relation] : networkKindLabels[n.kind];
        return {
          id: n.id,
          position: place('network'),
          data: { label: `${kind}: ${n.name}` },
          className: `map-node ${n.kind} enlist-${n.enlistment}`,
          style: { width: 240 },
          sourcePosition: Position.Left,
          targetPosition: Position.Left,
          ariaLabel: `${kind}: ${n.name}${n.kind === 'person' ? `, ${enlistmentLabels[n.enlistment]}` : ''}`,
        };
      }),
  ];
  const goalIds = new Set(plan.goals.map((g) => g.id));
  const edges: Edge[] = plan.network.flatMap((n) =>
    n.goalIds
      .filter((id) => goalIds.has(id))
      .map((goalId) => ({ id: `${n.id}-${goalId}`, source: n.id, target: goalId, animated: n.enlistment === 'asked' })),
  );
  return { nodes, edges };
}

function describe(plan: PlanView, id: string): { title: string; links: string[] } | null {
  const goal = plan.goals.find((g) => g.id === id);
  if (goal) {
    return {
      title: `Goal: ${goal.what || 'Untitled goal'}`,
      links: plan.network.filter((n) => n.goalIds.includes(id)).map((n) => `Helped by ${n.name}`),
    };
  }
  const entry = plan.network.find((n) => n.id === id);
  if (!entry) return null;
  return {
    title: entry.name,
    links: plan.goals.filter((g) => entry.goalIds.includes(g.id)).map((g) => `Helps with ${g.what || 'Untitled goal'}`),
  };
}
