/**
 * Capture engine, DOM-agnostic: give it a `Document` (the live page in a content script, or linkedom in Node via
 * `./node`) and get Issues back. Nothing unmasked leaves it: every string of every issue is privacy-masked.
 */

export { stableHash } from './build-issue';
export { parseDate } from './dates';
export { type DecodedPage, decodeHtml, decodePage, savedPageUrl, sniffCharset } from './decode';
export { type ExtractOptions, type ExtractResult, extractIssues, type Selection } from './extract';
export { type FieldKey, matchLabel, normalizeLabel } from './labels';
export { maskPhoneField, maskText } from './mask';
export { type CaptureNote, type CaptureNoteCode, captureNote } from './notes';
export type { Pagination } from './pagination';
export {
  FieldRule,
  findRecipe,
  globToRegExp,
  parseRecipe,
  RECIPE_FIELD_PATHS,
  Recipe,
  type RecipeInput,
  recipeMatches,
} from './recipe';
export { mapStatus } from './status';
export { type DateContext, type PageZone, pageDateContext } from './zones';
