/// Renders ``TemplateNode``s into one byte buffer: no string per node or per nested template,
/// no context copied per section, names split once when parsed.
struct TemplateRenderer {
    typealias Overrides = [String: [TemplateNode]]

    /// Partials nested deeper than this stop rendering (a partial that includes itself
    /// whatever the data would otherwise recurse until the stack overflows).
    static let maximumPartialDepth = 100

    let templates: [String: [TemplateNode]]
    var output: [UInt8] = []
    /// Innermost last.
    var stack: [TemplateValue] = []
    /// Set only while rendering a list element directly: entering an object, a partial or a
    /// block clears it.
    var list: ListPosition?
    var escapesHTML = true
    var partialDepth = 0
    /// The partial that went deeper than ``maximumPartialDepth``.
    var tooDeep: String?

    init(templates: [String: [TemplateNode]], root: TemplateValue) {
        self.templates = templates
        stack = [root]
        output.reserveCapacity(32 * 1024)
    }

    /// One template's nodes. With an indentation (a standalone partial's), whatever a node
    /// renders after a `"\n"` Character of this same call is indented.
    mutating func render(_ nodes: [TemplateNode], indentation: [UInt8], overrides: Overrides?) {
        let escaping = escapesHTML
        defer { escapesHTML = escaping }
        if indentation.isEmpty {
            for node in nodes { render(node, indentation: indentation, overrides: overrides) }
            return
        }
        let start = output.count
        for node in nodes {
            let count = output.count
            // "\r\n" is one Character, not "\n": no indentation after it (as in swift-mustache).
            let afterNewline = count > start && output[count - 1] == 0x0A && (count - start < 2 || output[count - 2] != 0x0D)
            if afterNewline { output += indentation }
            let mark = output.count
            render(node, indentation: indentation, overrides: overrides)
            if afterNewline, output.count == mark { output.removeLast(indentation.count) }
        }
    }

    private mutating func render(_ node: TemplateNode, indentation: [UInt8], overrides: Overrides?) {
        switch node {
        case .text(let bytes):
            output += bytes
        case .variable(let name, let escaped):
            if let value = lookup(name) { append(value, escaped: escaped && escapesHTML) }
        case .section(let name, let body, let inverted):
            let value = lookup(name)
            if inverted {
                renderInverted(value, body, indentation: indentation, overrides: overrides)
            } else {
                renderSection(value, body, indentation: indentation, overrides: overrides)
            }
        case .partial(let name, let indented, let inherited):
            guard let nodes = templates[name], tooDeep == nil else { return }
            guard partialDepth < Self.maximumPartialDepth else {
                tooDeep = name
                return
            }
            // The outer template's overrides win over the parent tag's own.
            var merged = overrides
            if let inherited { merged = overrides?.merging(inherited) { outer, _ in outer } ?? inherited }
            let saved = list
            list = nil
            partialDepth += 1
            render(nodes, indentation: indentation + Array((indented ?? "").utf8), overrides: merged)
            partialDepth -= 1
            list = saved
        case .block(let name, let defaultNodes, let indented, let intrinsic):
            let saved = list
            list = nil
            let tagIndentation = Array(indented.utf8)
            if let override = overrides?[name], let intrinsic {
                // The override takes the default's place, at the default's indentation (the
                // tag's own, already written, is its start when the two agree).
                let extra = intrinsic.starts(with: tagIndentation) ? Array(intrinsic.dropFirst(tagIndentation.count)) : []
                let mark = output.count
                output += extra
                render(override, indentation: indentation + intrinsic, overrides: overrides)
                if !extra.isEmpty, output.count == mark + extra.count { output.removeLast(extra.count) }
            } else {
                render(overrides?[name] ?? defaultNodes, indentation: indentation + tagIndentation, overrides: overrides)
            }
            list = saved
        case .blockDefinition:
            break
        case .contentType(let escapes):
            escapesHTML = escapes
        }
    }

    /// Text and objects are entered, `true` renders the body as is, a list renders it per element.
    private mutating func renderSection(_ value: TemplateValue?, _ body: [TemplateNode], indentation: [UInt8], overrides: Overrides?) {
        switch value {
        case nil, .null?, .flag(false)?: return
        case .flag(true)?: render(body, indentation: indentation, overrides: overrides)
        case .list(let elements)?: renderEach(elements, body, indentation: indentation, overrides: overrides)
        case let value?: push(value, body, indentation: indentation, overrides: overrides)
        }
    }

    /// Rendered for a missing name, nil, `false` and an empty list (which is entered).
    private mutating func renderInverted(_ value: TemplateValue?, _ body: [TemplateNode], indentation: [UInt8], overrides: Overrides?) {
        switch value {
        case nil, .null?, .flag(false)?: render(body, indentation: indentation, overrides: overrides)
        case .list(let elements)? where elements.count == 0:
            push(.list(elements), body, indentation: indentation, overrides: overrides)
        default: return
        }
    }

    private mutating func renderEach(_ elements: any TemplateList, _ body: [TemplateNode], indentation: [UInt8], overrides: Overrides?) {
        let count = elements.count
        let saved = list
        defer { list = saved }
        for index in 0..<count {
            list = ListPosition(first: index == 0, last: index == count - 1, index: index)
            stack.append(elements.element(index))
            render(body, indentation: indentation, overrides: overrides)
            stack.removeLast()
        }
    }

    /// An object entered: no longer directly in a list.
    private mutating func push(_ value: TemplateValue, _ body: [TemplateNode], indentation: [UInt8], overrides: Overrides?) {
        let saved = list
        list = nil
        stack.append(value)
        render(body, indentation: indentation, overrides: overrides)
        stack.removeLast()
        list = saved
    }
}
