import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { validateCorpus, type CorpusResult } from "../content/corpus.ts";
import { readCorpusFiles } from "../content/files.ts";
import { buildModel, type Model } from "../model/model.ts";

/** The merged model of a valid corpus, as the site builds it. */
export function modelOf(result: CorpusResult & { ok: true }): Model {
  const { articles, actors, kinds, proposals, places } = result.corpus;
  return buildModel({
    articles: articles.map((a) => ({ slug: a.slug, data: a.data })),
    actors,
    kinds,
    registry: proposals,
    places,
  });
}

/**
 * Validates the content directory as it is at a git revision (default: the
 * last commit), read from a temporary copy taken with `git archive`. Returns
 * null when the revision has no such directory (a first source in a new repository).
 */
export function validateAtRevision(root: string, dir: string, today: string, revision = "HEAD"): CorpusResult | null {
  const rel = path.relative(root, dir).split(path.sep).join("/");
  const listed = execFileSync("git", ["ls-tree", "--name-only", revision, "--", rel], { cwd: root, encoding: "utf8" });
  if (listed.trim() === "") return null;
  const tmp = mkdtempSync(path.join(os.tmpdir(), "gt-revision-"));
  try {
    const archive = execFileSync("git", ["archive", "--format=tar", revision, "--", rel], {
      cwd: root,
      maxBuffer: 1 << 30,
    });
    execFileSync("tar", ["-x", "-C", tmp], { input: archive });
    return validateCorpus(readCorpusFiles(path.join(tmp, rel), tmp), { today });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
