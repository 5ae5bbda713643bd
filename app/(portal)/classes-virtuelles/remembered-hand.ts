/**
 * The hand this tab's person has raised in a class, kept for the tab's life (sessionStorage): when the page is
 * reloaded, the person leaves the room and comes back as a new participant, and the server gives them their hand
 * back in their new token.
 */
const key = (virtualClassId: string) => `preau.hand.${virtualClassId}`;

export function rememberHand(virtualClassId: string, raisedAt: string | null) {
  if (raisedAt) sessionStorage.setItem(key(virtualClassId), raisedAt);
  else sessionStorage.removeItem(key(virtualClassId));
}

export function rememberedHand(virtualClassId: string): string | undefined {
  return sessionStorage.getItem(key(virtualClassId)) ?? undefined;
}
