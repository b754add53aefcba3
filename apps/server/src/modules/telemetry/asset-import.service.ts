import { randomUUID } from "node:crypto";
import {
  type AssetImportReport,
  type AssetImportRequest,
  type ImportIssue,
  MACHINE_PROCESS_TYPES,
  TAG_DATA_TYPES,
  tagKeySchema,
} from "@clusterbrain/contracts";
import type { Actor } from "../../auth/actor.ts";
import { policy } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { ImportFileError } from "../imports/import.errors.ts";
import { mapHeader, RowReader, sortIssues } from "../imports/import.header.ts";
import { readSheet } from "../imports/sheet.reader.ts";
import { AssetRepository } from "./asset.repository.ts";
import { ASSET_COLUMNS, DATA_TYPE_LABELS, PROCESS_TYPE_LABELS } from "./asset-import.columns.ts";
import type { TelemetryStorage } from "./telemetry.storage.ts";

const MAX_ROWS = 5000;

function optionalNumber(r: RowReader, key: string): number | null {
  const text = r.get(key);
  if (text === "") return null;
  const n = Number(text);
  if (!Number.isFinite(n)) {
    r.fail(key, "INVALID_VALUE", `${key} must be a number (got "${text}")`, {
      key: "import.number",
      params: { got: text },
    });
    return null;
  }
  return n;
}

/**
 * Imports an asset tree from the first worksheet of an .xlsx (THE reader: imports/sheet.reader).
 * Parents are matched by name (existing ones reused, new ones created); every bad cell is
 * reported with its row and column, and nothing is written unless every row is good.
 */
export class AssetImportService {
  constructor(
    private readonly db: Database,
    private readonly storage: TelemetryStorage,
    private readonly now: () => Date,
  ) {}

