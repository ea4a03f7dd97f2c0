import mongoose from 'mongoose';

const {
  MongoNetworkError,
  MongoServerSelectionError,
  MongoOperationTimeoutError,
  MongoTopologyClosedError,
} = mongoose.mongo;

/**
 * True when an error means the database could not be reached or did not answer in time (down,
 * restarting, frozen, failing over) rather than that the operation itself was wrong. Such errors
 * are answered SERVICE_UNAVAILABLE (HTTP 503): the client may retry the same request.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (
    error instanceof MongoNetworkError || // includes MongoNetworkTimeoutError
    error instanceof MongoServerSelectionError ||
    error instanceof MongoOperationTimeoutError ||
    error instanceof MongoTopologyClosedError
  ) {
    return true;
  }
  // Mongoose holds operations while disconnected, then gives up with this error.
  return error instanceof mongoose.Error && /buffering timed out/.test(error.message);
}
