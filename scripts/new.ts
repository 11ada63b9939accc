/**
 * npm run new: starts a source article from what the editor knows, asking in the terminal or taking flags.
 *   --publisher P --published DATE --title T [--url U] [--author A] [--language L] [--slug S]
 *   then per proposal: --proposal ID|ALIAS [--status S] [--evidence E] [--proposer ACTOR]... [--position ACTOR:STANCE]...
 *     a proposal new to the registry also takes --kind K and --registry-title T
 * Without a terminal (stdin closed, CI, scripts) nothing is asked: missing answers are an error.
 * Writes content/articles/<date>-<slug>.md (never over an existing file) and appends new registry entries.
 */
import * as prompts from "@clack/prompts";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Actor } from "../src/schemas/actor.ts";
import { partialDate } from "../src/schemas/date.ts";
import type { Kind } from "../src/schemas/kind.ts";
import type { RegistryEntry } from "../src/schemas/registry.ts";
import { EVIDENCE, STANCES, STATUSES } from "../src/schemas/vocabulary.ts";
import { contentDir, LIST_FILES } from "../src/lib/content/files.ts";
import { parseYaml } from "../src/lib/content/parse.ts";
import {
  actorNames,
  articleFileName,
  findNamed,
  proposalNames,
  renderArticle,
  renderRegistryEntry,
  resolveNamed,
  slugify,
  type NewArticle,
  type NewMention,
} from "../src/lib/desk/new-article.ts";

const root = process.cwd();
const dir = contentDir(root);
const usage =
  "Usage: npm run new -- --publisher P --published DATE --title T [--url U] [--author A] [--language L] [--slug S]\n" +
  "       [--proposal ID --status S [--evidence E] [--proposer ACTOR]... [--position ACTOR:STANCE]... [--kind K --registry-title T]]...";

function fail(message: string, code = 2): never {
  console.error(`npm run new: ${message}`);
  process.exit(code);
}

/** A YAML list of the corpus, read leniently: entries with an id, whatever else is wrong with the file. */
function readList<T extends { id: string }>(name: string): T[] {
  const file = path.join(dir, name);
  if (!existsSync(file)) return [];
  const parsed = parseYaml(file, readFileSync(file, "utf8"));
  if (!parsed.ok || !Array.isArray(parsed.data)) return [];
  return (parsed.data as T[]).filter((item) => typeof item?.id === "string");
}

const registry = readList<RegistryEntry>(LIST_FILES.proposals);
const actors = readList<Actor>(LIST_FILES.actors);
const kinds = readList<Kind>(LIST_FILES.kinds);
const ids = <T extends { id: string }>(terms: readonly T[]) => terms.map((t) => t.id);

