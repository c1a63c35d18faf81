extension TextTable {
    /// The same table with the columns from `column` on right-aligned (amounts).
    func rightAligning(from column: Int) -> TextTable {
        var copy = self
        let all = [headers] + rows
        for index in headers.indices where index >= column {
            let width = all.map { $0[index].count }.max() ?? 0
            copy.headers[index] = pad(headers[index], width)
            for row in copy.rows.indices { copy.rows[row][index] = pad(rows[row][index], width) }
        }
        return copy
    }

    private func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: width - text.count) + text }
}
