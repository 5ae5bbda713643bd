/** The longest appréciation, in characters: what fits in a bulletin's cell. Shared by the server and the form. */
export const APPRECIATION_MAX_LENGTH = 600;
