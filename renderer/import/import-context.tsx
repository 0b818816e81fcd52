import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../client/client.js';
import { useClient, useCoreEvents } from '../client/client-context.js';
import { applyEvent, applySummary, type ImportRuns } from './import-runs.js';
import { ImportDialog } from './ImportDialog.js';

export type ImportStep =
  | { kind: 'choose'; path: string; error: string | null }
  | { kind: 'starting'; folder: string }
  | { kind: 'tracking'; folder: string; importId: string };

export interface ImportOptions {
  /** Into the reference library, videos as source videos (from the References view). */
  asReferences?: boolean;
}

interface ImportActions {
  /** "Import a folder…": the native picker where there is one, else the dialog's path field. */
  beginImport(opts?: ImportOptions): void;
}

const ImportContext = createContext<ImportActions | null>(null);

export function useImport(): ImportActions {
  const actions = useContext(ImportContext);
  if (!actions) throw new Error('useImport() needs an <ImportProvider> above it');
  return actions;
}

/** Owns the import dialog and the state of the imports started from this window. */
export function ImportProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<ImportStep>({ kind: 'choose', path: '', error: null });
  const [runs, setRuns] = useState<ImportRuns>({});
  // Kept for "Import another folder…", which imports the same way. A ref as well, because the
  // native picker's answer is handled by the `start` of the click that opened it.
  const [asReferences, setAsReferences] = useState(false);
  const asReferencesRef = useRef(false);

  const refreshRun = useCallback(
    (importId: string) => {
      client.call('import.get', { importId }).then(
        (summary) => setRuns((r) => applySummary(r, summary)),
        () => {
          // Events will still tell; a failed look-up must not hide the import.
        },
      );
    },
    [client],
  );

  useCoreEvents(
    (event) => setRuns((r) => applyEvent(r, event)),
    () => {
      if (step.kind === 'tracking' && !runs[step.importId]?.summary) refreshRun(step.importId);
    },
  );

  const start = useCallback(
    async (folder: string) => {
      setOpen(true);
      setStep({ kind: 'starting', folder });
      try {
        const { importId } = await client.call('import.folder', { path: folder, ...(asReferencesRef.current ? { asReferences: true } : {}) });
        setStep({ kind: 'tracking', folder, importId });
        refreshRun(importId);
      } catch (err) {
        setStep({ kind: 'choose', path: folder, error: errorMessage(err) });
      }
    },
    [client, refreshRun],
  );

  const choose = useCallback(
    (path = '') => {
      const picking = client.pickFolder();
      if (!picking) {
        setStep({ kind: 'choose', path, error: null });
        setOpen(true);
        return;
      }
      picking.then(
        (folder) => folder && void start(folder),
        (err: unknown) => {
          setStep({ kind: 'choose', path, error: errorMessage(err) });
          setOpen(true);
        },
      );
    },
    [client, start],
  );

  const running = step.kind === 'starting' || (step.kind === 'tracking' && !runs[step.importId]?.summary);
  const beginImport = useCallback(
    (opts: ImportOptions = {}) => {
      // While an import runs, the button brings its progress back rather than starting another.
      if (running) {
        setOpen(true);
        return;
      }
      asReferencesRef.current = opts.asReferences === true;
      setAsReferences(asReferencesRef.current);
      choose();
    },
    [running, choose],
  );

  const actions = useMemo(() => ({ beginImport }), [beginImport]);
  const run = step.kind === 'tracking' ? runs[step.importId] : undefined;

  return (
    <ImportContext.Provider value={actions}>
      {children}
      <ImportDialog
        open={open}
        step={step}
        run={run}
        nativePicker={client.canPickFolder}
        asReferences={asReferences}
        onSubmitPath={(path) => void start(path)}
        onChooseAnother={() => choose()}
        onClose={() => setOpen(false)}
      />
    </ImportContext.Provider>
  );
}
