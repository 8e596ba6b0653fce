import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createAppServices } from './app/services';
import { windowBridge } from './bridge';
import { loadCallingSdk } from './calling/load-sdk';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Creating the services asks main for the session at once: when signed in, the token request
// starts before React has rendered anything.
const services = createAppServices(windowBridge());
const root = createRoot(container);
// The shell's first render runs to its commit in one go: a concurrent render would yield to the
// preloaded chunks' parsing and paint the shell later (render → commit: 30–56 ms, was 35–100 ms).
flushSync(() =>
  root.render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  ),
);

// The SDK chunk (6.8 MB, ≈ 0.5–0.7 s of parsing on a background thread) starts right after the
// shell's first commit, even on the sign-in screen, so it is ready by the time the user has signed
// in; the calling layer awaits the same import. Started with the page (a modulepreload in
// index.html) its download and parse took CPU from the entry's own parse and render on 2 cores:
// the shell committed at a median 317–335 ms instead of 184–225 ms, for no measurable gain in
// "token and SDK in hand" (docs/renderer.md, "Start-up").
void loadCallingSdk();
