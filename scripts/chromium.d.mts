export declare const chromiumPath: string;
/** Chromium's path, or exits with an explanation when there is none. */
export declare function requireChromium(): string;
