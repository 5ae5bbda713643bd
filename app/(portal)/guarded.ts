import { TRPCError } from "@trpc/server";
import { forbidden, notFound } from "next/navigation";

/** Runs a procedure for a page: a refusal by the policy shows the 403 page, a missing object the 404 page. */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") forbidden();
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
