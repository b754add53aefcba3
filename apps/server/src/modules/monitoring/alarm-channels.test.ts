import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AlarmMessage,
  AlarmNotifier,
  channelsFrom,
  dingTalkChannel,
  emailChannel,
  feishuChannel,
  weComChannel,
} from "./alarm-channels.ts";

const NOW = new Date("2026-12-07T08:00:00.000Z");
const message: AlarmMessage = {
  alarmId: "a1",
  orgId: "org-a",
  tagKey: "炉温 TT-101",
  unit: "°C",
  priority: "high",
  state: "unack",
  value: 412.5,
  raisedAt: "2026-12-07T07:59:00.000Z",
  escalation: false,
  link: "https://cb.example/alarms",
};

interface Received {
  url: string;
  body: Record<string, unknown>;
}

/** A robot endpoint on port 0: records each request, answers with `reply`. */
function robot(reply: Record<string, unknown>) {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = "";
    req.on("data", (c) => {
      data += c;
    });
    req.on("end", () => {
      received.push({ url: req.url ?? "", body: JSON.parse(data) as Record<string, unknown> });
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(reply));
    });
  });
  return {
    received,
    start: () =>
      new Promise<string>((ok) =>
        server.listen(0, "127.0.0.1", () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

describe("alarm channels against test servers", () => {
  const mails: { from: string; to: string[]; raw: string }[] = [];
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
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        done();
      });
    },
  });
  let smtpPort = 0;
  beforeAll(
    () =>
      new Promise<void>((ok) =>
        smtp.listen(0, "127.0.0.1", () => {
          smtpPort = (smtp.server.address() as AddressInfo).port;
          ok();
        }),
      ),
  );
  afterAll(() => new Promise<void>((ok) => smtp.close(() => ok())));

  it("e-mail: nodemailer delivers to the SMTP server with a Chinese subject", async () => {
    const channel = emailChannel(`smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`, "alarms@cb.test", [
      "ops@a.test",
      "lead@a.test",
    ]);
    await channel.send(message);
    expect(mails).toHaveLength(1);
    expect(mails[0].from).toBe("alarms@cb.test");
    expect(mails[0].to).toEqual(["ops@a.test", "lead@a.test"]);
    // Subject is MIME-encoded (RFC 2047, UTF-8, B or Q); decoded it names the tag.
    const subject = /^Subject: (.+(?:\r\n .+)*)/m.exec(mails[0].raw)?.[1] ?? "";
    const decoded = subject
      .replace(/\?=\s+=\?/g, "?==?")
      .replace(/=\?UTF-8\?([BQ])\?(.*?)\?=/gi, (_m, enc: string, data: string) =>
        enc.toUpperCase() === "B"
          ? Buffer.from(data, "base64").toString("utf8")
          : Buffer.from(
              data
                .replace(/_/g, " ")
                .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
              "latin1",
            ).toString("utf8"),
      );
    expect(decoded).toContain("炉温 TT-101");
    expect(mails[0].raw).toContain("412.5");
  });

  it("DingTalk: signed webhook (timestamp + HMAC-SHA256 sign) and its markdown payload", async () => {
    const r = robot({ errcode: 0, errmsg: "ok" });
    const base = await r.start();
    try {
      const secret = "SECtest0123456789";
      await dingTalkChannel(`${base}/robot/send?access_token=tok`, secret, () => NOW).send(message);
      const url = new URL(r.received[0].url, base);
      expect(url.searchParams.get("access_token")).toBe("tok");
      expect(url.searchParams.get("timestamp")).toBe(String(NOW.getTime()));
      const expected = createHmac("sha256", secret).update(`${NOW.getTime()}\n${secret}`).digest("base64");
      expect(url.searchParams.get("sign")).toBe(expected);
      expect(r.received[0].body).toMatchObject({
        msgtype: "markdown",
        markdown: { title: expect.stringContaining("TT-101") },
      });
      expect(String((r.received[0].body.markdown as { text: string }).text)).toContain("412.5 °C");
    } finally {
      await r.stop();
    }
  });

  it("DingTalk: an error code in a 200 answer (e.g. a bad signature) is a failure", async () => {
    const r = robot({ errcode: 310000, errmsg: "sign not match" });
    const base = await r.start();
    try {
      await expect(
        dingTalkChannel(`${base}/robot/send?access_token=tok`, "SECx", () => NOW).send(message),
      ).rejects.toThrow(/310000/);
    } finally {
      await r.stop();
    }
  });

  it("WeCom robot: markdown payload to the key URL", async () => {
    const r = robot({ errcode: 0, errmsg: "ok" });
    const base = await r.start();
    try {
      await weComChannel(`${base}/cgi-bin/webhook/send?key=k1`).send({ ...message, escalation: true });
      expect(r.received[0].url).toBe("/cgi-bin/webhook/send?key=k1");
      const content = (r.received[0].body as { msgtype: string; markdown: { content: string } }).markdown
        .content;
      expect(r.received[0].body.msgtype).toBe("markdown");
      expect(content).toContain("升级 Escalation");
      expect(content).toContain("https://cb.example/alarms");
    } finally {
      await r.stop();
    }
  });

  it("Feishu: signed text message (timestamp in seconds, sign = HMAC keyed by timestamp\\nsecret)", async () => {
    const r = robot({ code: 0, msg: "success" });
    const base = await r.start();
    try {
      const secret = "fs-secret";
      await feishuChannel(`${base}/open-apis/bot/v2/hook/abc`, secret, () => NOW).send(message);
      const body = r.received[0].body as {
        timestamp: string;
        sign: string;
        msg_type: string;
        content: { text: string };
      };
      const ts = Math.floor(NOW.getTime() / 1000);
      expect(body.timestamp).toBe(String(ts));
      expect(body.sign).toBe(createHmac("sha256", `${ts}\n${secret}`).update("").digest("base64"));
      expect(body.msg_type).toBe("text");
      expect(body.content.text).toContain("炉温 TT-101");
    } finally {
      await r.stop();
    }
  });

  it("the notifier sends to every configured channel; one failing does not stop the others", async () => {
    const ok = robot({ errcode: 0 });
    const bad = robot({ code: 19021, msg: "sign match fail" });
    const [okBase, badBase] = [await ok.start(), await bad.start()];
    try {
      const channels = channelsFrom(
        {
          smtpUrl: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
          emailFrom: "alarms@cb.test",
          emailTo: ["ops@a.test"],
          weComWebhook: `${okBase}/cgi-bin/webhook/send?key=k`,
          feishuWebhook: `${badBase}/hook`,
          feishuSecret: "s",
          escalateMinutes: 30,
        },
        () => NOW,
      );
      expect(channels.map((c) => c.name)).toEqual(["email", "wecom", "feishu"]);
      const notifier = new AlarmNotifier(channels);
      const before = mails.length;
      await notifier.notify(message);
      expect(notifier.sent).toBe(2);
      expect(notifier.failures).toEqual([expect.stringContaining("feishu: robot refused")]);
      expect(mails.length).toBe(before + 1);
      expect(ok.received).toHaveLength(1);
    } finally {
      await ok.stop();
      await bad.stop();
    }
  });
});
