/// Templates by name, rendered with each other as partials and parents.
public struct TemplateLibrary: Sendable {
    /// Partials nested deeper than the limit: a partial that includes itself whatever the data.
    public struct TooDeep: Error, Sendable, Equatable {
        public let partial: String

        public init(partial: String) { self.partial = partial }
    }

    let templates: [String: [TemplateNode]]

    public init(_ templates: [String: Template]) {
        self.templates = templates.mapValues(\.nodes)
    }

    /// The page as UTF-8 bytes (every byte comes from a template's text or a String's), or
    /// nil when there is no template of that name.
    public func renderUTF8(_ name: String, _ context: some TemplateRenderable) throws(TooDeep) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates, root: context.templateValue)
        renderer.render(nodes, indentation: [], overrides: nil)
        if let partial = renderer.tooDeep { throw TooDeep(partial: partial) }
        return renderer.output
    }

    public func render(_ name: String, _ context: some TemplateRenderable) throws(TooDeep) -> String? {
        try renderUTF8(name, context).map { String(decoding: $0, as: UTF8.self) }
    }
}
