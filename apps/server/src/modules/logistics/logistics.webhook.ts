import { createHmac, timingSafeEqual } from "node:crypto";
import { WEBHOOK_TOLERANCE_SECONDS } from "@clusterbrain/contracts";
import { UnauthenticatedError } from "../../errors/index.ts";

/** Hex HMAC-SHA256 of `${timestamp}.${raw body}`: what a carrier sends in x-webhook-signature. */
export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
}

/**
 * Checks a webhook's timestamp and signature; every failure is a 401 that says which check failed
 * (never which org or shipment exists).
 */
export function verifyWebhook(input: {
  secret: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  now: Date;
}): void {
  const { secret, timestamp, signature, rawBody, now } = input;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp))
    throw new UnauthenticatedError("x-webhook-timestamp must be unix seconds");
  const age = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (age > WEBHOOK_TOLERANCE_SECONDS)
    throw new UnauthenticatedError(`stale webhook: timestamp is ${Math.round(age)} s from now (limit 300 s)`);
  const sent = (signature ?? "").replace(/^sha256=/, "");
  if (!secret || !/^[0-9a-f]{64}$/i.test(sent)) throw new UnauthenticatedError("bad webhook signature");
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody), "hex");
  if (!timingSafeEqual(expected, Buffer.from(sent, "hex")))
    throw new UnauthenticatedError("bad webhook signature");
}
