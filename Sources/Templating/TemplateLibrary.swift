/// Templates by name, rendered with each other as partials and parents.
package struct TemplateLibrary: Sendable {
    /// Partials nested deeper than the limit: a partial that includes itself whatever the data.
    package struct TooDeep: Error, Sendable, Equatable {
        package let partial: String

        package init(partial: String) { self.partial = partial }
    }

    let templates: [String: [TemplateNode]]

    package init(_ templates: [String: Template]) {
        self.templates = templates.mapValues(\.nodes)
    }

    /// The page as UTF-8 bytes (every byte comes from a template's text or a String's), or
    /// nil when there is no template of that name.
    package func renderUTF8(_ name: String, _ context: some TemplateRenderable) throws(TooDeep) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates, root: context.templateValue)
        renderer.render(nodes, indentation: [], overrides: nil)
        if let partial = renderer.tooDeep { throw TooDeep(partial: partial) }
        return renderer.output
    }

    package func render(_ name: String, _ context: some TemplateRenderable) throws(TooDeep) -> String? {
        try renderUTF8(name, context).map { String(decoding: $0, as: UTF8.self) }
    }
}
