/**
 * The renderer's only door to the main process: a typed wrapper over `window.planner.invoke`.
 * Every call returns the channel's output or throws an `ApiError` carrying the contract's
 * error code, so screens handle failures with one `try/catch` and never see `{ ok: false }`.
 */
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  IpcErrorCode,
  PlannerApi,
} from '../../shared/ipc/contract';

/**
 * Commands the app menu sends (shared/ipc/menu-actions.ts lists them: 'new-plan', 'import',
 * 'export', 'print', 'help-projections', 'help-sources'). Typed as a string so a command added
 * in main is ignored here rather than a type error; the app handles the ones it knows.
 */
export type MenuCommand = string;

declare global {
  interface Window {
    planner: PlannerApi & {
      /** Optional: subscribe to app-menu commands; returns an unsubscribe function. */
      onMenu?: (listener: (command: MenuCommand) => void) => (() => void) | void;
    };
  }
}

export class ApiError extends Error {
  readonly code: IpcErrorCode | 'unavailable';
  /** For invalid_input: the JSON path of the failing field. */
  readonly path?: string;

  constructor(code: IpcErrorCode | 'unavailable', message: string, path?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.path = path;
  }
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const bridge = typeof window === 'undefined' ? undefined : window.planner;
  if (!bridge || typeof bridge.invoke !== 'function') {
    throw new ApiError('unavailable', 'The app could not reach its data. Close it and open it again.');
  }
  let result;
  try {
    result = await bridge.invoke(channel, input);
  } catch (error) {
    throw new ApiError('internal', error instanceof Error ? error.message : String(error));
  }
  if (!result || typeof result !== 'object') {
    throw new ApiError('internal', `No reply from ${channel}.`);
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.path);
}

type Out<C extends Channel> = Promise<ChannelOutput<C>>;

export const api = {
  app: { info: (): Out<'app:info'> => call('app:info', {}) },
  datapack: { get: (): Out<'datapack:get'> => call('datapack:get', {}) },
  profiles: { list: (): Out<'profiles:list'> => call('profiles:list', {}) },
  plans: {
    list: (input: ChannelInput<'plans:list'> = {}): Out<'plans:list'> => call('plans:list', input),
    get: (id: number): Out<'plans:get'> => call('plans:get', { id }),
    create: (input: ChannelInput<'plans:create'>): Out<'plans:create'> => call('plans:create', input),
    save: (input: ChannelInput<'plans:save'>): Out<'plans:save'> => call('plans:save', input),
    rename: (id: number, name: string): Out<'plans:rename'> => call('plans:rename', { id, name }),
    duplicate: (id: number): Out<'plans:duplicate'> => call('plans:duplicate', { id }),
    delete: (id: number): Out<'plans:delete'> => call('plans:delete', { id }),
    restore: (id: number): Out<'plans:restore'> => call('plans:restore', { id }),
  },
};

/** Subscribes to app-menu commands when the shell offers them; a no-op otherwise. */
export function onMenu(listener: (command: MenuCommand) => void): () => void {
  const subscribe = typeof window === 'undefined' ? undefined : window.planner?.onMenu;
  if (typeof subscribe !== 'function') return () => {};
  const unsubscribe = subscribe.call(window.planner, listener);
  return typeof unsubscribe === 'function' ? unsubscribe : () => {};
}

/** A sentence for a 17-year-old, whatever went wrong. */
export function friendlyError(error: unknown, doing: string): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'not_found':
        return `We couldn't find that plan while ${doing}. It may have been deleted.`;
      case 'conflict':
        return `This plan was changed somewhere else while ${doing}. Reload it to see the latest version.`;
      case 'invalid_input':
        return `Something in the plan isn't filled in right, so we stopped ${doing}. ${error.message}`;
      case 'unavailable':
        return error.message;
      default:
        return `Something went wrong while ${doing}. Try again in a moment.`;
    }
  }
  return `Something went wrong while ${doing}. Try again in a moment.`;
}
