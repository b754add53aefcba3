import {
  capacityAcceptSchema,
  capacityOfferCreateSchema,
  capacityOfferListQuerySchema,
  capacityOfferListSchema,
  capacityOfferSchema,
  capacityOrderListSchema,
  capacityOrderSchema,
} from "../capacity-exchange.contract.ts";
import { idParamsSchema } from "../common.contract.ts";
import { defineRoute } from "./route.ts";

const tags = ["capacity-exchange"];

/** The cluster's shared-capacity market: offers are public to members; orders belong to buyer and seller. */
export const capacityExchangeRoutes = {
  offers: defineRoute({
    method: "GET",
    path: "/capacity-exchange/offers",
    tags,
    summary: "Open capacity offers of every firm, cheapest first",
    query: capacityOfferListQuerySchema,
    response: capacityOfferListSchema,
  }),
  offer: defineRoute({
    method: "POST",
    path: "/capacity-exchange/offers",
    tags,
    summary: "Offer hours of a process (price, certifications, lead time)",
    body: capacityOfferCreateSchema,
    response: capacityOfferSchema,
    errors: [403],
  }),
  accept: defineRoute({
    method: "POST",
    path: "/capacity-exchange/offers/:id/accept",
    tags,
    summary: "Book hours of an offer; hours already sold are refused (409), however many accept at once",
    params: idParamsSchema,
    scope: { id: "shared" },
    body: capacityAcceptSchema,
    response: capacityOrderSchema,
    errors: [403, 404, 409],
  }),
  orders: defineRoute({
    method: "GET",
    path: "/capacity-exchange/orders",
    tags,
    summary: "Orders my org bought and sold",
    response: capacityOrderListSchema,
  }),
};
