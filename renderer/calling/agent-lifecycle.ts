/**
 * The CallClient / credential / CallAgent lifecycle. One CallClient per window; one credential and
 * one CallAgent per signed-in identity, both disposed before the next identity's are created (ACS
 * rejects a second agent for the same identity) and on sign-out or backend change. The SDK chunk
 * and the first token are fetched in parallel; the credential starts with that token so it does
 * not call the refresher at construction.
 */
import type { AbortSignalLike, RendererBridge } from '../bridge';
import { agentStrings } from '../strings';
import type { AgentStatus } from './model';
import type { CallingSdk, SdkCallAgent, SdkCallClient, SdkCredential } from './sdk-surface';

/** How long a live agent may stay Disconnected before the UI says ACS cannot be reached. */
export const UNREACHABLE_AFTER_MS = 5_000;

/**
 * A `performance` mark set the moment both the SDK and the first token are in hand (docs/architecture.md, Budgets:
 * "start → token in hand and SDK loaded"): bench/renderer-startup reads it, and it shows in a
 * DevTools trace. The status line says the same a little later, after the agent's synchronous
 * start-up and React's render.
 */
export const TOKEN_AND_SDK_MARK = 'switchboard:token-and-sdk';
/** Performance mark: createCallAgent answered (connected or not), so the agent's status is known. */
export const AGENT_ANSWERED_MARK = 'switchboard:agent-answered';

export interface AgentIdentity {
  /** Changes when the user or the backend changes: a new key means a new credential and agent. */
  key: string;
  displayName: string;
}

export interface AgentLifecycleEvents {
  status(status: AgentStatus, message: string | null): void;
  /** The SDK and the window's CallClient, once loaded (device setup starts from here). */
  clientReady(sdk: CallingSdk, client: SdkCallClient): void;
  /** A new agent (null: the previous one is gone). */
  agentChanged(agent: SdkCallAgent | null, sdk: CallingSdk | null): void;
}

export interface AgentLifecycleDeps {
  loadSdk(): Promise<CallingSdk>;
  bridge: Pick<RendererBridge, 'getToken'>;
  events: AgentLifecycleEvents;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class AgentLifecycle {
  private sdk: CallingSdk | null = null;
  private client: SdkCallClient | null = null;
  private agent: SdkCallAgent | null = null;
  private credential: SdkCredential | null = null;
  private identityKey: string | null = null;
  /** The identity the agent is for, kept so "Try again" can create it afresh. */
  private identity: AgentIdentity | null = null;
  private pending: AbortController | null = null;
  private unreachableTimer: ReturnType<typeof setTimeout> | null = null;
  /** Every open/close runs after the previous one finished: never two agents at once. */
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly deps: AgentLifecycleDeps) {}

  /** Resolves once every requested open/close has run (tests and sign-out wait on it). */
  settled(): Promise<void> {
    return this.chain;
  }

  get currentAgent(): SdkCallAgent | null {
    return this.agent;
  }

  open(identity: AgentIdentity): void {
    if (identity.key === this.identityKey) return;
    this.identityKey = identity.key;
    this.identity = identity;
    this.pending?.abort();
    const attempt = new AbortController();
    this.pending = attempt;
    this.deps.events.status('loading-sdk', null);
    this.enqueue(async () => {
      await this.teardown();
      if (!attempt.signal.aborted) await this.start(identity, attempt.signal);
    });
  }

  /**
   * The user's "Try again" after the agent failed or stayed unreachable: the old agent is disposed
   * and a new one created for the same identity, with a fresh token, as a first open would.
   */
  retry(): void {
    const identity = this.identity;
    if (!identity) return;
    this.identityKey = null;
    this.open(identity);
  }

  close(): Promise<void> {
    this.identityKey = null;
    this.identity = null;
    this.pending?.abort();
    this.pending = null;
    this.deps.events.status('signed-out', null);
    this.enqueue(() => this.teardown());
    return this.chain;
  }

  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain.then(step, step);
  }

  private async start(identity: AgentIdentity, signal: AbortSignal): Promise<void> {
    const { events, bridge } = this.deps;
    // In parallel: the 1.7 MB SDK chunk and the token main already holds (or is refreshing).
    const loading = this.deps.loadSdk();
    let sdk: CallingSdk;
    let firstToken: string;
    try {
      const [loaded, token] = await Promise.all([loading, bridge.getToken(signal)]);
      sdk = loaded;
      firstToken = token.token;
    } catch (error) {
      if (signal.aborted) return;
      const sdkFailed = await loading.then(
        () => false,
        () => true,
      );
      const detail = errorMessage(error);
      events.status('failed', sdkFailed ? agentStrings.sdkFailed(detail) : agentStrings.tokenFailed(detail));
      return;
    }
    if (signal.aborted) return;
    // Token in hand and SDK loaded: from here on it is the agent's own start-up.
    performance.mark(TOKEN_AND_SDK_MARK);
    events.status('connecting', null);
    const firstClient = !this.client;
    this.sdk = sdk;
    this.client ??= sdk.createCallClient();
    const credential = sdk.createCredential({
      tokenRefresher: async (abortSignal) => (await bridge.getToken(abortSignal as AbortSignalLike | undefined)).token,
      token: firstToken,
      refreshProactively: true,
    });
    const creating = this.client.createCallAgent(credential, { displayName: identity.displayName });
    // The device manager (≈ 7 s offline before it answers) starts beside the agent, not before it.
    if (firstClient) events.clientReady(sdk, this.client);
    let agent: SdkCallAgent;
    try {
      agent = await creating;
    } catch (error) {
      credential.dispose();
      if (!signal.aborted) events.status('failed', agentStrings.failed(errorMessage(error)));
      return;
    }
    performance.mark(AGENT_ANSWERED_MARK);
    if (signal.aborted) {
      await agent.dispose();
      credential.dispose();
      return;
    }
    this.agent = agent;
    this.credential = credential;
    agent.on('connectionStateChanged', this.onConnectionStateChanged);
    events.agentChanged(agent, sdk);
    // Offline, createCallAgent resolves Disconnected after the SDK's own ~7 s wait: say so now.
    if (agent.connectionState === 'Connected') events.status('connected', null);
    else events.status('unreachable', agentStrings.unreachable);
  }

  private readonly onConnectionStateChanged = ({
    newValue,
    reason,
  }: {
    newValue: SdkCallAgent['connectionState'];
    reason?: 'invalidToken' | 'connectionIssue';
  }) => {
    this.clearUnreachableTimer();
    const { events } = this.deps;
    if (newValue === 'Connected') {
      events.status('connected', null);
    } else if (reason === 'invalidToken') {
      events.status('failed', agentStrings.invalidToken);
    } else {
      // A blip is normal (network change, sleep): only a Disconnected that lasts is news.
      this.unreachableTimer = setTimeout(() => {
        this.unreachableTimer = null;
        events.status('unreachable', agentStrings.unreachable);
      }, UNREACHABLE_AFTER_MS);
    }
  };

  private clearUnreachableTimer(): void {
    if (this.unreachableTimer !== null) clearTimeout(this.unreachableTimer);
    this.unreachableTimer = null;
  }

  private async teardown(): Promise<void> {
    this.clearUnreachableTimer();
    const agent = this.agent;
    const credential = this.credential;
    this.agent = null;
    this.credential = null;
    if (agent) {
      agent.off('connectionStateChanged', this.onConnectionStateChanged);
      this.deps.events.agentChanged(null, this.sdk);
      try {
        await agent.dispose();
      } catch {
        // Disposing a dead agent can fail; it is gone either way.
      }
    }
    credential?.dispose();
  }
}
