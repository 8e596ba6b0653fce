import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createAppServices } from './app/services';
import { windowBridge } from './bridge';
import { loadCallingSdk } from './calling/load-sdk';

// Evaluate the SDK chunk (preloaded by index.html) as soon as it has arrived, even on the sign-in
// screen: by the time the user has signed in it is ready. The calling layer awaits the same import.
void loadCallingSdk();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Creating the services asks main for the session at once: when signed in, the token request and
// the SDK download start before React has rendered anything.
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
