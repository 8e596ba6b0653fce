/**
 * The app's configuration as main reports it (`window.switchboard.config`), as an external store:
 * `config` is null until main answers, then follows `config.onChange`, which main sends after
 * every change (a save on any screen, a new caller id from the backend's discovery document), so
 * no screen re-reads after `set`.
 */
import type { AppConfig } from '../../common/ipc';
import type { RendererBridge } from '../bridge';
import { type MirroredState, mirrorFromMain } from './main-mirror';

export interface AppConfigState {
  /** Null until main answered. */
  readonly config: AppConfig | null;
  /** Why main's configuration could not be read, while it could not. */
  readonly error: string | null;
}

export type ConfigStore = MirroredState<AppConfigState>;

export function createConfigStore(bridge: Pick<RendererBridge, 'config'>): ConfigStore & { dispose(): void } {
  return mirrorFromMain<AppConfig, AppConfigState>(bridge.config, {
    initial: { config: null, error: null },
    from: (config) => ({ config, error: null }),
    failed: (error) => ({ config: null, error: error instanceof Error ? error.message : String(error) }),
  });
}
