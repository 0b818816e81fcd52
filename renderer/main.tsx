import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { createHostClient } from './client/client.js';
import './app/theme.css';
import './app/layout.css';
import './library/library.css';
import './import/import.css';
import './generate/generate.css';
import './jobs/jobs.css';
import './edit/edit.css';
import './settings/settings.css';
import './settings/watch-folders/watch-folders.css';
import './watch/watch.css';
import './previews/previews.css';
import './keys/keys.css';
import './try-on/try-on.css';
import './app/shell.css';
import './player/player.css';
import './detail/detail.css';
import './compare/compare.css';
import './storyboard/storyboard.css';
import './costs/costs.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The transport is chosen once, here: Electron's preload bridge if present, HTTP otherwise.
const client = createHostClient();

createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
