import { redirect } from "next/navigation";
import { serverCaller } from "@/server/trpc/request-context";

/** The portal's address: home when signed in, the sign-in page otherwise. */
export default async function Root() {
  const { ctx } = await serverCaller();
  redirect(ctx.actor ? "/accueil" : "/connexion");
}
