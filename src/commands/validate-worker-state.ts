// The states of a worker thread of `irbook validate`, shared through an Int32Array: OPEN until it
// takes its first file (TAKING) or the main thread, out of files, closes it (CLOSED).
export const OPEN = 0;
export const TAKING = 1;
export const CLOSED = 2;
