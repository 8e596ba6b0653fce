/**
 * The bridge for the call screens' tests: the app's fake bridge (app/fake-bridge.ts) with the
 * caller id the test chooses in main's configuration and the history the test starts from.
 * `unavailable` plays a main whose configuration and history cannot be read.
 */
import type { DirectoryPerson } from '../../../../../common/backend-contract';
import type { Clock, DirectoryAvailability, SessionState } from '../../../../../common/ipc';
import type { CallHistory, RecentCallInput } from '../../../../../common/ipc/history';
import type { ProvidedServices } from '../../../../../renderer/app/App';
import type { CallingStore } from '../../../../../renderer/calling/model';
import { createDirectoryClient } from '../../../../../renderer/directory/directory-client';
import { createHistoryClient } from '../../../../../renderer/history/history-client';
import { createConfigStore } from '../../../../../renderer/session/config-store';
import { createSessionStore } from '../../../../../renderer/session/session-store';
import { type FakeBridge as AppFakeBridge, createFakeBridge, defaultConfig } from '../../app/fake-bridge';

export interface FakeBridge {
  bridge: AppFakeBridge;
  history: CallHistory;
  recorded: RecentCallInput[];
}

export function installFakeBridge(
  options: {
    callerId?: string | null;
    history?: Partial<CallHistory>;
    unavailable?: boolean;
    /** The organisation's people; with them main offers a directory unless `availability` says otherwise. */
    directory?: { people: DirectoryPerson[]; availability?: DirectoryAvailability };
    clock?: Clock;
    session?: SessionState;
  } = {},
): FakeBridge {
  const bridge = createFakeBridge(options.session);
  if (options.directory) {
    bridge.directoryState.people = options.directory.people;
    bridge.directoryState.availability = options.directory.availability ?? { available: true };
  }
  bridge.answers.config = {
    ...defaultConfig,
    alternateCallerId: options.callerId === undefined ? '+14255550123' : options.callerId,
    alternateCallerIdSource: options.callerId === null ? 'none' : 'backend',
    clock: options.clock ?? defaultConfig.clock,
  };
  bridge.historyState.history = { recents: [], favourites: [], ...options.history };
  if (options.unavailable) {
    const refuse = async (): Promise<never> => {
      throw new Error('No handler registered');
    };
    bridge.config = { ...bridge.config, get: refuse };
    bridge.history = { ...bridge.history, get: refuse };
  }
  return {
    bridge,
    get history() {
      return bridge.historyState.history;
    },
    recorded: bridge.historyState.recorded,
  };
}

/** The window's services over `bridge`, as renderer/app/services.ts wires them, with the test's calling store. */
export function servicesFor(bridge: AppFakeBridge, calling: CallingStore): ProvidedServices {
  return {
    bridge,
    session: createSessionStore(bridge),
    config: createConfigStore(bridge),
    history: createHistoryClient(bridge.history),
    calling,
    directory: createDirectoryClient(bridge),
  };
}
