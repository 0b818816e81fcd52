// The library's bundle actions: Export… and Import bundle…, each with its own dialog.
import { useState } from 'react';
import { ExportBundleDialog } from './ExportBundleDialog.js';
import { ImportBundleDialog } from './ImportBundleDialog.js';
import './bundles.css';

export function BundleButtons() {
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen('export')}>Export…</button>
      <button type="button" className="button" onClick={() => setOpen('import')}>Import bundle…</button>
      <ExportBundleDialog open={open === 'export'} onClose={() => setOpen(null)} />
      <ImportBundleDialog open={open === 'import'} onClose={() => setOpen(null)} />
    </>
  );
}
