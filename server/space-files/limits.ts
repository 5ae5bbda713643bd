import { env } from "@/server/env";

const MB = 1024 * 1024;

/** How much a place may hold and how large one upload may be: the installation's settings. */
export interface FileLimits {
  spaceQuotaBytes: number;
  personalQuotaBytes: number;
  maxUploadBytes: number;
}

export function fileLimits(): FileLimits {
  const settings = env();
  return {
    spaceQuotaBytes: settings.SPACE_QUOTA_MB * MB,
    personalQuotaBytes: settings.PERSONAL_QUOTA_MB * MB,
    maxUploadBytes: settings.UPLOAD_MAX_MB * MB,
  };
}
