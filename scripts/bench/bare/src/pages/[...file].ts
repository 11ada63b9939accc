import type { APIRoute } from "astro";
import { routes, type Route } from "../routes.ts";

/** Every file the full site writes (feeds, data, citations): the same path, listing the same links as text. */
export function getStaticPaths() {
  return routes()
    .filter((route) => route.path !== "" && !route.path.endsWith("/"))
    .map((route) => ({ params: { file: route.path }, props: { route } }));
}

export const GET: APIRoute = ({ props }) => {
  const { route } = props as { route: Route };
  return new Response([route.title, ...route.links].join("\n"));
};
