import Mustache

/// A theme's templates compiled for ``MustacheRenderer``, when every one of them uses only what
/// it implements; otherwise the theme renders with swift-mustache alone.
struct CompiledTemplates: Sendable {
    let templates: [String: [MustacheNode]]

    /// - Parameter sources: name → full text (pragma line included), already accepted by swift-mustache.
    init?(_ sources: [String: String]) {
        var templates: [String: [MustacheNode]] = [:]
        for (name, text) in sources {
            guard let nodes = try? MustacheNodeParser.parse(text) else { return nil }
            templates[name] = nodes
        }
        self.templates = templates
    }

    /// nil when the template does not exist or the context holds something left to swift-mustache.
    func render(_ name: String, _ context: Any) -> String? {
        renderUTF8(name, context).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Valid UTF-8: every byte comes from a template's text or a String's.
    func renderUTF8(_ name: String, _ context: Any) -> [UInt8]? {
        guard let nodes = templates[name], let root = MustacheFrame(context) else { return nil }
        var renderer = MustacheRenderer(templates: templates)
        renderer.stack.append(root)
        renderer.render(nodes, indentation: [], overrides: nil)
        guard !renderer.unsupported else { return nil }
        return renderer.output
    }
}
