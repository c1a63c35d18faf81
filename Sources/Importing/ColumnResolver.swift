import Foundation

/// Finds each column of a layout in a file: by its header, or at its position.
struct ColumnResolver {
    let layout: ImportLayout

    struct Resolved: Sendable {
        var columns: [ImportColumn: ResolvedColumn] = [:]
        /// `customer.meta` key → column.
        var meta: [String: ResolvedColumn] = [:]
        /// The header's field count, trailing empty ones left out: rows with more non-empty fields are suspect.
        var headerWidth: Int?
        var missing: [String] = []
    }

    func resolve(header: [String]?) -> Resolved {
        var result = Resolved()
        var byName: [String: Int] = [:]
        if let header {
            for (index, name) in header.enumerated() {
                let key = ImportColumn.normalized(name)
                if !key.isEmpty, byName[key] == nil { byName[key] = index }
            }
            var width = header.count
            while width > 0, header[width - 1].trimmingCharacters(in: .whitespaces).isEmpty { width -= 1 }
            result.headerWidth = width
        }
        func find(_ source: ColumnSource) -> ResolvedColumn? {
            switch source {
            case .header(let name):
                guard let index = byName[ImportColumn.normalized(name)] else { return nil }
                return ResolvedColumn(index: index, header: header?[index].trimmingCharacters(in: .whitespaces))
            case .position(let position):
                let index = position - 1
                let name = header.flatMap { index < $0.count ? $0[index].trimmingCharacters(in: .whitespaces) : nil }
                return ResolvedColumn(index: index, header: name?.isEmpty == false ? name : nil)
            }
        }
        for column in ImportColumn.allCases {
            guard let source = layout.columns[column] else { continue }
            if let found = find(source) {
                result.columns[column] = found
            } else if ImportColumn.required.contains(column) || !layout.metaFromHeader {
                result.missing.append(Self.label(source))
            }
        }
        for (key, source) in layout.metaColumns {
            if let found = find(source) { result.meta[key] = found } else { result.missing.append(Self.label(source)) }
        }
        if layout.metaFromHeader, let header {
            for (index, name) in header.enumerated() {
                let key = ImportColumn.normalized(name)
                if key.hasPrefix("meta_"), key.count > 5, result.meta[String(key.dropFirst(5))] == nil {
                    result.meta[String(key.dropFirst(5))] = ResolvedColumn(index: index, header: name)
                }
            }
        }
        return result
    }

    static func label(_ source: ColumnSource) -> String {
        switch source {
        case .header(let name): name
        case .position(let position): "#\(position)"
        }
    }
}
