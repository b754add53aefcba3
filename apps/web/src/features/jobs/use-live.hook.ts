import { type LiveEvent, liveEventSchema } from "@clusterbrain/contracts";
import { useEffect, useRef, useState } from "react";
import { liveUrl } from "../../shared/api/endpoints.ts";

export type LiveState = "connecting" | "open" | "closed";

/**
 * Subscribes to the server-push channel (the live route, Server-Sent Events with the session
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
    const source = new EventSource(liveUrl);
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
