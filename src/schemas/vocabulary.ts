/**
 * The controlled vocabularies of the content format, with the definitions the
 * About page prints. The schemas build their enums from these lists, so the
 * method page and the validator cannot drift apart.
 */

export interface Term<Id extends string = string> {
  /** The value an editor writes in front matter. */
  id: Id;
  /** A short human label. */
  label: string;
  /** What the value means, in one or two sentences. */
  description: string;
}

function ids<const T extends readonly Term[]>(terms: T): [T[number]["id"], ...T[number]["id"][]] {
  return terms.map((t) => t.id) as [T[number]["id"], ...T[number]["id"][]];
}

/** A proposal's statuses, in the order of its life; the last two are endings. */
export const STATUSES = [
  {
    id: "floated",
    label: "Floated",
    description: "Raised or being considered, not formally tabled.",
  },
  {
    id: "proposed",
    label: "Proposed",
    description: "Formally put forward by its proposers.",
  },
  {
    id: "negotiating",
    label: "Negotiating",
    description: "The parties are negotiating its content.",
  },
  {
    id: "agreed",
    label: "Agreed",
    description: "Accepted by the parties whose consent it needs.",
  },
  { id: "implemented", label: "Implemented", description: "In force." },
  {
    id: "rejected",
    label: "Rejected",
    description: "Refused by a party whose consent it needs, or ruled out by its proposer.",
  },
  {
    id: "withdrawn",
    label: "Withdrawn",
    description: "Dropped by its proposer.",
  },
] as const satisfies readonly Term[];
export const STATUS_IDS = ids(STATUSES);
export type Status = (typeof STATUS_IDS)[number];

/** How a source knows what it reports, strongest first. */
export const EVIDENCE = [
  {
    id: "official-document",
    label: "Official document",
    description: "A published text: a treaty, a declaration, a communiqué, a draft the source quotes.",
  },
  {
    id: "official-statement",
    label: "Official statement",
    description: "A named official said it on the record.",
  },
  {
    id: "anonymous-officials",
    label: "Anonymous officials",
    description: "Officials or diplomats who spoke on condition of anonymity.",
  },
  {
    id: "media-report",
    label: "Media report",
    description: "The source relays another outlet's reporting.",
  },
  {
    id: "analysis",
    label: "Analysis",
    description: "Experts or commentators discuss an option; nobody is reported to have tabled it.",
  },
] as const satisfies readonly Term[];
export const EVIDENCE_IDS = ids(EVIDENCE);
export type Evidence = (typeof EVIDENCE_IDS)[number];

/** An actor's position on a proposal, per one source. */
export const STANCES = [
  { id: "supports", label: "Supports", description: "Backs the proposal." },
  {
    id: "opposes",
    label: "Opposes",
    description: "Argues or acts against the proposal.",
  },
  {
    id: "undecided",
    label: "Undecided",
    description: "Has voiced doubts, neither for nor against.",
  },
  {
    id: "conditional",
    label: "Conditional",
    description: "Supports it only if a stated condition is met; the condition is given with the stance.",
  },
] as const satisfies readonly Term[];
export const STANCE_IDS = ids(STANCES);
export type Stance = (typeof STANCE_IDS)[number];

/** How binding a guarantee would be. */
export const BINDING = [
  {
    id: "legally-binding",
    label: "Legally binding",
    description: "A treaty or law, ratified or to be ratified.",
  },
  {
    id: "political",
    label: "Political",
    description: "A political commitment without legal force.",
  },
  {
    id: "unspecified",
    label: "Unspecified",
    description: "The sources do not say.",
  },
] as const satisfies readonly Term[];
export const BINDING_IDS = ids(BINDING);
export type Binding = (typeof BINDING_IDS)[number];

/** How the guarantors would respond to a new attack. */
export const RESPONSES = [
  {
    id: "automatic",
    label: "Automatic",
    description: "A response follows by itself once an attack happens.",
  },
  {
    id: "consultative",
    label: "Consultative",
    description: "The guarantors would consult, then decide.",
  },
  {
    id: "unspecified",
    label: "Unspecified",
    description: "The sources do not say.",
  },
] as const satisfies readonly Term[];
export const RESPONSE_IDS = ids(RESPONSES);
export type Response = (typeof RESPONSE_IDS)[number];

/** Whether foreign troops would stand on Ukrainian soil. */
export const FOREIGN_TROOPS = [
  {
    id: "yes",
    label: "Troops in Ukraine",
    description: "Foreign troops would be deployed on Ukrainian soil.",
  },
  {
    id: "no",
    label: "No troops",
    description: "No foreign troops on Ukrainian soil.",
  },
  {
    id: "unspecified",
    label: "Unspecified",
    description: "The sources do not say.",
  },
] as const satisfies readonly Term[];
export const FOREIGN_TROOPS_IDS = ids(FOREIGN_TROOPS);
export type ForeignTroops = (typeof FOREIGN_TROOPS_IDS)[number];

/** What an actor is. */
export const ACTOR_TYPES = [
  { id: "state", label: "State", description: "A country and its government." },
  {
    id: "organization",
    label: "Organisation",
    description: "An international organisation such as NATO or the EU.",
  },
  {
    id: "coalition",
    label: "Coalition",
    description: "A group of states acting together.",
  },
  {
    id: "person",
    label: "Person",
    description:
      "A named person: an official speaking for the state or organisation they represent, or an expert or commentator in their own name.",
  },
] as const satisfies readonly Term[];
export const ACTOR_TYPE_IDS = ids(ACTOR_TYPES);

/** How one proposal relates to another in the registry. */
export const RELATIONS = [
  {
    id: "alternative-to",
    label: "Alternative to",
    description: "Offered instead of the other proposal, to meet the same need.",
  },
  {
    id: "evolved-from",
    label: "Evolved from",
    description: "A later form of the other proposal, which it replaced or refined.",
  },
  { id: "part-of", label: "Part of", description: "One element of the other, larger proposal." },
] as const satisfies readonly Term[];
export const RELATION_IDS = ids(RELATIONS);
export type Relation = (typeof RELATION_IDS)[number];

/** Looks up a term by id in one of the lists above. */
export function termOf<T extends Term>(terms: readonly T[], id: string): T {
  const term = terms.find((t) => t.id === id);
  if (!term) throw new Error(`Unknown term "${id}"`);
  return term;
}
