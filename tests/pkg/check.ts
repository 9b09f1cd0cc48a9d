// Type-checked by tests/pkg/pkg.test.mjs in a temporary project with the package
// installed, once as Node resolves it (the "node" condition: node.d.ts) and once as a
// bundler for the browser does (the "browser" condition: fazhi_lens.d.ts).
import init, { Analyzer, decodeBytes, type Report, type Section } from "fazhi-lens";

const analyzer = new Analyzer({ offsets: "utf16", keywords: 10 }, null);
const report: Report = analyzer.analyze("一、主要举措\n受理行政复议申请16件。");
const raw: string = report.metrics[0].raw;
const start: number = report.metrics[0].start;
const heading: Section = report.outline[0];
const level: number = heading.level;
const encoding: string = decodeBytes(new Uint8Array([0xe4, 0xb8, 0x80])).encoding;
const ready: Promise<unknown> = init();
// Both arguments may be left out: the default options, no dictionary.
const bare = new Analyzer();
// A field the text does not give is null, as at run time (never undefined).
const title: string | null = report.meta.title;
void [raw, start, level, encoding, ready, bare, title];

// @ts-expect-error "bytes" is not an offset unit
new Analyzer({ offsets: "bytes" }, null);
// @ts-expect-error analyze takes a string
analyzer.analyze(42);
