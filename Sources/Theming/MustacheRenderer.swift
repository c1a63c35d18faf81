import Mustache

/// Renders ``MustacheNode``s with swift-mustache's semantics into one byte buffer: no string
/// per token and per nested template, no context struct copied per section, names split once.
/// A value it does not handle (a lambda, a template, a custom representation) sets
/// `unsupported`; the caller then renders the page again with swift-mustache.
struct MustacheRenderer {
    typealias Overrides = [String: [MustacheNode]]

    let templates: [String: [MustacheNode]]
    var output: [UInt8] = []
    var stack: [MustacheFrame] = []
    var unsupported = false
    /// Set only while rendering a list element directly (swift-mustache's `sequenceContext`):
    /// entering an object, a partial or a block clears it.
    var list: MustacheListPosition?

    init(templates: [String: [MustacheNode]]) {
        self.templates = templates
        output.reserveCapacity(32 * 1024)
    }

    /// One template's tokens. With an indentation (a standalone partial's), whatever a token
    /// renders after a `"\n"` Character of this same call is indented, as swift-mustache does.
    mutating func render(_ nodes: [MustacheNode], indentation: [UInt8], overrides: Overrides?) {
        if indentation.isEmpty {
            for node in nodes where !unsupported { render(node, indentation: indentation, overrides: overrides) }
            return
        }
        let start = output.count
        for node in nodes where !unsupported {
            let count = output.count
            // "\r\n" is one Character, not "\n": swift-mustache does not indent after it.
            let afterNewline = count > start && output[count - 1] == 0x0A && (count - start < 2 || output[count - 2] != 0x0D)
            if afterNewline { output += indentation }
            let mark = output.count
            render(node, indentation: indentation, overrides: overrides)
            if afterNewline, output.count == mark { output.removeLast(indentation.count) }
        }
    }

    private mutating func render(_ node: MustacheNode, indentation: [UInt8], overrides: Overrides?) {
        switch node {
        case .text(let bytes):
            output += bytes
        case .variable(let name, let escaped):
            if let value = lookup(name) { append(value, escaped: escaped) }
        case .section(let name, let body, let inverted):
            let value = lookup(name)
            guard !unsupported else { return }
            if inverted {
                renderInverted(value, body, indentation: indentation, overrides: overrides)
            } else {
                renderSection(value, body, indentation: indentation, overrides: overrides)
            }
        case .partial(let name, let indented, let inherited):
            guard let nodes = templates[name] else { return }
            // The outer template's overrides win over the parent tag's own.
            var merged = overrides
            if let inherited { merged = overrides?.merging(inherited) { outer, _ in outer } ?? inherited }
            let saved = list
            list = nil
            render(nodes, indentation: indentation + Array((indented ?? "").utf8), overrides: merged)
            list = saved
        case .block(let name, let defaultNodes, let indented):
            let saved = list
            list = nil
            render(overrides?[name] ?? defaultNodes, indentation: indentation + Array(indented.utf8), overrides: overrides)
            list = saved
        case .blockDefinition:
            break
        }
    }

    private mutating func renderSection(_ value: Any?, _ body: [MustacheNode], indentation: [UInt8], overrides: Overrides?) {
        guard let value else { return }
        if let text = value as? String {
            push(.text(text), body, indentation: indentation, overrides: overrides)
        } else if let flag = value as? Bool {
            if flag { render(body, indentation: indentation, overrides: overrides) }
        } else if value is MustacheLambda {
            unsupported = true
        } else if let sequence = value as? any MustacheSequence {
            renderEach(sequence, body, indentation: indentation, overrides: overrides)
        } else if let null = value as? MustacheCustomRenderable, null.isNull {
            return
        } else if let frame = MustacheFrame(value) {
            push(frame, body, indentation: indentation, overrides: overrides)
        } else {
            unsupported = true
        }
    }

    private mutating func renderInverted(_ value: Any?, _ body: [MustacheNode], indentation: [UInt8], overrides: Overrides?) {
        guard let value else { return render(body, indentation: indentation, overrides: overrides) }
        if value is String { return }
        if let flag = value as? Bool {
            if !flag { render(body, indentation: indentation, overrides: overrides) }
        } else if let sequence = value as? any MustacheSequence {
            guard isEmpty(sequence) else { return }
            // swift-mustache pushes the empty sequence itself.
            guard let frame = MustacheFrame(value) else { unsupported = true; return }
            push(frame, body, indentation: indentation, overrides: overrides)
        } else if let null = value as? MustacheCustomRenderable, null.isNull {
            render(body, indentation: indentation, overrides: overrides)
        }
    }

    private mutating func renderEach<S: MustacheSequence>(_ sequence: S, _ body: [MustacheNode], indentation: [UInt8], overrides: Overrides?) {
        var iterator = sequence.makeIterator()
        guard var current = iterator.next() else { return }
        var position = MustacheListPosition(first: true, last: false, index: 0)
        let saved = list
        defer { list = saved }
        while !unsupported {
            let next = iterator.next()
            position.last = next == nil
            guard let frame = MustacheFrame(current) else { unsupported = true; return }
            list = position
            stack.append(frame)
            render(body, indentation: indentation, overrides: overrides)
            stack.removeLast()
            guard let next else { return }
            current = next
            position.first = false
            position.index += 1
        }
    }

    private func isEmpty<S: MustacheSequence>(_ sequence: S) -> Bool {
        var iterator = sequence.makeIterator()
        return iterator.next() == nil
    }

    /// An object entered: no longer directly in a list.
    private mutating func push(_ frame: MustacheFrame, _ body: [MustacheNode], indentation: [UInt8], overrides: Overrides?) {
        let saved = list
        list = nil
        stack.append(frame)
        render(body, indentation: indentation, overrides: overrides)
        stack.removeLast()
        list = saved
    }
}
