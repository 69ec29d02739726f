/** Renderer entry: fonts and styles (bundled, no network), then the app. */
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/planner.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app';

// The CSP has no 'unsafe-eval': tell zod not to probe for `new Function` (the probe would log a
// CSP violation on every start).
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
