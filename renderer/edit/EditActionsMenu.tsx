import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { EditContext } from '../../shared/channels/edit.js';
import type { ModelCapabilities } from '../../shared/jobs.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { EditDialog } from './EditDialog.js';
import { EDIT_KINDS, EDIT_LABELS, editReason, type EditKind } from './edit-kinds.js';

/**
 * "Edit…" on a render: every edit the render's provider account supports, the others disabled
 * with the reason. Each edit opens its dialog; submitting makes a job whose render is linked to
 * this one.
 */
export function EditActionsMenu({ renderId }: { renderId: number }) {
  const client = useClient();
  const fetchContext = useCallback(() => client.call('edit.context', { renderId }), [client, renderId]);
  // A render made by an extend of this one changes its chain: refresh when renders change.
  const ctx = useLiveCall(fetchContext, (e) => e.type === 'catalogue.changed' && e.entity === 'renders');
  const current = ctx.value?.renderId === renderId ? ctx.value : undefined;
  return current ? <Menu ctx={current} /> : ctx.error ? <p className="error-text">Edits unavailable: {ctx.error}</p> : null;
}

function Menu({ ctx }: { ctx: EditContext }) {
  const client = useClient();
  const accountId = ctx.accountId;
  const fetchModels = useCallback(
    () => (accountId ? client.call('providers.capabilities', { accountId }) : Promise.resolve({ models: [] as ModelCapabilities[] })),
    [client, accountId],
  );
  const caps = useLiveCall(fetchModels, () => false);
  const models = caps.value?.models ?? null;
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<EditKind | null>(null);
  const [submitted, setSubmitted] = useState<{ jobId: number; kind: EditKind } | null>(null);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    // The menu closes on a click elsewhere, as menus do.
    const away = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  return (
    <div className="edit-actions" ref={root}>
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        Edit…
      </button>
      {ctx.chainDepth > 0 && <span className="muted edit-chain">Extension {ctx.chainDepth} of its chain</span>}
      {open && (
        <ul id={menuId} role="menu" aria-label="Edits" className="edit-menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {EDIT_KINDS.map((kind) => {
            const reason = editReason(kind, ctx, models);
            return (
              <li key={kind} role="none">
                <button
                  type="button"
                  role="menuitem"
                  className="edit-menu-item"
                  aria-disabled={reason ? true : undefined}
                  title={reason ?? undefined}
                  onClick={() => {
                    if (reason) return;
                    setOpen(false);
                    setSubmitted(null);
                    setEditing(kind);
                  }}
                >
                  {EDIT_LABELS[kind]}
                  {reason && <span className="edit-menu-reason"> — {reason}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {submitted && (
        <p role="status" className="muted edit-submitted">
          {EDIT_LABELS[submitted.kind]}: job {submitted.jobId} submitted. The new render appears in the library, made from this one, when it is done.
        </p>
      )}
      {editing && models && (
        <EditDialog
          kind={editing}
          ctx={ctx}
          models={models}
          onClose={() => setEditing(null)}
          onSubmitted={(jobId) => {
            setSubmitted({ jobId, kind: editing });
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
