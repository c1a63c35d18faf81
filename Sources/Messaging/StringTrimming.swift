extension String {
    /// Trims Unicode whitespace, no-break spaces included (they come in pasted text).
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
