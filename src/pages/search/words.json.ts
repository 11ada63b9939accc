import { getModel } from "../../lib/query.ts";
import { searchVocabulary } from "../../lib/search/vocabulary.ts";

/** /search/words.json: the words of every name, for the search page to spell-check a query that matched nothing. */
export async function GET() {
  return new Response(JSON.stringify(searchVocabulary(await getModel())), {
    headers: { "Content-Type": "application/json" },
  });
}
