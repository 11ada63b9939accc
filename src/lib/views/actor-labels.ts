import type { ActorRef, Directory } from "../model/directory.ts";
import type { Part, Role } from "../model/involvement.ts";

/** How an actor's part in a proposal reads: a direct role, or the coalition or people it comes through. */
export interface PartLabel {
  text: string;
  through?: ActorRef[];
}

const DIRECT: [Role, string][] = [
  ["proposer", "proposer"],
  ["guarantor", "guarantor"],
  ["position", "stated a position"],
  ["speaker", "spoke on it"],
];

/**
 * The labels of a Part (src/lib/model/involvement.ts): its direct roles, then one
 * "through" per coalition it is a member of ("as a member"), then one for
 * the people who speak for it.
 */
export function partLabels(part: Part, directory: Directory): PartLabel[] {
  const labels: PartLabel[] = DIRECT.filter(([role]) => part.roles.has(role)).map(([, text]) => ({ text }));
  const people: ActorRef[] = [];
  for (const id of part.via) {
    const actor = directory.actorById.get(id);
    const ref = { id, name: actor?.name ?? id };
    if (actor?.type === "coalition") labels.push({ text: "as a member", through: [ref] });
    else people.push(ref);
  }
  if (people.length > 0) labels.push({ text: "", through: people });
  return labels;
}
