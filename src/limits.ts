// Size limits of an article, in one place. The request body limits (BODY_LIMIT, BATCH_BODY_LIMIT) are
// configuration: see config.ts and fastify.limits.

/** Longest article text accepted, in UTF-16 code units (JavaScript string length). */
export const MAX_TEXT_LENGTH = 1_000_000

/** Longest HTML page accepted, in UTF-16 code units; its text must still fit MAX_TEXT_LENGTH. */
export const MAX_HTML_LENGTH = 5_000_000

/** Longest title, publisher or url accepted. */
export const MAX_TITLE_LENGTH = 1000
export const MAX_PUBLISHER_LENGTH = 300
export const MAX_URL_LENGTH = 2048

/** A title made from the first line of a text is cut to this many characters. */
export const DEFAULT_TITLE_LENGTH = 200
