import { type LiveEvent, liveEventSchema } from "@clusterbrain/contracts";
import { useEffect, useRef, useState } from "react";

export type LiveState = "connecting" | "open" | "closed";

/**
 * Subscribes to the server-push channel (GET /api/v1/live, Server-Sent Events with the session
 * cookie) and hands each event of `topic` to `onEvent`. EventSource reconnects by itself.
 */
export function useLive<T extends LiveEvent["topic"]>(
  topic: T,
  onEvent: (event: Extract<LiveEvent, { topic: T }>) => void,
): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const source = new EventSource("/api/v1/live");
    source.onopen = () => setState("open");
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "closed" : "connecting");
    const listener = (e: MessageEvent<string>) => {
      const parsed = liveEventSchema.safeParse(JSON.parse(e.data));
      if (parsed.success && parsed.data.topic === topic)
        handler.current(parsed.data as Extract<LiveEvent, { topic: T }>);
    };
    source.addEventListener(topic, listener);
    return () => {
      source.removeEventListener(topic, listener);
      source.close();
    };
  }, [topic]);
  return state;
}
