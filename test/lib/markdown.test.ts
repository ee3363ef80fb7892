import { describe, expect, it } from "vitest";
import { isSafeLink, markdown, renderMarkdown } from "../../src/lib/markdown";

describe("renderMarkdown", () => {
	it("renders committee Markdown: emphasis, lists, links", () => {
		expect(renderMarkdown("Hello **Groningen**.\n\n- one\n- two\n\n[Program](/s/ainm/2023/program)")).toBe(
			'<p>Hello <strong>Groningen</strong>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p><a href="/s/ainm/2023/program">Program</a></p>\n',
		);
	});

	it("renders nothing for empty or blank text", () => {
		expect(renderMarkdown("")).toBe("");
		expect(renderMarkdown("  \n\n ")).toBe("");
	});

	it.each([
		["a script element", "<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"],
		[
			"an image with an event handler",
			'<img src=x onerror="alert(1)">',
			"<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>\n",
		],
		[
			"an inline event handler in a tag",
			'<a href="#" onclick="alert(1)">x</a>',
			"<p>&lt;a href=&quot;#&quot; onclick=&quot;alert(1)&quot;&gt;x&lt;/a&gt;</p>\n",
		],
		["an iframe", '<iframe src="/x"></iframe>', "<p>&lt;iframe src=&quot;/x&quot;&gt;&lt;/iframe&gt;</p>\n"],
		["a javascript: link", "[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>\n"],
		["a javascript: link in capitals with spaces", "[x]( JaVaScRiPt:alert(1) )", "<p>[x]( JaVaScRiPt:alert(1) )</p>\n"],
		["a javascript: link spelled with entities", "[x](jav&#x61;script:alert(1))", "<p>[x](javascript:alert(1))</p>\n"],
		["a vbscript: link", "[x](vbscript:msgbox(1))", "<p>[x](vbscript:msgbox(1))</p>\n"],
		[
			"a data: link",
			"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
			"<p>[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)</p>\n",
		],
		[
			"a data: image",
			"![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
			"<p>![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)</p>\n",
		],
		["a javascript: autolink", "<javascript:alert(1)>", "<p>&lt;javascript:alert(1)&gt;</p>\n"],
		[
			"a javascript: reference link",
			"[x][1]\n\n[1]: javascript:alert(1)",
			"<p>[x][1]</p>\n<p>[1]: javascript:alert(1)</p>\n",
		],
	])("neutralises %s", (_, input, expected) => {
		const html = renderMarkdown(input);
		expect(html).toBe(expected);
		expect(html).not.toMatch(/<(script|img|iframe|a)\b/i);
	});

	it("keeps HTML entities as text, escaped once", () => {
		expect(renderMarkdown("&lt;script&gt; &amp; &copy; &#60;b&#62;")).toBe("<p>&lt;script&gt; &amp; © &lt;b&gt;</p>\n");
	});

	it("links web addresses and email addresses in the text, external ones with rel=noopener", () => {
		expect(renderMarkdown("See https://www.eanm.org/ or write to ainm2023@example.org.")).toBe(
			'<p>See <a href="https://www.eanm.org/" rel="noopener">https://www.eanm.org/</a> or write to <a href="mailto:ainm2023@example.org">ainm2023@example.org</a>.</p>\n',
		);
		expect(renderMarkdown("<https://orcid.org/0000-0002-1825-0097>")).toBe(
			'<p><a href="https://orcid.org/0000-0002-1825-0097" rel="noopener">https://orcid.org/0000-0002-1825-0097</a></p>\n',
		);
	});

	it("keeps quotes in link addresses and titles inside their attribute", () => {
		expect(renderMarkdown('[x](https://a.example/" onmouseover="alert(1))')).toBe(
			'<p>[x](<a href="https://a.example/" rel="noopener">https://a.example/</a>&quot; onmouseover=&quot;alert(1))</p>\n',
		);
		expect(renderMarkdown('[x](https://a.example/ "t\\" onmouseover=\\"alert(1)")')).toBe(
			'<p><a href="https://a.example/" title="t&quot; onmouseover=&quot;alert(1)" rel="noopener">x</a></p>\n',
		);
	});

	it("shifts headings so the biggest one sits at the given level", () => {
		expect(renderMarkdown("# A\n\n## B")).toBe("<h2>A</h2>\n<h3>B</h3>\n");
		expect(renderMarkdown("## By train\n\n### Tickets")).toBe("<h2>By train</h2>\n<h3>Tickets</h3>\n");
		expect(renderMarkdown("# Bio", { topLevel: 3 })).toBe("<h3>Bio</h3>\n");
		expect(renderMarkdown("# A\n\n###### F")).toBe("<h2>A</h2>\n<h6>F</h6>\n");
	});
});

describe("isSafeLink", () => {
	it.each([
		["https://www.openstreetmap.org/", true],
		["mailto:a@example.org", true],
		["/s/ainm/2023/venue", true],
		["#day-2", true],
		["venue?x=a:b", true],
		["javascript:alert(1)", false],
		["\tjava\nscript:alert(1)", false],
		["VBSCRIPT:x", false],
		["data:image/png;base64,AAAA", false],
		["file:///etc/passwd", false],
	])("%s → %s", (url, safe) => {
		expect(isSafeLink(url)).toBe(safe);
	});
});

describe("markdown", () => {
	it("hands the rendered HTML to hono/jsx without escaping it again", () => {
		expect(String(markdown("*hi*"))).toBe("<p><em>hi</em></p>\n");
	});
});
