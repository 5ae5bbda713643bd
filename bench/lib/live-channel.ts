import type { VirtualUser } from "./virtual-user";

/** What the live channel streams: `{ type: "notification" }`, `{ type: "message", … }`, … */
export interface LiveEvent {
  type: string;
}

/**
 * Holds a person's live channel (/api/live, Server-Sent Events) open as the portal's pages do, calling `onEvent` for
 * each event. Resolves once the stream is open and listening (its first bytes arrived); returns the function that
 * closes it. `onEnd` is told if the server ends the stream first.
 */
export async function listenLive(user: VirtualUser, onEvent: (event: LiveEvent) => void, onEnd: () => void): Promise<() => void> {
  const controller = new AbortController();
  const response = await user.open("/api/live", controller.signal);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const read = async (): Promise<boolean> => {
    const { value, done } = await reader.read();
    if (done) return false;
    buffer += value;
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const line of block.split("\n")) if (line.startsWith("data: ")) onEvent(JSON.parse(line.slice("data: ".length)) as LiveEvent);
    }
    return true;
  };
  if (!(await read())) throw new Error("the live channel closed at once");
  void (async () => {
    try {
      while (await read());
      onEnd();
    } catch {
      if (!controller.signal.aborted) onEnd();
    }
  })();
  return () => controller.abort();
}
