/**
 * The contract's channel names, repeated here so the preload does not import the contract's
 * runtime (which would bundle zod and every schema into the sandboxed preload). The type check
 * below fails the build if a channel is missing; tests/electron/preload.test.ts checks the
 * list equals `Object.keys(ipcContract)` exactly.
 */
import type { Channel } from '../../shared/ipc/contract';

export const CHANNELS = [
  'app:info',
  'datapack:get',
  'profiles:list',
  'plans:list',
  'plans:get',
  'plans:create',
  'plans:save',
  'plans:rename',
  'plans:duplicate',
  'plans:delete',
  'plans:restore',
  'report:get',
  'export:pdf',
  'export:csv',
  'export:plans',
  'import:plans',
  // Counselor and computer-lab mode (shared/ipc/counselor-contract.ts).
  'classes:list',
  'classes:create',
  'classes:students',
  'students:create',
  'students:delete',
  'roster:preview',
  'roster:import',
  'batch:start',
  'batch:status',
  'batch:cancel',
  'session:prepareEnd',
  'session:end',
] as const satisfies readonly Channel[];

type RequireNever<T extends never> = T;
/** Compile-time check: every contract channel is listed above. */
export type UnlistedChannels = RequireNever<Exclude<Channel, (typeof CHANNELS)[number]>>;

export function isKnownChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
