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
// The SDK chunk (6.8 MB, ≈ 0.5–0.7 s of streaming parse on a background thread) starts before the
// shell's first render, even on the sign-in screen, so it is ready by the time the user has signed
// in; the calling layer awaits the same import. On a restored session the Fluent half waits for it
// (routes.ts, holdFluentHalf), so the shell's render and the SDK's parse are all that run at
// start. Interleaved A/B in Chromium (docs/renderer.md, "Budgets"): token and SDK in hand at
// 0.99–1.22× the SDK alone, against 1.09–1.24× when imported after the shell's first commit and
// 1.38–1.47× with the Fluent half rendering meanwhile; the shell's first commit did not move. A
// modulepreload in index.html (download from navigation on) took CPU from the entry's own parse.
void loadCallingSdk();
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
