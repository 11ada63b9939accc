import type { APIRoute } from "astro";
import { plainCard } from "../card.ts";
import { routes, type Route } from "../routes.ts";

/**
 * Every file the full site writes (feeds, data, citations): the same path,
 * listing the same links as text; its social cards as PNGs drawn the same way.
 */
export function getStaticPaths() {
  return routes()
    .filter((route) => route.path !== "" && !route.path.endsWith("/"))
    .map((route) => ({ params: { file: route.path }, props: { route } }));
}

export const GET: APIRoute = ({ props }) => {
  const { route } = props as { route: Route };
  if (route.path.endsWith(".png")) {
    return new Response(new Uint8Array(plainCard(route.path)), { headers: { "Content-Type": "image/png" } });
  }
  return new Response([route.title, ...route.links].join("\n"));
};
