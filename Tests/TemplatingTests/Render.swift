import Templating

/// Renders `template` (with `partials`) against `context`.
func render(_ template: String, _ context: some TemplateRenderable = [String: TemplateValue](),
            partials: [String: String] = [:]) throws -> String? {
    var templates = ["page": try Template(template)]
    for (name, text) in partials { templates[name] = try Template(text) }
    return try TemplateLibrary(templates).render("page", context)
}

/// A row of a list, as page view models hold them.
struct Row: TemplateObject {
    var label: String
    var note: String?

    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .init(label)
        case "note": .init(note)
        default: nil
        }
    }
}

let sample: [String: TemplateValue] = [
    "title": .text("Tom & Jerry's <b>"),
    "yes": .flag(true), "no": .flag(false),
    "rows": .init([Row(label: "a", note: "n<1>"), Row(label: "b", note: nil), Row(label: "c", note: "")]),
    "none": .init([Row]()),
    "names": .init(["x", "y"]),
    "obj": .object(["inner": TemplateValue.object(["deep": TemplateValue.text("D")]), "label": .text("objLabel")]),
    "nothing": .null,
]
