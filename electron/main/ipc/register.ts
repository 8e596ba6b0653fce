/**
 * Installs main-process handlers for a descriptor table (common/ipc). Every concern (session,
 * history, desktop, …) registers its own table through `registerIpcTable`, so every channel gets
 * the same treatment: the sender is checked first, then the payload is parsed with the
 * descriptor's schema, then the typed handler runs, then its answer is parsed with the response
 * schema (which also strips anything the renderer was not meant to see). A refused or failing
 * call becomes a rejected promise with a plain message; it never crashes main.
 */
import type { z } from 'zod';
import type {
  AnyDescriptor,
  DescriptorTable,
  EventDescriptor,
  InvokeDescriptor,
  SendDescriptor,
} from '../../../common/ipc';
import { IPC_CHANNEL_PREFIX } from '../../../common/ipc';
import { ipcWords } from '../strings/session';
import type { IpcSenderInfo, SenderPolicy } from './sender-policy';

/** What the handlers receive besides the payload: who called (already verified). */
export interface IpcCallContext {
  readonly senderId: number;
}

/** The handler main writes for one descriptor; its types come from the descriptor's schemas. */
export type HandlerFor<D> =
  D extends InvokeDescriptor<infer Req, infer Res>
    ? Req extends z.ZodType
      ? (request: z.output<Req>, context: IpcCallContext) => Promise<z.input<Res>> | z.input<Res>
      : (context: IpcCallContext) => Promise<z.input<Res>> | z.input<Res>
    : D extends SendDescriptor<infer Req>
      ? (request: z.output<Req>, context: IpcCallContext) => void
      : never;

type EventKeys<T extends DescriptorTable> = {
  [K in keyof T]: T[K] extends EventDescriptor<z.ZodType> ? K : never;
}[keyof T];
type CallKeys<T extends DescriptorTable> = Exclude<keyof T, EventKeys<T>>;

/** One handler per invoke/send descriptor of a table. */
export type HandlersFor<T extends DescriptorTable> = { readonly [K in CallKeys<T>]: HandlerFor<T[K]> };

/** One emitter per event descriptor of a table: the payload is validated before it leaves main. */
export type EmittersFor<T extends DescriptorTable> = {
  readonly [K in EventKeys<T>]: T[K] extends EventDescriptor<infer P> ? (payload: z.input<P>) => void : never;
};

/** The part of Electron's `ipcMain` used here, so that tests and the bridge harness can provide their own. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderInfo, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: IpcSenderInfo, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (...args: never[]) => void): unknown;
}

export interface RegisterOptions {
  readonly ipc: IpcMainLike;
  readonly senderPolicy: SenderPolicy;
  /** Delivers a main → renderer event to our window (`webContents.send` in production). */
  readonly deliver: (channel: string, payload: unknown) => void;
  /** Where refused calls and handler failures are reported (never with payloads: they may hold secrets). */
  readonly log?: (message: string) => void;
}

export interface RegisteredTable<T extends DescriptorTable> {
  readonly emit: EmittersFor<T>;
  /** Removes every handler this registration installed. */
  dispose(): void;
}

/** Thrown back to the renderer when a call is refused; the message says why without echoing the payload. */
export class IpcRefusedError extends Error {
  override readonly name = 'IpcRefusedError';
}

