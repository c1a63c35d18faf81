/// A parsed Mustache template. Supported: variables (escaped for HTML unless `{{{x}}}` or
/// `{{& x}}`), sections and inverted sections, comments, partials, parents and blocks
/// (`{{< parent}}`, `{{$block}}`), set delimiters, the list positions `first()`, `last()`,
/// `index()`, `even()` and `odd()`, and the pragma `{{% CONTENT_TYPE: HTML|TEXT}}`.
/// Anything else (other functions, dynamic names) is a syntax error, never silently ignored.
public struct Template: Sendable {
    let nodes: [TemplateNode]

    public init(_ text: String) throws(TemplateSyntaxError) {
        nodes = try TemplateParser.parse(text)
    }
}
