import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  raw: string;
  at: number;
}
export interface ReceivedHook {
  url: string;
  body: Record<string, unknown>;
  at: number;
}

/** Waits until `pick()` returns something (polling every 20 ms), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, pick: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = pick();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

/** An SMTP server on port 0 of 127.0.0.1 that keeps every message (tests, benches). */
export async function startSmtpSink(): Promise<{
  url: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      let raw = "";
      stream.on("data", (c: Buffer) => {
        raw += c.toString("utf8");
      });
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, at: Date.now() });
        done();
      });
    },
  });
  const port = await new Promise<number>((ok) =>
    smtp.listen(0, "127.0.0.1", () => ok((smtp.server.address() as AddressInfo).port)),
  );
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    mails,
    close: () => new Promise<void>((ok) => smtp.close(() => ok())),
  };
}

/** A group-robot endpoint on port 0 of 127.0.0.1 answering like DingTalk/WeCom (errcode 0) and Feishu (code 0). */
export async function startRobotSink(): Promise<{
  base: string;
  hooks: ReceivedHook[];
  close(): Promise<void>;
}> {
  const hooks: ReceivedHook[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let data = "";
    req.on("data", (c) => {
      data += c;
    });
    req.on("end", () => {
      hooks.push({
        url: req.url ?? "",
        body: JSON.parse(data || "{}") as Record<string, unknown>,
        at: Date.now(),
      });
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ errcode: 0, errmsg: "ok", code: 0 }));
    });
  });
  const port = await new Promise<number>((ok) =>
    server.listen(0, "127.0.0.1", () => ok((server.address() as AddressInfo).port)),
  );
  return {
    base: `http://127.0.0.1:${port}`,
    hooks,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** The text body of a single-part message as received (base64 or quoted-printable decoded). */
export function mailBody(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const head = split < 0 ? "" : raw.slice(0, split);
  const body = split < 0 ? raw : raw.slice(split + 4);
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}
