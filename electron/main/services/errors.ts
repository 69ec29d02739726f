/**
 * Errors a use case throws on purpose. Their messages are written for the user; the IPC layer
 * maps each class to an error code (see ipc/to-ipc-error.ts).
 */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export class ConflictError extends Error {
  override name = 'ConflictError';
}
