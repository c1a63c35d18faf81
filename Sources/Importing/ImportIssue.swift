/// A problem with its place: `ro-export.csv:14: unit_price: "12,3x" is not an amount`.
package struct ImportIssue: Sendable, Equatable, CustomStringConvertible {
    /// The export's name as given (a path on the command line, the uploaded file's name).
    package var file: String
    /// 1-based; nil for the file as a whole.
    package var line: Int?
    /// The column by its `ro-csv` name; nil for the whole line.
    package var column: ImportColumn?
    /// Another column name (`meta_vehicle`) or the file's own header, when it differs.
    package var columnLabel: String?
    package var problem: ImportProblem

    package init(file: String, line: Int?, column: ImportColumn? = nil, columnLabel: String? = nil, problem: ImportProblem) {
        self.file = file
        self.line = line
        self.column = column
        self.columnLabel = columnLabel
        self.problem = problem
    }

    package var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let column {
            text += column.rawValue
            if let columnLabel, ImportColumn.normalized(columnLabel) != column.rawValue { text += " (\"\(columnLabel)\")" }
            text += ": "
        } else if let columnLabel {
            text += "\(columnLabel): "
        }
        return text + problem.description
    }
}
