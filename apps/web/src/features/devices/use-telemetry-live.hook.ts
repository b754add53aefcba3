import { liveEventSchema, type TelemetryLiveEvent } from "@clusterbrain/contracts";
import { useEffect, useRef, useState } from "react";
import { liveUrlFor } from "../../shared/api/endpoints.ts";

export type LiveState = "connecting" | "open" | "closed";

/**
 * New points of the given tags over the server-push channel (the live route with
 * `telemetryTags`): the server coalesces them to a few events per second per tag.
 */
export function useTelemetryLive(
  tagIds: readonly string[],
  onEvent: (event: TelemetryLiveEvent) => void,
): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = tagIds.join(",");
  useEffect(() => {
    if (key === "") return;
    const source = new EventSource(liveUrlFor(key.split(",")));
    source.onopen = () => setState("open");
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "closed" : "connecting");
    const listener = (e: MessageEvent<string>) => {
      const parsed = liveEventSchema.safeParse(JSON.parse(e.data));
      if (parsed.success && parsed.data.topic === "telemetry") handler.current(parsed.data);
    };
    source.addEventListener("telemetry", listener);
    return () => {
      source.removeEventListener("telemetry", listener);
      source.close();
    };
  }, [key]);
  return state;
}
