/** How large a roster file may be: a big lycée's pupils file is well under 1 MB; anything larger is not a roster. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/**
 * How large a SIECLE XML export may be: it describes each pupil and guardian in full (addresses, last year's school,
 * options), so a lycée of 1,500 pupils gives a Responsables file of about 10 MB; the largest establishments stay well
 * under 40 MB.
 */
export const MAX_XML_BYTES = 40 * 1024 * 1024;
/** How large an uploaded file may be to reach the importer, which then says which limit it passes. */
export const MAX_UPLOAD_BYTES = MAX_XML_BYTES + MAX_FILE_BYTES;
/** How many lines a roster file may hold, or people (pupils, guardians) a SIECLE XML export. */
export const MAX_ROWS = 20_000;
