import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Importing kelisim starts it: it reads the config element in index.html, runs what the
// visitor allowed, and shows the banner when there is no choice yet.
import 'kelisim';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
