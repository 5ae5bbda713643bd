/** How large a roster file may be: a big lycée's pupils file is well under 1 MB; anything larger is not a roster. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** How many lines a roster file may hold. */
export const MAX_ROWS = 20_000;
