import { IMPORT_MAX_BYTES, OCTET_STREAM, routeTable, XLSX_CONTENT_TYPE } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { ExportService } from "./export.service.ts";
import { COLUMNS } from "./import.columns.ts";
import { ImportFileError } from "./import.errors.ts";
import { ImportService } from "./import.service.ts";

const routes = routeTable.imports;
/** base64 inflates by 4/3; leave room for the JSON around it. */
const JSON_BODY_LIMIT = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024;

/**
 * Imports and exports. A file arrives either as base64 inside JSON (`POST /imports`) or as raw
 * bytes with `Content-Type: application/octet-stream` (`POST /imports/upload`); both end in the
 * same service call.
 */
export const importsModule: FeatureModule = {
  name: "imports",
  routes(app, deps) {
    const imports = new ImportService(deps.db, deps.now);
    const exportsService = new ExportService(deps.db, deps.now);

    // Registered in this module's scope only: other routes keep refusing octet-stream bodies.
    app.addContentTypeParser(
      OCTET_STREAM,
      { parseAs: "buffer", bodyLimit: IMPORT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );

    registerRoute(
      app,
      routes.run,
      async ({ actor, body }) => {
        const { contentBase64, fileName, ...options } = body;
        return imports.run(actor, options, Buffer.from(contentBase64, "base64"), fileName);
      },
      { bodyLimit: JSON_BODY_LIMIT },
    );

    registerRoute(
      app,
      routes.upload,
      async ({ actor, query, request }) => {
        if (!Buffer.isBuffer(request.body)) {
          throw new ImportFileError("send the file bytes with Content-Type: application/octet-stream", {
            key: "importFile.notBytes",
            params: {},
          });
        }
        return imports.run(actor, query, request.body);
      },
      { bodyLimit: IMPORT_MAX_BYTES },
    );

    registerRoute(app, routes.template, async ({ params }) => ({
      entity: params.entity,
      columns: COLUMNS[params.entity].map(({ key, labelZh, required, description }) => ({
        key,
        labelZh,
        required,
        description,
      })),
    }));

    registerRoute(app, routes.templateXlsx, async ({ params, query, reply }) =>
      reply
        .type(XLSX_CONTENT_TYPE)
        .header("content-disposition", `attachment; filename="import-template-${params.entity}.xlsx"`)
        .send(await imports.template(params.entity, query.lang)),
    );

    registerRoute(app, routes.history, async ({ actor, query }) =>
      imports.history(actor, query.page, query.pageSize),
    );

    registerRoute(app, routes.historyReport, async ({ actor, params, query, reply }) =>
      reply
        .type(XLSX_CONTENT_TYPE)
        .header("content-disposition", 'attachment; filename="import-report.xlsx"')
        .send(await imports.historyReport(actor, params.id, query.lang)),
    );

    registerRoute(app, routes.exportDirectory, async ({ actor, query, reply }) =>
      reply
        .type(query.format === "csv" ? "text/csv; charset=utf-8" : XLSX_CONTENT_TYPE)
        .header("content-disposition", `attachment; filename="cluster-directory.${query.format}"`)
        .send(await exportsService.directory(actor, query)),
    );

    registerRoute(app, routes.exportMyOrg, async ({ actor, reply }) =>
      reply
        .type(XLSX_CONTENT_TYPE)
        .header("content-disposition", 'attachment; filename="my-organisation.xlsx"')
        .send(await exportsService.ownOrg(actor)),
    );
  },
};
