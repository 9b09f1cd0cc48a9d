// Types of the browser entry (index.js): the generated types of both modules. `init()`
// loads both, with the analysis module's options.
export * from "./fazhi_lens.js";
export { default } from "./fazhi_lens.js";
export { decodeBytes, type DecodedText } from "./fazhi_lens_decode.js";
