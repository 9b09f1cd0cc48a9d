// The cited documents, each once (Rust groups a short form such as 《纲要》 and a repeat
// with the document cited in full): 《title》 and the normalized document number as the
// report gives them, the kind of document by name, and how often it is mentioned; a long
// list is filled a slice at a time (slices.js).
import { el, zh } from "./dom.js";
import { nameOf, t } from "./i18n.js";
import { Sliced, fillList } from "./slices.js";

/** @typedef {import("./pkg/fazhi_lens.js").CitedDocument} CitedDocument */

/** The list's work in slices. */
const job = new Sliced();

/**
 * Renders the cited documents.
 * @param {HTMLElement} list the list (`role="list"`), filled with groups of items
 * @param {CitedDocument[]} documents
 * @returns {Promise<boolean>} true once every citation is in, false if a newer list came first
 */
export function renderCitations(list, documents) {
  const group = () => el("ul", undefined, { role: "none" });
  return fillList(
    job,
    list,
    documents,
    (d) => {
      const label = [d.title != null ? `《${d.title}》` : "", d.docNumber ?? ""].filter(Boolean).join(" ");
      const li = el("li", undefined, { "data-id": d.id, "data-mentions": String(d.mentions.length) });
      li.append(zh(el("span", label)));
      if (d.kind != null) li.append(" · ", el("span", nameOf("citationKind", d.kind), { class: "kind" }));
      if (d.mentions.length > 1) li.append(" · ", el("span", t("mentions", { n: d.mentions.length }), { class: "mentions" }));
      return li;
    },
    group,
  );
}
