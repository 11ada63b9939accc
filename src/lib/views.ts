import { STANCE_IDS, STATUSES, type Stance, type Status } from "../schemas/vocabulary.ts";
import type { ActorPositions, Model, Proposal } from "./model.ts";

/** What one actor proposed, took positions on, and would guarantee. */
export interface ActorActivity {
  proposed: Proposal[];
  positions: { proposal: Proposal; positions: ActorPositions }[];
  guarantees: Proposal[];
}

/** Gathers an actor's activity from the merged proposals. */
export function actorActivity(proposals: readonly Proposal[], actor: string): ActorActivity {
  const activity: ActorActivity = {
    proposed: [],
    positions: [],
    guarantees: [],
  };
  for (const proposal of proposals) {
    if (proposal.proposers.includes(actor)) activity.proposed.push(proposal);
    const positions = proposal.positions.find((p) => p.actor === actor);
    if (positions) activity.positions.push({ proposal, positions });
    if (proposal.terms.guarantors?.includes(actor)) activity.guarantees.push(proposal);
  }
  return activity;
}

/** Positions grouped by the actor's current stance. */
export function byStance(positions: ActorActivity["positions"]): Record<Stance, ActorActivity["positions"]> {
  const groups = Object.fromEntries(STANCE_IDS.map((id) => [id, []])) as unknown as Record<
    Stance,
    ActorActivity["positions"]
  >;
  for (const item of positions) groups[item.positions.current].push(item);
  return groups;
}

/** How many proposals stand at each status, in the order of a proposal's life. */
export function countByStatus(proposals: readonly Proposal[]): { status: Status; count: number }[] {
  return STATUSES.map((s) => ({
    status: s.id,
    count: proposals.filter((p) => p.status === s.id).length,
  }));
}

/** How many proposals there are of each kind, in the order of kinds.yaml. */
export function countByKind(model: Model): { kind: string; name: string; count: number }[] {
  return model.kinds.map((k) => ({
    kind: k.id,
    name: k.name,
    count: model.proposals.filter((p) => p.kind === k.id).length,
  }));
}

/** Proposals of one kind. */
export function proposalsOfKind(proposals: readonly Proposal[], kind: string): Proposal[] {
  return proposals.filter((p) => p.kind === kind);
}
