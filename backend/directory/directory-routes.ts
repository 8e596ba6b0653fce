/**
 * `GET /v1/people` and `GET /v1/people/{communicationUserId}` (docs/backend-openapi.yaml): the
 * company directory. Order of checks: the global per-IP limit (the plugin's hook), then the
 * directory bearer (401), then the per-session limit (429), then the query (400).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { backendRoutes, PeopleQuerySchema, type PersonAnswer } from '../../common/backend-contract';
import { HttpError } from '../http/errors';
import { perSessionRateLimit } from '../http/session-rate-limit';
import type { DirectoryCaller, DirectoryService } from './directory-service';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the directory routes' bearer check. */
    directoryCaller?: DirectoryCaller;
  }
}

export interface DirectoryRouteOptions {
  /** Null in `open` mode: the routes answer 403 and say why. */
  readonly directory: DirectoryService | null;
  /** Directory requests per minute for one session (RATE_LIMIT_DIRECTORY_PER_SESSION). */
  readonly perSession: number;
}

export function registerDirectoryRoutes(app: FastifyInstance, options: DirectoryRouteOptions): void {
  const directory = (): DirectoryService => {
    if (options.directory) return options.directory;
    throw new HttpError(
      403,
      'forbidden',
      'This backend has no company directory: it uses open sign-in, where nobody’s name is verified.',
    );
  };
  const authorise = async (request: FastifyRequest) => {
    request.directoryCaller = await directory().authorise(request.headers.authorization);
  };
  const perSession = perSessionRateLimit(
    app,
    options.perSession,
    (request) => request.directoryCaller?.sessionId,
    // Searches and look-ups share one budget per session.
    { what: 'directory requests', counter: backendRoutes.people },
  );
  const preHandler = [authorise, perSession];

  app.get(backendRoutes.people, { preHandler }, async (request) => {
    const query = PeopleQuerySchema.safeParse(request.query);
    if (!query.success) {
      throw new HttpError(
        400,
        'invalid_request',
        'Send ?query=<1 to 100 characters of a name or email>, optionally &limit=<1 to 50> and &cursor=<nextCursor>.',
      );
    }
    return directory().search(query.data);
  });

  app.get<{ Params: { communicationUserId: string } }>(
    `${backendRoutes.people}/:communicationUserId`,
    { preHandler },
    async (request): Promise<PersonAnswer> => ({
      person: await directory().resolve(request.params.communicationUserId),
    }),
  );
}
