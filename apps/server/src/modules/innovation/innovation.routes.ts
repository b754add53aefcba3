import { PROJECT_DOCUMENT_MAX_BYTES, routeTable } from "@clusterbrain/contracts";
import { registerRoute } from "../../http/route-registry.ts";
import type { FeatureModule } from "../module.ts";
import { DocumentService } from "./document.service.ts";
import { ListingService } from "./listing.service.ts";
import { ProjectService } from "./project.service.ts";

const routes = routeTable.innovation;
/** base64 inflates by 4/3; leave room for the JSON around it. Beyond this fastify answers 413 itself. */
/** Types a browser would run as script (HTML, SVG, XML, JS) are served as plain bytes. */
const ACTIVE_CONTENT = /html|svg|xml|javascript|ecmascript/i;
const DOCUMENT_BODY_LIMIT = Math.ceil((PROJECT_DOCUMENT_MAX_BYTES * 4) / 3) + 64 * 1024;

/** Open innovation hub: technology demands ↔ capabilities with ranked matches, contacts, joint projects. */
export const innovationModule: FeatureModule = {
  name: "innovation",
  routes(app, deps) {
    const listings = new ListingService(deps.db, deps.now, deps.live);
    const projects = new ProjectService(deps.db, deps.now, deps.live);
    const documents = new DocumentService(deps.db, deps.now);
    registerRoute(app, routes.listListings, async ({ actor, query }) => listings.list(actor, query));
    registerRoute(app, routes.createListing, async ({ actor, body }) => listings.create(actor, body));
    registerRoute(app, routes.updateListing, async ({ actor, params, body }) =>
      listings.update(actor, params.id, body),
    );
    registerRoute(app, routes.closeListing, async ({ actor, params }) => listings.close(actor, params.id));
    registerRoute(app, routes.matches, async ({ actor, params }) => listings.matches(actor, params.id));
    registerRoute(app, routes.listContacts, async ({ actor }) => listings.contacts(actor));
    registerRoute(app, routes.createContact, async ({ actor, body }) => listings.contact(actor, body));
    registerRoute(app, routes.funnel, async ({ actor }) => listings.funnel(actor));
    registerRoute(app, routes.listProjects, async ({ actor }) => projects.list(actor));
    registerRoute(app, routes.createProject, async ({ actor, body }) => projects.create(actor, body));
    registerRoute(app, routes.getProject, async ({ actor, params }) => projects.get(actor, params.id));
    registerRoute(app, routes.updateProject, async ({ actor, params, body }) =>
      projects.update(actor, params.id, body),
    );
    registerRoute(app, routes.addMember, async ({ actor, params, body }) =>
      projects.addMember(actor, params.id, body),
    );
    registerRoute(app, routes.addMilestone, async ({ actor, params, body }) =>
      projects.addMilestone(actor, params.id, body),
    );
    registerRoute(app, routes.completeMilestone, async ({ actor, params }) =>
      projects.completeMilestone(actor, params.id, params.milestoneId),
    );
    registerRoute(app, routes.listDocuments, async ({ actor, params }) => documents.list(actor, params.id));
    registerRoute(
      app,
      routes.uploadDocument,
      async ({ actor, params, body }) => documents.upload(actor, params.id, body),
      { bodyLimit: DOCUMENT_BODY_LIMIT },
    );
    registerRoute(app, routes.downloadDocument, async ({ actor, params, reply }) => {
      const doc = await documents.download(actor, params.id, params.documentId);
      return reply
        .type(ACTIVE_CONTENT.test(doc.contentType) ? "application/octet-stream" : doc.contentType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`)
        .header("x-content-type-options", "nosniff")
        .send(doc.content);
    });
  },
};
