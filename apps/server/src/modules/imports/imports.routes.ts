import {
  errorBodySchema,
  IMPORT_MAX_BYTES,
  importEntitySchema,
  importQuerySchema,
  importReportSchema,
  importRequestSchema,
  importTemplateSchema,
} from "@clusterbrain/contracts";
import { z } from "zod";
import { requireActor } from "../../http/auth-hook.ts";
import type { FeatureModule } from "../module.ts";
import { ExportService } from "./export.service.ts";
import { COLUMNS } from "./import.columns.ts";
import { ImportFileError } from "./import.errors.ts";
import { ImportService } from "./import.service.ts";

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 413: errorBodySchema };
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Binary body: Fastify sends a Buffer as is (no serializer); the schema documents it in OpenAPI. */
const xlsxFile = z.unknown().describe(`${XLSX_TYPE} workbook`);
/** base64 inflates by 4/3; leave room for the JSON around it. */
const JSON_BODY_LIMIT = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024;

/**
 * Imports and exports. No multipart parser is installed, so a file arrives either as base64
 * inside JSON (`POST /imports`, what the web app sends) or as the raw bytes with
 * `Content-Type: application/octet-stream` and the options in the query (`POST /imports/upload`,
 * handy for curl and scripts). Both end in the same service call.
 */
export const importsModule: FeatureModule = {
  name: "imports",
  routes(app, deps) {
    const imports = new ImportService(deps.db, deps.now);
    const exportsService = new ExportService(deps.db, deps.now);

    // Registered in this module's scope only: other routes keep refusing octet-stream bodies.
    app.addContentTypeParser(
      "application/octet-stream",
      { parseAs: "buffer", bodyLimit: IMPORT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.post(
      "/imports",
      {
        bodyLimit: JSON_BODY_LIMIT,
        schema: {
          tags: ["imports"],
          summary: "Import organisations or relations from a base64 .csv/.xlsx file (dry run or real run)",
          body: importRequestSchema,
          response: { 200: importReportSchema, ...errors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { contentBase64, fileName: _fileName, ...options } = request.body;
        return imports.run(actor, options, Buffer.from(contentBase64, "base64"));
      },
    );

    app.post(
      "/imports/upload",
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags: ["imports"],
          summary:
            "Import a raw .csv/.xlsx body (Content-Type: application/octet-stream); options in the query",
          querystring: importQuerySchema,
          response: { 200: importReportSchema, ...errors, 415: errorBodySchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (!Buffer.isBuffer(request.body)) {
          throw new ImportFileError("send the file bytes with Content-Type: application/octet-stream");
        }
        return imports.run(actor, request.query, request.body);
      },
    );

    app.get(
      "/imports/templates/:entity",
      {
        schema: {
          tags: ["imports"],
          summary: "Columns of an import file (keys, Chinese labels, which are required)",
          params: z.object({ entity: importEntitySchema }),
          response: { 200: importTemplateSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        const entity = request.params.entity;
        return {
          entity,
          columns: COLUMNS[entity].map(({ key, labelZh, required, description }) => ({
            key,
            labelZh,
            required,
            description,
          })),
        };
      },
    );

    app.get(
      "/exports/directory",
      {
        schema: {
          tags: ["exports"],
          summary: "The organisation directory (public profile fields) as .xlsx, in the import layout",
          response: { 200: xlsxFile, 401: errorBodySchema },
        },
      },
      async (request, reply) => {
        const file = await exportsService.directory(requireActor(request));
        return reply
          .type(XLSX_TYPE)
          .header("content-disposition", 'attachment; filename="cluster-directory.xlsx"')
          .send(file);
      },
    );

    app.get(
      "/exports/my-org",
      {
        schema: {
          tags: ["exports"],
          summary: "Your organisation's profile, relations and indicators as .xlsx",
          response: { 200: xlsxFile, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request, reply) => {
        const file = await exportsService.ownOrg(requireActor(request));
        return reply
          .type(XLSX_TYPE)
          .header("content-disposition", 'attachment; filename="my-organisation.xlsx"')
          .send(file);
      },
    );
  },
};
