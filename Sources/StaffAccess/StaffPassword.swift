/// Password rules: 8 to 72 bytes of UTF-8 (bcrypt reads no further than 72), no NUL (the C
/// code would stop there).
public enum StaffPassword {
    public static let minimumBytes = 8
    public static let maximumBytes = 72

    public static func check(_ password: String) throws(StaffError) {
        let bytes = password.utf8.count
        guard bytes >= minimumBytes else { throw .invalidPassword(.tooShort(bytes: bytes, minimum: minimumBytes)) }
        guard bytes <= maximumBytes else { throw .invalidPassword(.tooLong(bytes: bytes, maximum: maximumBytes)) }
        guard !password.utf8.contains(0) else { throw .invalidPassword(.containsNUL) }
    }

    static func isAcceptable(_ password: String) -> Bool {
        do { try check(password); return true } catch { return false }
    }
}
