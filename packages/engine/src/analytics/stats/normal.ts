export { erfc, normalCdf, normalPValues, normalUpperTail } from "../../shared/normal.ts";
