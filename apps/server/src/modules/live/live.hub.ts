import type { LiveEvent } from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";

/** Where an event belongs: the org whose data it is about. */
export interface LiveScope {
  orgId: string;
  /** Addressed to one user of the org (a notification); undefined reaches every member the topic allows. */
  userId?: string;
}

export interface LiveSink {
  deliver(event: LiveEvent): void;
  /** The hub is closing (server shutdown): end the stream. */
  end(): void;
}

export interface LiveSubscription {
  unsubscribe(): void;
  /** The session was checked again (role or membership may have changed): judge later messages by this actor. */
  reauthorize(actor: Actor): void;
}

interface Subscriber {
  actor: Actor;
  sink: LiveSink;
  wants: (event: LiveEvent) => boolean;
}

/** What a subscriber asked for beyond what it may see (not an authorisation: the policy decides that). */
export interface LiveInterest {
  /** Telemetry tags whose points the screen charts; telemetry events of other tags are not sent. */
  telemetryTags?: ReadonlySet<string>;
}

function wantsOf(interest: LiveInterest): (event: LiveEvent) => boolean {
  return (event) => {
    if (event.topic === "telemetry") return interest.telemetryTags?.has(event.tagId) ?? false;
    return true;
  };
}

/** Per message, per subscriber: may this actor see this event? One function, per topic. */
export function mayReceive(actor: Actor, scope: LiveScope, event: LiveEvent): boolean {
  switch (event.topic) {
    case "job":
      return policy.can(actor, "job.read", { kind: "job", orgId: scope.orgId });
    case "telemetry":
      return policy.can(actor, "telemetry.read", { kind: "org", orgId: scope.orgId });
    case "alarm":
      return policy.can(actor, "monitoring.read", { kind: "org", orgId: scope.orgId });
    case "notification":
      return policy.can(actor, "notification.read", {
        kind: "notification",
        orgId: scope.orgId,
        userId: scope.userId,
      });
  }
}

/**
 * The one server-push channel of the process. Modules publish events with the org they belong
 * to; every subscriber (an open GET /api/v1/live stream) gets only the events its actor may see,
 * decided per message by the policy, so a filter cannot be forgotten at a publisher.
 */
export class LiveHub {
  private readonly subscribers = new Set<Subscriber>();

  subscribe(actor: Actor, sink: LiveSink, interest: LiveInterest = {}): LiveSubscription {
    const sub: Subscriber = { actor, sink, wants: wantsOf(interest) };
    this.subscribers.add(sub);
    return {
      unsubscribe: () => {
        this.subscribers.delete(sub);
      },
      reauthorize: (next) => {
        sub.actor = next;
      },
    };
  }

  publish(scope: LiveScope, event: LiveEvent): void {
    for (const sub of this.subscribers) {
      if (!sub.wants(event) || !mayReceive(sub.actor, scope, event)) continue;
      try {
        sub.sink.deliver(event);
      } catch {
        // A broken stream must not stop delivery to the others; its close handler unsubscribes it.
      }
    }
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  close(): void {
    for (const sub of this.subscribers) sub.sink.end();
    this.subscribers.clear();
  }
}
