export interface ServerSentEvent {
  readonly event: string;
  readonly data: any;
}

/**
 * Reads server-sent events from a fetch response, one at a time. `next` fails when no event arrives within
 * `timeoutMs` (a live update that never comes) and when the server ends the stream.
 */
export function sseReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const nextChunk = (timeoutMs: number) => {
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no server-sent event within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([reader.read(), silence]).finally(() => clearTimeout(timer));
  };
  const next = async (timeoutMs = 5_000): Promise<ServerSentEvent> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .find((line) => line.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        return { event: field('event') ?? 'message', data: JSON.parse(field('data') ?? 'null') };
      }
      const chunk = await nextChunk(timeoutMs);
      if (chunk.done) throw new Error('the stream ended');
      buffer += chunk.value;
    }
  };
  /** The next event of the given name, passing over others (keep-alives, other figures). */
  const until = async (event: string, timeoutMs = 5_000): Promise<ServerSentEvent> => {
    for (;;) {
      const message = await next(timeoutMs);
      if (message.event === event) return message;
    }
  };
  return { next, until, close: () => reader.cancel() };
}
