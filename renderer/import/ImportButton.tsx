import { useImport } from './import-context.js';

export function ImportButton({ primary = false }: { primary?: boolean }) {
  const { beginImport } = useImport();
  return (
    <button type="button" className={primary ? 'button button-primary' : 'button'} onClick={beginImport}>
      Import a folder…
    </button>
  );
}