export function registerIpcTable<T extends DescriptorTable>(
  table: T,
  handlers: HandlersFor<T>,
  options: RegisterOptions,
): RegisteredTable<T> {
  const { ipc, senderPolicy, deliver } = options;
  const log = options.log ?? (() => {});
  const disposers: Array<() => void> = [];
  const emit: Record<string, (payload: unknown) => void> = {};

  for (const [name, descriptor] of Object.entries(table) as Array<[string, AnyDescriptor]>) {
    assertOwnChannel(descriptor.channel);
    const channel = descriptor.channel;
    const handler = (handlers as Record<string, ((...args: unknown[]) => unknown) | undefined>)[name];

    if (descriptor.kind === 'event') {
      emit[name] = (payload) => deliver(channel, descriptor.payload.parse(payload));
      continue;
    }
    if (typeof handler !== 'function') throw new Error(`no IPC handler for ${channel}`);

    if (descriptor.kind === 'invoke') {
      ipc.handle(channel, async (event, ...args) => {
        const context = admit(event, channel);
        if (descriptor.request === null) {
          if (args.length > 0 && args[0] !== undefined) refuse(channel, 'it takes no argument');
          return descriptor.response.parse(await runHandler(channel, () => handler(context)));
        }
        const request = parsePayload(descriptor.request, args, channel);
        return descriptor.response.parse(await runHandler(channel, () => handler(request, context)));
      });
      disposers.push(() => ipc.removeHandler(channel));
    } else {
      const listener = (event: IpcSenderInfo, ...args: unknown[]) => {
        try {
          const context = admit(event, channel);
          handler(parsePayload(descriptor.request, args, channel), context);
        } catch (error) {
          // A send has nobody to answer: log and carry on, never let it crash main.
          log(`${channel}: ${(error as Error).message}`);
        }
      };
      ipc.on(channel, listener);
      disposers.push(() => ipc.removeListener(channel, listener));
    }
  }

  function admit(event: IpcSenderInfo, channel: string): IpcCallContext {
    const verdict = senderPolicy(event);
    if (!verdict.trusted) refuse(channel, verdict.reason);
    return { senderId: event.sender.id };
  }

  function refuse(channel: string, why: string): never {
    log(`refused ${channel}: ${why}`);
    throw new IpcRefusedError(`Switchboard refused ${channel}: ${why}.`);
  }

  function parsePayload(schema: z.ZodType, args: unknown[], channel: string): unknown {
    if (args.length !== 1) refuse(channel, `it takes exactly one argument (got ${args.length})`);
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      // Issue paths and messages only: the received values may be secrets.
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
      refuse(channel, `the request is malformed (${issues})`);
    }
    return parsed.data;
  }

  async function runHandler(channel: string, run: () => unknown): Promise<unknown> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof IpcRefusedError) throw error;
      // Unexpected failure inside a handler: the renderer gets a generic message; the detail
      // (its class and message, which our own modules keep free of secrets) goes to the log.
      log(`${channel} failed: ${(error as Error)?.name}: ${(error as Error)?.message}`);
      throw new Error(ipcWords.failed(channel));
    }
  }

  return {
    emit: emit as EmittersFor<T>,
    dispose: () => {
      for (const dispose of disposers.splice(0)) dispose();
    },
  };
}

function assertOwnChannel(channel: string): void {
  if (!channel.startsWith(IPC_CHANNEL_PREFIX)) throw new Error(`IPC channel ${channel} lacks ${IPC_CHANNEL_PREFIX}`);
}

/** Registers a table with its handlers: `WindowIpc.register` in production. */
export type IpcRegistrar = <T extends DescriptorTable>(table: T, handlers: HandlersFor<T>) => RegisteredTable<T>;

/**
 * A table and its handlers, the one shape in which every main-process concern (session, history,
 * desktop) hands its IPC to the composition root (main.ts), which registers them all alike.
 * `connect` receives the table's event emitters once it is registered, for a concern that pushes
 * events (session changes, call links), and may return what undoes it. The table's type stays
 * inside: bindings of different tables sit in one list.
 */
export interface IpcBinding {
  /** Registers the table; the answer removes the handlers and undoes `connect`. */
  register(registrar: IpcRegistrar): () => void;
}

export function bindIpc<T extends DescriptorTable>(
  table: T,
  handlers: HandlersFor<T>,
  connect?: (emit: EmittersFor<T>) => (() => void) | undefined,
): IpcBinding {
  return {
    register: (registrar) => {
      const registered = registrar(table, handlers);
      const disconnect = connect?.(registered.emit);
      return () => {
        disconnect?.();
        registered.dispose();
      };
    },
  };
}

/**
 * Event emitters usable before their table is registered: a concern's pieces are built first and
 * its table registered once with all their handlers, so the pieces get these and `bind` points them
 * at the registered ones. An event emitted before then has no window to reach and is dropped.
 */
export function deferredEmitters<T extends DescriptorTable>(
  table: T,
): { readonly emit: EmittersFor<T>; bind(target: EmittersFor<T>): void } {
  let target: Record<string, (payload: unknown) => void> | null = null;
  const emit: Record<string, (payload: unknown) => void> = {};
  for (const [name, descriptor] of Object.entries(table) as Array<[string, AnyDescriptor]>) {
    if (descriptor.kind === 'event') emit[name] = (payload) => target?.[name]?.(payload);
  }
  return {
    emit: emit as EmittersFor<T>,
    bind: (registered) => {
      target = registered as unknown as Record<string, (payload: unknown) => void>;
    },
  };
}
