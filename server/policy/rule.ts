import type { Db } from "@/server/db";
import type { Scope } from "./scope";

/**
 * One rule of the access policy: whether the person of this scope may act on the object named by `targetId`.
 * The rules of a domain live in `./rules/<domain>.ts`, as a record from its permissions to their rules, and are
 * spread into the one table of `./policy.ts`.
 */
export type Rule = (db: Db, scope: Scope, targetId: string) => Promise<boolean>;
