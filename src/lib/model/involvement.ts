import type { Actor } from "../../schemas/actor.ts";
import type { Mention, Part, Role } from "./mention.ts";

export type { Part, Role } from "./mention.ts";

/** What actors.yaml says about who belongs to whom, for expanding direct roles. */
export interface Affiliations {
  /** coalition id → member ids */
  members: ReadonlyMap<string, readonly string[]>;
  /** person id → the actor id they represent */
  represents: ReadonlyMap<string, string>;
  /** label id → the actor id it is another label for (actors.yaml `stands_for`) */
  standsFor?: ReadonlyMap<string, string>;
}

export function affiliationsOf(actors: readonly Actor[]): Affiliations {
  return {
    members: new Map(actors.flatMap((a) => (a.members ? [[a.id, a.members] as const] : []))),
    represents: new Map(actors.flatMap((a) => (a.represents ? [[a.id, a.represents] as const] : []))),
    standsFor: new Map(actors.flatMap((a) => (a.stands_for ? [[a.id, a.stands_for] as const] : []))),
  };
}

/** Which actor an id names: itself, or the actor it is another label for. */
export type SameActor = (id: string) => string;

/** The actor each id names, per actors.yaml `stands_for`: two labels of one group are one actor. */
export function sameActorOf(affiliations: Pick<Affiliations, "standsFor">): SameActor {
  const standsFor = affiliations.standsFor ?? new Map<string, string>();
  return (id) => standsFor.get(id) ?? id;
}

/**
 * Every actor a mention involves, with how: the single definition behind
 * actor pages, timeline filters, search facets and every "involving X" count.
 */
export function mentionParts(mention: Mention, affiliations: Affiliations): Map<string, Part> {
  const parts = new Map<string, Part>();
  const add = (actor: string, role: Role, via?: string) => {
    const part = parts.get(actor) ?? { roles: new Set<Role>(), via: new Set<string>() };
    part.roles.add(role);
    if (via) part.via.add(via);
    parts.set(actor, part);
  };
  for (const id of mention.proposers) add(id, "proposer");
  for (const id of mention.terms?.guarantors ?? []) add(id, "guarantor");
  for (const position of mention.positions) {
    add(position.actor, "position");
    if (position.speaker) add(position.speaker, "speaker");
  }
  for (const quote of mention.quotes) if (quote.speaker_id) add(quote.speaker_id, "speaker");
  for (const [actor, part] of [...parts]) {
    for (const member of affiliations.members.get(actor) ?? []) {
      if ([...part.roles].some((r) => r !== "through-coalition")) add(member, "through-coalition", actor);
    }
    const represented = affiliations.represents.get(actor);
    if (represented) add(represented, "through-person", actor);
  }
  return parts;
}
