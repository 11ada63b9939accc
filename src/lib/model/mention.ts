import type { Correction, Source } from "../../schemas/article.ts";
import type { PartialDate } from "../../schemas/date.ts";
import type { Position, Quote, Terms } from "../../schemas/proposal.ts";
import type { Evidence, Status } from "../../schemas/vocabulary.ts";

/*
 * What one source reported about one proposal, and the parts actors take in it: the shapes the model,
 * the state of play and involvement all read, kept apart so none of them imports another in a circle.
 */

/** An article as other pages refer to it. */
export interface ArticleRef {
  slug: string;
  title: string;
  summary: string;
  source: Source;
  /** What we corrected after publishing, oldest first. */
  corrections?: Correction[];
}

/** What one source reported about one proposal at one date. */
export interface Mention {
  proposalId: string;
  article: ArticleRef;
  /** The mention's own date, else the article's publication date. */
  date: PartialDate;
  /** True when that date is inferred. */
  approximate: boolean;
  /** How this source described the proposal (the registry's title is the proposal's). */
  title: string;
  kind: string;
  proposers: string[];
  /** The commentators who raised the idea, when the source credits no proposer with it. */
  suggestedBy?: string;
  status: Status;
  evidence?: Evidence;
  summary: string;
  terms?: Terms;
  positions: Position[];
  quotes: Quote[];
  /** Every actor this mention involves, and how (src/lib/model/involvement.ts). */
  parts: Map<string, Part>;
}

/**
 * How an actor takes part in a mention. The direct roles come from the
 * mention itself; the others from actors.yaml: a coalition's members take
 * part through it, and a state or organisation through the people who speak
 * for it.
 */
export type Role = "proposer" | "guarantor" | "position" | "speaker" | "through-coalition" | "through-person";

/** One actor's part in one mention: the roles, and the coalition or person it comes through. */
export interface Part {
  roles: Set<Role>;
  /** Coalitions or people (actor ids) through whom the actor takes part. */
  via: Set<string>;
}
