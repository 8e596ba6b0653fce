/**
 * How a concern declares its IPC: a table of named descriptors. From one table come
 *  - the bridge type the renderer sees (`BridgeOf<typeof table>`),
 *  - the preload's functions (one per descriptor, each bound to its own channel: nothing generic),
 *  - the main process's handlers (each validates its sender and its payload with the schema here).
 * So a channel, its payload and its result are declared once and a rename breaks the build.
 */
import type { z } from 'zod';

/** renderer → main, answered: `ipcRenderer.invoke` / `ipcMain.handle`. */
export interface InvokeDescriptor<Req extends z.ZodType | null, Res extends z.ZodType> {
  readonly kind: 'invoke';
  readonly channel: `switchboard:${string}`;
  /** null: the call takes no argument. */
  readonly request: Req;
  readonly response: Res;
}

/** renderer → main, fire and forget: `ipcRenderer.send` / `ipcMain.on`. */
export interface SendDescriptor<Req extends z.ZodType> {
  readonly kind: 'send';
  readonly channel: `switchboard:${string}`;
  readonly request: Req;
}

/** main → renderer: `webContents.send` / a listener the renderer subscribes with. */
export interface EventDescriptor<Payload extends z.ZodType> {
  readonly kind: 'event';
  readonly channel: `switchboard:${string}`;
  readonly payload: Payload;
}

// biome-ignore lint/suspicious/noExplicitAny: the widest descriptor, used only as a constraint.
export type AnyDescriptor = InvokeDescriptor<any, any> | SendDescriptor<any> | EventDescriptor<any>;
export type DescriptorTable = Readonly<Record<string, AnyDescriptor>>;

export const invoke = <Req extends z.ZodType | null, Res extends z.ZodType>(
  channel: `switchboard:${string}`,
  request: Req,
  response: Res,
): InvokeDescriptor<Req, Res> => ({ kind: 'invoke', channel, request, response });

export const send = <Req extends z.ZodType>(channel: `switchboard:${string}`, request: Req): SendDescriptor<Req> => ({
  kind: 'send',
  channel,
  request,
});

export const event = <Payload extends z.ZodType>(
  channel: `switchboard:${string}`,
  payload: Payload,
): EventDescriptor<Payload> => ({ kind: 'event', channel, payload });

/** The function the renderer sees for one descriptor. */
export type BridgeFunction<D> =
  D extends InvokeDescriptor<infer Req, infer Res>
    ? Req extends z.ZodType
      ? (request: z.input<Req>) => Promise<z.output<Res>>
      : () => Promise<z.output<Res>>
    : D extends SendDescriptor<infer Req>
      ? (request: z.input<Req>) => void
      : D extends EventDescriptor<infer Payload>
        ? (listener: (payload: z.output<Payload>) => void) => () => void
        : never;

/** The object the renderer sees for one table. */
export type BridgeOf<T extends DescriptorTable> = { readonly [K in keyof T]: BridgeFunction<T[K]> };