const { values, tokens } = (() => {
  try {
    return parseArgs({
      tokens: true,
      options: {
        publisher: { type: "string" },
        published: { type: "string" },
        title: { type: "string" },
        url: { type: "string" },
        author: { type: "string" },
        language: { type: "string" },
        slug: { type: "string" },
        proposal: { type: "string", multiple: true },
        status: { type: "string", multiple: true },
        evidence: { type: "string", multiple: true },
        proposer: { type: "string", multiple: true },
        position: { type: "string", multiple: true },
        kind: { type: "string", multiple: true },
        "registry-title": { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
})();
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;

const checkDate = (value: string) =>
  partialDate.safeParse(value).success ? undefined : "a date such as 2025-08-16, 2025-08 or 2025";
const checkUrl = (value: string) => {
  if (value === "") return undefined;
  try {
    return /^https?:$/.test(new URL(value).protocol) ? undefined : "an http(s) address";
  } catch {
    return "an http(s) address";
  }
};
const oneOf = (value: string, allowed: readonly string[], what: string) => {
  if (!allowed.includes(value)) fail(`${what} must be one of ${allowed.join(" | ")}; got "${value}"`);
  return value;
};

/** The proposals given as flags, each with the flags that follow it. */
function mentionsFromFlags(): NewMention[] {
  const mentions: (NewMention & { kind?: string; registryTitle?: string })[] = [];
  for (const token of tokens) {
    if (token.kind !== "option" || token.value === undefined) continue;
    const value = token.value;
    if (token.name === "proposal") {
      const known = registry.some((p) => p.id === value);
      const entry = known ? undefined : tryResolve(value);
      mentions.push({ id: entry?.id ?? value, status: "", proposers: [], positions: [] });
      continue;
    }
    const current = mentions.at(-1);
    if (!current) {
      if (["status", "evidence", "proposer", "position", "kind", "registry-title"].includes(token.name))
        fail(`--${token.name} must follow the --proposal it belongs to`);
      continue;
    }
    if (token.name === "status") current.status = oneOf(value, ids(STATUSES), "--status");
    if (token.name === "evidence") current.evidence = oneOf(value, ids(EVIDENCE), "--evidence");
    if (token.name === "proposer") current.proposers.push(actorId(value));
    if (token.name === "position") {
      const at = value.lastIndexOf(":");
      if (at < 1) fail(`--position takes ACTOR:STANCE; got "${value}"`);
      const actor = actorId(value.slice(0, at));
      current.positions.push({ actor, stance: oneOf(value.slice(at + 1), ids(STANCES), "the stance of --position") });
    }
    if (token.name === "kind") current.kind = oneOf(value, ids(kinds), "--kind");
    if (token.name === "registry-title") current.registryTitle = value;
  }
  return mentions.map(({ kind, registryTitle, ...m }) => {
    if (!m.status) fail(`--proposal ${m.id} needs a --status (${ids(STATUSES).join(" | ")})`);
    if (registry.some((p) => p.id === m.id)) return m;
    if (!kind || !registryTitle)
      fail(`"${m.id}" is not in the registry: give --kind and --registry-title to add it, or pick an existing id`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(m.id)) fail(`a new registry id is kebab-case; got "${m.id}"`);
    return { ...m, registryEntry: { id: m.id, title: registryTitle, kind } };
  });
}

/** The actor a name stands for, or a usage error listing the candidates. */
function actorId(name: string): string {
  try {
    return resolveNamed(name, actors, actorNames, "actor").id;
  } catch (error) {
    return fail((error as Error).message);
  }
}

/** A registry entry for a name, or undefined when the name is a new id. Two candidates are an error. */
function tryResolve(name: string): RegistryEntry | undefined {
  try {
    return resolveNamed(name, registry, proposalNames, "registry entry");
  } catch (error) {
    if (/no registry entry matches/.test((error as Error).message)) return undefined;
    return fail((error as Error).message);
  }
}

function cancelled<T>(value: T): Exclude<T, symbol> {
  if (prompts.isCancel(value)) {
    prompts.cancel("Nothing was written.");
    process.exit(1);
  }
  return value as Exclude<T, symbol>;
}

async function ask(): Promise<{ article: NewArticle; slug?: string | undefined }> {
  prompts.intro("New source for Guarantee Tracker");
  const text = async (message: string, initial: string | undefined, validate?: (v: string) => string | undefined) =>
    cancelled(
      await prompts.text({
        message,
        ...(initial === undefined ? {} : { initialValue: initial }),
        validate: (v) => validate?.(v ?? "") ?? ((v ?? "").trim() === "" ? "required" : undefined),
      }),
    ).trim();
  const publisher = await text("Publisher, as the masthead gives it", values.publisher);
  const published = await text(
    "Published (2025-08-16, 2025-08, 2025, or a range 2025-08-18/2025-08-24)",
    values.published,
    checkDate,
  );
  const title = await text("Our own headline", values.title);
  const url = await text("Address of the original (https://…, empty if none)", values.url, checkUrl);
  const language = await text("Language (BCP 47)", values.language ?? "en");
  const mentions: NewMention[] = [];
  while (
    cancelled(
      await prompts.confirm({
        message: mentions.length === 0 ? "Add a proposal this source reports?" : "Add another proposal?",
      }),
    )
  ) {
    mentions.push(await askMention());
  }
  return { article: { publisher, published, title, url: url || undefined, language, mentions }, slug: values.slug };
}

async function askMention(): Promise<NewMention> {
  const NEW = "\u0000new";
  const picked = cancelled(
    await prompts.autocomplete({
      message: "Proposal (type an id, title or alias; typos are fine)",
      options: [
        ...registry.map((p) => ({ value: p.id, label: p.title, hint: p.id })),
        { value: NEW, label: "+ a new registry entry" },
      ],
      filter: (search, option) =>
        option.value === NEW || findNamed(search, registry, proposalNames, 12).some((p) => p.id === option.value),
    }),
  );
  let registryEntry: NewMention["registryEntry"];
  let id = picked;
  if (picked === NEW) {
    id = cancelled(
      await prompts.text({
        message: "New id (kebab-case; it becomes the permalink)",
        validate: (v) =>
          !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v ?? "")
            ? "kebab-case"
            : registry.some((p) => p.id === v)
              ? "taken"
              : undefined,
      }),
    );
    const title = cancelled(
      await prompts.text({ message: "Its stable title, in our words", validate: (v) => (v ? undefined : "required") }),
    );
    const kind = cancelled(
      await prompts.select({ message: "Kind", options: kinds.map((k) => ({ value: k.id, label: k.name })) }),
    );
    registryEntry = { id, title, kind };
  }
  const status = cancelled(
    await prompts.select({
      message: "Status, as this source reports it",
      options: STATUSES.map((s) => ({ value: s.id, label: s.label, hint: s.description })),
    }),
  );
  const evidence = cancelled(
    await prompts.select({
      message: "How the source knows",
      options: [
        ...EVIDENCE.map((e) => ({ value: e.id, label: e.label, hint: e.description })),
        { value: "", label: "(not stated)" },
      ],
    }),
  );
  const actorOptions = actors.map((a) => ({ value: a.id, label: a.name, hint: a.id }));
  const actorFilter = (search: string, option: { value: string }) =>
    findNamed(search, actors, actorNames, 12).some((a) => a.id === option.value);
  const proposers = cancelled(
    await prompts.autocompleteMultiselect({
      message: "Proposers, per this source (none: only commentators raised it)",
      options: actorOptions,
      filter: actorFilter,
    }),
  );
  const positions: NewMention["positions"] = [];
  while (
    cancelled(
      await prompts.confirm({ message: "Add a stance an actor takes on it in this source?", initialValue: false }),
    )
  ) {
    const actor = cancelled(
      await prompts.autocomplete({ message: "Actor", options: actorOptions, filter: actorFilter }),
    );
    const stance = cancelled(
      await prompts.select({
        message: "Stance",
        options: STANCES.map((s) => ({ value: s.id, label: s.label, hint: s.description })),
      }),
    );
    positions.push({ actor, stance });
  }
  return { id, status, evidence: evidence || undefined, proposers, positions, registryEntry };
}

function fromFlags(): { article: NewArticle; slug?: string | undefined } {
  const missing = (["publisher", "published", "title"] as const).filter((key) => !values[key]);
  if (missing.length > 0) fail(`without a terminal, give ${missing.map((m) => `--${m}`).join(", ")}\n${usage}`);
  const published = values.published as string;
  if (checkDate(published)) fail(`--published: expected ${checkDate(published)}; got "${published}"`);
  if (values.url && checkUrl(values.url)) fail(`--url: expected an http(s) address; got "${values.url}"`);
  return {
    article: {
      publisher: values.publisher as string,
      published,
      title: values.title as string,
      url: values.url,
      author: values.author,
      language: values.language,
      mentions: mentionsFromFlags(),
    },
    slug: values.slug,
  };
}

const { article, slug } = interactive ? await ask() : fromFlags();
const name = articleFileName(article, slug ? slugify(slug) : undefined);
const file = path.join(dir, "articles", name);
const shown = path.relative(root, file);
try {
  writeFileSync(file, renderArticle(article, registry), { flag: "wx" });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === "EEXIST")
    fail(`${shown} exists already; nothing was written (pick another --slug)`, 1);
  throw error;
}
const entries = article.mentions.flatMap((m) => (m.registryEntry ? [m.registryEntry] : []));
for (const entry of entries) appendFileSync(path.join(dir, LIST_FILES.proposals), renderRegistryEntry(entry));
const next = [
  `Wrote ${shown}${entries.length > 0 ? ` and ${entries.length} registry entr${entries.length === 1 ? "y" : "ies"} in proposals.yaml` : ""}.`,
  "Next: fill every gap marked TODO(editor) (summaries, how the source names each proposal, the body),",
  "add terms, quotes and stance notes the text states, then: npm run validate -- --changes",
].join("\n");
if (interactive) prompts.outro(next);
else console.log(next);
