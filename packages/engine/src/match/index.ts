/** Technology demand ↔ capability matching: bilingual analysis, BM25 and structured features with reasons. */
export { Bm25Index, type IndexedDoc, type TermPart } from "./bm25.ts";
export {
  collaborationValue,
  distanceKm,
  distanceValue,
  industryValue,
  MATCH_FEATURES,
  type MatchFeature,
} from "./features.ts";
export {
  type Candidate,
  DEFAULT_WEIGHTS,
  type FeatureReason,
  type GeoPoint,
  type MatchedTerm,
  Matcher,
  type MatcherOptions,
  type MatchProfile,
  type MatchResult,
  rankMatches,
} from "./matcher.ts";
export { CONCEPTS, type Concept } from "./synonyms.data.ts";
export {
  type AnalyseOptions,
  analyse,
  conceptOf,
  rawTokens,
  segmentChinese,
  stem,
  type Term,
} from "./tokenize.ts";
