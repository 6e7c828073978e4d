/**
 * Upper bounds on what detection reads, so that a hostile or merely enormous page cannot
 * make it slow. Each bound sits well above what the real marketplace pages need.
 */

/** Script elements looked at for their type; JSON-LD sits among the first. */
export const MAX_SCRIPTS_SCANNED = 400;
/** JSON-LD scripts read per page; product data sits in the first few. */
export const MAX_JSON_LD_SCRIPTS = 16;
/** Characters of one JSON-LD script; a longer script is skipped unparsed. */
export const MAX_JSON_LD_CHARS = 200_000;
/** Characters of all JSON-LD scripts of a page together, as sent to the background. */
export const MAX_JSON_LD_TOTAL_CHARS = 400_000;
/** Objects visited while walking all parsed JSON-LD of a page. */
export const MAX_JSON_LD_NODES = 2_000;
/** Nesting depth followed inside JSON-LD. */
export const MAX_JSON_LD_DEPTH = 16;
/** Items read from one JSON-LD array (variants, offers, graph nodes). */
export const MAX_JSON_LD_ARRAY = 200;
/** Elements carrying a microdata GTIN read per page. */
export const MAX_ATTRIBUTE_ELEMENTS = 24;
/** Meta tags read from the head. */
export const MAX_META_TAGS = 200;
/** Tables and definition lists searched for specification rows. */
export const MAX_SPEC_CONTAINERS = 40;
/** Row labels read across all specification tables. */
export const MAX_SPEC_LABELS = 600;
/** A row label longer than this is not a label we look for. */
export const MAX_LABEL_CHARS = 48;
/** A value longer than this holds no GTIN we could use. */
export const MAX_VALUE_CHARS = 80;
/** Title and brand are cut to this length. */
export const MAX_TEXT_CHARS = 300;
