import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ContractError } from '../../shared/errors.js';
import { errorMessage } from '../client/client.js';
import { useClient, useCoreEvents } from '../client/client-context.js';
import { activeRuns, applyEvent, applyRunning, applySummary, forgetRun, type ImportRuns, type ProgressEvent } from './import-runs.js';
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

/** Imports running now (started here or elsewhere), for the views bar; apart, as it changes often. */
export interface ImportActivity {
  active: ProgressEvent[];
  /** The import the open dialog shows, if any (the views bar need not repeat it). */
  shownId: string | null;
  show(run: ProgressEvent): void;
}

const ImportActivityContext = createContext<ImportActivity>({ active: [], shownId: null, show: () => {} });

export function useImportActivity(): ImportActivity {
  return useContext(ImportActivityContext);
}

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
        (err: unknown) => {
          // Forgotten by a restarted core: nothing more will come of it. Otherwise events will
          // still tell; a failed look-up must not hide the import.
          if (err instanceof ContractError && err.code === 'not_found') setRuns((r) => forgetRun(r, importId));
        },
      );
    },
    [client],
  );

  // Imports already running when this window opened (or while its events were cut off).
  const loadRunning = useCallback(() => {
    client.call('import.running', {}).then(
      (list) => setRuns((r) => applyRunning(r, list)),
      () => {
        // The next progress event shows it anyway.
      },
    );
  }, [client]);
  useEffect(loadRunning, [loadRunning]);

  useCoreEvents(
    (event) => setRuns((r) => applyEvent(r, event)),
    () => {
      loadRunning();
      // One that ended while events were cut off: its summary says so.
      for (const run of activeRuns(runs)) refreshRun(run.importId);
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

  const show = useCallback((p: ProgressEvent) => {
    setStep({ kind: 'tracking', folder: p.folder, importId: p.importId });
    setOpen(true);
  }, []);
  const shownId = open && step.kind === 'tracking' ? step.importId : null;
  const active = useMemo(() => activeRuns(runs), [runs]);
  const activity = useMemo(() => ({ active, shownId, show }), [active, shownId, show]);

  return (
    <ImportContext.Provider value={actions}>
      <ImportActivityContext.Provider value={activity}>{children}</ImportActivityContext.Provider>
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