  async run(actor: Actor, req: AssetImportRequest): Promise<AssetImportReport> {
    policy.assert(actor, "telemetry.assets.write", { kind: "org", orgId: actor.orgId });
    const bytes = new Uint8Array(Buffer.from(req.contentBase64, "base64"));
    const rows = await readSheet(bytes, "xlsx");
    if (rows.length === 0)
      throw new ImportFileError("the worksheet is empty (no header row)", {
        key: "importFile.noHeader",
        params: {},
      });
    const [header, ...data] = rows;
    if (data.length > MAX_ROWS)
      throw new ImportFileError(`more than ${MAX_ROWS} data rows`, {
        key: "importFile.tooManyRows",
        params: { rows: data.length, max: MAX_ROWS },
      });
    const map = mapHeader(header, ASSET_COLUMNS);
    const created = { sites: 0, lines: 0, machines: 0, devices: 0, tags: 0 };
    const report = (issues: ImportIssue[], committed: boolean): AssetImportReport => ({
      dryRun: req.dryRun,
      totalRows: data.length,
      committed,
      created,
      issues: sortIssues(issues, ASSET_COLUMNS),
    });
    if (map.issues.length > 0) return report(map.issues, false);

    const orgId = actor.orgId;
    const now = this.now();
    const issues: ImportIssue[] = [];
    const done = await this.db
      .transaction(async (tx) => {
        const repo = new AssetRepository(tx);
        const tree = await repo.tree(orgId);
        const ids = new Map<string, string>();
        const seed = (key: string, id: string) => ids.set(key, id);
        for (const s of tree.sites) seed(`s\u0000${s.name}`, s.id);
        for (const l of tree.lines) seed(`l\u0000${l.siteId}\u0000${l.name}`, l.id);
        for (const m of tree.machines) seed(`m\u0000${m.lineId}\u0000${m.name}`, m.id);
        for (const d of tree.devices) seed(`d\u0000${d.machineId}\u0000${d.name}`, d.id);
        for (const t of tree.tags) seed(`t\u0000${t.deviceId}\u0000${t.key}`, t.id);
        const newTags = new Map<string, number>();
        /** The id of a named record, created when new (counted once). */
        const ensure = async (
          key: string,
          kind: keyof typeof created,
          insert: (id: string) => Promise<unknown>,
        ): Promise<string> => {
          const known = ids.get(key);
          if (known) return known;
          const id = randomUUID();
          await insert(id);
          ids.set(key, id);
          created[kind]++;
          return id;
        };
        for (const row of data) {
          const r = new RowReader(row, map, ASSET_COLUMNS);
          const site = r.required("site");
          const line = r.required("line");
          const machine = r.required("machine");
          r.required("processType");
          const processType = r.has("processType")
            ? null
            : r.coded("processType", MACHINE_PROCESS_TYPES, PROCESS_TYPE_LABELS);
          const device = r.get("device");
          const tag = r.get("tag");
          let dataType: (typeof TAG_DATA_TYPES)[number] | null = null;
          if (tag !== "") {
            if (device === "")
              r.fail("device", "REQUIRED", "device is required when a tag is given", {
                key: "import.deviceForTag",
                params: {},
              });
            if (!tagKeySchema.safeParse(tag).success)
              r.fail("tag", "INVALID_VALUE", "tag must be letters, digits and _ . / : -", {
                key: "import.tagKey",
                params: {},
              });
            r.required("dataType");
            if (!r.has("dataType")) dataType = r.coded("dataType", TAG_DATA_TYPES, DATA_TYPE_LABELS);
          }
          const low = optionalNumber(r, "low");
          const high = optionalNumber(r, "high");
          if (low !== null && high !== null && low > high)
            r.fail("low", "INVALID_VALUE", "low must not be above high", {
              key: "import.lowAboveHigh",
              params: {},
            });
          const sampling = optionalNumber(r, "samplingMs");
          if (sampling !== null && (!Number.isInteger(sampling) || sampling < 1 || sampling > 86_400_000))
            r.fail(
              "samplingMs",
              "INVALID_VALUE",
              "samplingMs must be a whole number of ms between 1 and 86400000",
              { key: "import.samplingMs", params: {} },
            );
          if (r.issues.length > 0 || processType === null) {
            issues.push(...r.issues);
            continue;
          }
          const siteId = await ensure(`s\u0000${site}`, "sites", (id) =>
            repo.insertSite({ orgId, id, name: site }),
          );
          const lineId = await ensure(`l\u0000${siteId}\u0000${line}`, "lines", (id) =>
            repo.insertLine({ orgId, id, siteId, name: line }),
          );
          const machineId = await ensure(`m\u0000${lineId}\u0000${machine}`, "machines", (id) =>
            repo.insertMachine({ orgId, id, lineId, name: machine, processType }),
          );
          if (device === "") continue;
          const deviceId = await ensure(`d\u0000${machineId}\u0000${device}`, "devices", (id) =>
            repo.insertDevice({ orgId, id, machineId, name: device }),
          );
          if (tag === "" || dataType === null) continue;
          const tagKey = `t\u0000${deviceId}\u0000${tag}`;
          const firstRow = newTags.get(tagKey);
          if (firstRow !== undefined) {
            r.fail("tag", "DUPLICATE_IN_FILE", `the same tag of this device is already on row ${firstRow}`, {
              key: "import.duplicateTag",
              params: { row: firstRow },
            });
          } else if (ids.has(tagKey)) {
            r.fail("tag", "ALREADY_EXISTS", "this device already has a tag with this key", {
              key: "import.tagExists",
              params: {},
            });
          } else {
            const type = dataType;
            await ensure(tagKey, "tags", (id) =>
              repo.insertTag({
                orgId,
                id,
                deviceId,
                key: tag,
                unit: r.get("unit"),
                dataType: type,
                low,
                high,
                samplingMs: sampling ?? 1000,
                spc: { enabled: false },
              }),
            );
            newTags.set(tagKey, row.row);
          }
          issues.push(...r.issues);
        }
        if (issues.length > 0 || req.dryRun) throw new RollBack();
        await writeAudit(
          tx,
          actor,
          {
            orgId,
            action: "telemetry.assets.import",
            entity: "asset_tree",
            entityId: orgId,
            before: null,
            after: { fileName: req.fileName ?? null, rows: data.length, created },
          },
          now,
        );
        return true;
      })
      .catch((err: unknown) => {
        if (err instanceof RollBack) return false;
        throw err;
      });
    if (done) this.storage.catalog.clear();
    return report(issues, done);
  }
}

/** Ends the import's transaction without writing (a dry run, or bad rows). */
class RollBack extends Error {}
