import type { Actor } from "../../schemas/actor.ts";
import type { Kind } from "../../schemas/kind.ts";
import type { Model } from "./model.ts";

/**
 * The lookups components need to name what a proposal or mention refers to
 * by id. Pages hand it over as a prop, so components never read the model.
 */
export type Directory = Pick<Model, "actorById" | "kindById" | "proposalById" | "places">;

/** What a link to an actor needs. */
export type ActorRef = Pick<Actor, "id" | "name">;

/** The actors of `ids`, in order; an unknown id (never in a valid corpus) is named by its id. */
export function actorRefs(directory: Directory, ids: readonly string[]): ActorRef[] {
  return ids.map((id) => directory.actorById.get(id) ?? { id, name: id });
}

/** The kind of `id`; an unknown id is named by its id. */
export function kindRef(directory: Directory, id: string): Pick<Kind, "id" | "name"> {
  return directory.kindById.get(id) ?? { id, name: id };
}
