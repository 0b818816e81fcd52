// Storyboard: a project's shots in order, each with its takes as a strip. Drag a shot (or use
// Move up/down) to reorder; add and rename shots; P / X / 1–5 mark the selected take (a shot has
// one pick); "Play picks" plays the picks in shot order as a rough cut.
import { useCallback, useState, type ReactNode } from 'react';
import type { RenderFlag } from '../../shared/domain.js';
import type { StoryboardShot } from '../../shared/review.js';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { useNavigation } from '../app/navigation.js';
import { DetailPanel } from '../library/DetailPanel.js';
import { markKeys, useReviewKeys } from '../review-keys/use-review-keys.js';
import { AddShotForm, NameForm } from './NameForm.js';
import { RoughCut } from './RoughCut.js';
import { ShotRow } from './ShotRow.js';
import { useProjectChoice } from './use-project-choice.js';
import { HandoffDialog } from '../bundles/HandoffDialog.js';

export function StoryboardView() {
  const { projects, projectId, choose, create, error: projectsError } = useProjectChoice();
  const [naming, setNaming] = useState(false);
  return (
    <div className="storyboard">
      <header className="view-header">
        <h1>Storyboard</h1>
        {projects && projects.length > 0 && (
          <label className="sort">
            Project
            <select className="input" value={projectId ?? ''} onChange={(e) => choose(Number(e.currentTarget.value))}>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>{p.name}</option>
              ))}
            </select>
          </label>
        )}
        {projects && projects.length > 0 && (naming ? (
          <NewProjectForm autoFocus onCreate={(name) => create(name).then(() => setNaming(false))}>
            <button type="button" className="button" onClick={() => setNaming(false)}>Cancel</button>
          </NewProjectForm>
        ) : (
          <button type="button" className="button" onClick={() => setNaming(true)}>New project…</button>
        ))}
      </header>
      {projectsError && <p className="error-text pane-note" role="alert">{projectsError}</p>}
      {projects && projects.length === 0 && (
        <div className="view-empty" role="region" aria-label="No projects yet">
          <h2>No projects yet</h2>
          <p>
            A storyboard is a project’s shots in order. Name a project to start one, then add its shots; file takes under a
            shot from the Library’s selection bar (“Move to shot”) or when you start a New generation.
          </p>
          <NewProjectForm onCreate={create} />
        </div>
      )}
      {projectId !== null && <Board key={projectId} projectId={projectId} />}
    </div>
  );
}

function NewProjectForm({ onCreate, autoFocus, children }: { onCreate(name: string): Promise<void>; autoFocus?: boolean; children?: ReactNode }) {
  return (
    <NameForm
      label="New project"
      inputLabel="Project name"
      placeholder="Project, e.g. “Night market spot”"
      submit="Create project"
      empty="Give the project a name."
      onAdd={onCreate}
      autoFocus={autoFocus}
    >
      {children}
    </NameForm>
  );
}

function Board({ projectId }: { projectId: number }) {
  const client = useClient();
  const nav = useNavigation();
  const fetchBoard = useCallback(() => client.call('storyboard.get', { projectId }), [client, projectId]);
  const { value: board, error } = useLiveCall(
    fetchBoard,
    (e) => e.type === 'catalogue.changed' && (e.entity === 'renders' || (e.entity === 'projects' && e.ids.includes(projectId))),
  );
  const [selected, setSelected] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [roughCut, setRoughCut] = useState(false);
  const [handoff, setHandoff] = useState(false);

  const run = (p: Promise<unknown>) => {
    setProblem(null);
    p.catch((err: unknown) => setProblem(errorMessage(err)));
  };
  const takes = board?.shots.flatMap((s) => s.takes) ?? [];
  const selectedTake = takes.find((t) => t.id === selected);
  const mark = (change: { flag?: RenderFlag | null; rating?: number }) => {
    if (selected !== null) run(client.call('review.mark', { id: selected, ...change }));
  };
  useReviewKeys('Storyboard', markKeys(selectedTake, mark), selected !== null && openId === null && !roughCut);

  const move = (id: number, beforeId: number | null) => run(client.call('shots.move', { id, beforeId }));
  const shots = board?.shots ?? [];
  const nextAfter = (i: number) => shots[i + 2]?.id ?? null;
  const picks = shots.filter((s) => s.pickId !== null).length;

  if (error && !board) return <p className="error-text pane-note" role="alert">{error}</p>;
  if (!board) return <progress className="progress-line" aria-label="Loading the storyboard" />;
  return (
    <div className="storyboard-workspace">
      <div className="view-body storyboard-body">
        <div className="storyboard-toolbar">
          <span className="muted" role="status">
            {shots.length} shot{shots.length === 1 ? '' : 's'} · {picks} picked
            {board.unfiledCount > 0 && ` · ${board.unfiledCount} take${board.unfiledCount === 1 ? '' : 's'} not filed under a shot`}
          </span>
          <span className="transport-spacer" />
          <button type="button" className="button" disabled={picks === 0} title={picks ? undefined : 'Pick a take in at least one shot first (P)'} onClick={() => setRoughCut(true)}>
            ▶ Play picks
          </button>
          <button type="button" className="button" disabled={picks === 0} title={picks ? undefined : 'Pick a take in at least one shot first (P)'} onClick={() => setHandoff(true)}>
            Hand off picks…
          </button>
          <HandoffDialog open={handoff} onClose={() => setHandoff(false)} projectId={projectId} />
        </div>
        {problem && <p className="error-text" role="alert">{problem}</p>}
        {roughCut && <RoughCut shots={shots} onClose={() => setRoughCut(false)} />}
        {shots.length === 0 ? (
          <div className="view-empty">
            <h2>No shots yet</h2>
            <p>Add the shots of your spot in order; takes generated for a shot appear on its strip.</p>
          </div>
        ) : (
          <ol className="shot-list" aria-label="Shots">
            {shots.map((shot: StoryboardShot, i) => (
              <ShotRow
                key={shot.id}
                shot={shot}
                index={i}
                count={shots.length}
                selectedId={selected}
                dragging={dragging}
                onSelect={setSelected}
                onOpen={(id) => {
                  setSelected(id);
                  setOpenId(id);
                }}
                onRename={(name) => run(client.call('shots.rename', { id: shot.id, name }))}
                onMoveUp={() => move(shot.id, shots[i - 1]!.id)}
                onMoveDown={() => move(shot.id, nextAfter(i))}
                onShowAll={() => nav.showInLibrary({ projectId, shotId: shot.id })}
                onDragStart={() => setDragging(shot.id)}
                onDragEnd={() => setDragging(null)}
                onDropBefore={(draggedId, before) => {
                  setDragging(null);
                  if (draggedId !== shot.id) move(draggedId, before ? shot.id : (shots[i + 1]?.id ?? null));
                }}
              />
            ))}
          </ol>
        )}
        <AddShotForm onAdd={(name) => client.call('shots.create', { projectId, name }).then(() => undefined)} />
      </div>
      {openId !== null && (
        <DetailPanel
          renderId={openId}
          onClose={() => setOpenId(null)}
          onShowRender={(id) => {
            setSelected(id);
            setOpenId(id);
          }}
        />
      )}
    </div>
  );
}
