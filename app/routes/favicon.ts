import { redirect } from "react-router";

// Browsers ask for /favicon.ico on documents that name no icon (a plain error answer, a PDF
// opened in a tab): point them at the one icon we ship instead of answering 404.
export function loader() {
  return redirect("/favicon.svg", 301);
}
