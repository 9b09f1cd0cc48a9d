// Types of the Node entry (node.js): exactly the generated types of the browser entry's
// two modules; in Node they are already initialised on import.
export * from "./fazhi_lens.js";
export { default } from "./fazhi_lens.js";
export { decodeBytes, type DecodedText } from "./fazhi_lens_decode.js";
