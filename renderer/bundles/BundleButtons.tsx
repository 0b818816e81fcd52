// The library's bundle actions: Export…, Import bundle… and Hand off…, each with its own dialog.
import { useState } from 'react';
import { ExportBundleDialog } from './ExportBundleDialog.js';
import { HandoffDialog } from './HandoffDialog.js';
import { ImportBundleDialog } from './ImportBundleDialog.js';
import './bundles.css';

export function BundleButtons() {
  const [open, setOpen] = useState<'export' | 'import' | 'handoff' | null>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen('export')}>Export…</button>
      <button type="button" className="button" onClick={() => setOpen('import')}>Import bundle…</button>
      <ExportBundleDialog open={open === 'export'} onClose={() => setOpen(null)} />
      <button type="button" className="button" onClick={() => setOpen('handoff')}>Hand off…</button>
      <ImportBundleDialog open={open === 'import'} onClose={() => setOpen(null)} />
      <HandoffDialog open={open === 'handoff'} onClose={() => setOpen(null)} />
    </>
  );
}
