/**
 * A reader that stops early (`codegen list | head -2`) closes the pipe behind our stdout or
 * stderr. Node ignores SIGPIPE, so the next write fails with EPIPE, emitted as an 'error'
 * event that nobody handles: the process dies with a stack trace. Other CLIs end quietly
 * instead; here, output to a closed stream is dropped without a word. The command itself
 * still runs to its end (a `generate` whose reader went away still writes every file and keeps
 * its exit code): a reader losing interest is no reason to stop half way through a write.
 */

/** Error codes that mean "nobody reads this stream any more". */
const CLOSED_CODES = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

const closed = new WeakSet<NodeJS.WritableStream>();
const watched = new WeakSet<NodeJS.WritableStream>();

/** A writer for `stream` that drops its text once the stream's reader has gone. */
export function closedSafeWriter(stream: NodeJS.WritableStream): (text: string) => void {
  watch(stream);
  return (text) => {
    if (isClosed(stream)) return;
    stream.write(text);
  };
}

/** Whether writes to `stream` are being dropped because its reader has gone. */
export function isClosed(stream: NodeJS.WritableStream): boolean {
  return closed.has(stream) || (stream as { destroyed?: boolean }).destroyed === true;
}

/** One listener per stream, however many writers are made for it. Other errors stay fatal. */
function watch(stream: NodeJS.WritableStream): void {
  if (watched.has(stream)) return;
  watched.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error && typeof error.code === 'string' && CLOSED_CODES.has(error.code)) {
      closed.add(stream);
      return;
    }
    throw error;
  });
}
