import { useImport } from './import-context.js';

/** `asReferences`: the import goes to the reference library (the References view's button). */
export function ImportButton({ primary = false, asReferences = false }: { primary?: boolean; asReferences?: boolean }) {
  const { beginImport } = useImport();
  return (
    <button type="button" className={primary ? 'button button-primary' : 'button'} onClick={() => beginImport({ asReferences })}>
      {asReferences ? 'Import references…' : 'Import a folder…'}
    </button>
  );
}
