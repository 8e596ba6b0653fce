/**
 * The main-process side of `window.switchboard.directory`: handlers over `CompanyDirectory`,
 * registered through the shared `registerIpcTable` (sender and payload checked there). People
 * cross the bridge; the directory bearer does not (the response schemas carry no field for it).
 */
import { directoryIpc } from '../../../common/ipc';
import { asResultError } from '../app-session/session-ipc';
import { bindIpc, type HandlersFor, type IpcBinding } from '../ipc/register';
import type { CompanyDirectory } from './company-directory';

export function createDirectoryHandlers(directory: CompanyDirectory): HandlersFor<typeof directoryIpc> {
  return {
    availability: () => directory.availability(),
    search: async (request) => {
      try {
        const page = await directory.search(request);
        return { ok: true, people: page.people, nextCursor: page.nextCursor };
      } catch (error) {
        return asResultError(error);
      }
    },
    resolve: async ({ communicationUserId }) => {
      try {
        return { ok: true, person: await directory.resolve(communicationUserId) };
      } catch (error) {
        return asResultError(error);
      }
    },
  };
}

export function directoryIpcBinding(directory: CompanyDirectory): IpcBinding {
  return bindIpc(directoryIpc, createDirectoryHandlers(directory));
}
