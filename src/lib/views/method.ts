import { urls } from "./urls.ts";

/** The groups of terms the method page defines, each term with its own anchor. */
export type MethodGroup = "status" | "evidence" | "stance" | "binding" | "response" | "troops" | "relation" | "actor";

/** The anchor of a term on the method page (`status-proposed`). */
export function methodAnchor(group: MethodGroup, id: string): string {
  return `${group}-${id}`;
}

/** The link to a term's definition on the method page (`/about/#status-proposed`). */
export function methodHref(group: MethodGroup, id: string): string {
  return `${urls.about()}#${methodAnchor(group, id)}`;
}
