// Types of the Node entry (node.js): exactly the generated types of the browser entry; in
// Node the module is already initialised on import.
export * from "./fazhi_lens.js";
export { default } from "./fazhi_lens.js";
