/// The person a request is addressed to. `meta` feeds `{ customer.meta_<key> }` placeholders.
public struct Customer: Sendable, Hashable, Codable {
    public var name: String
    public var phone: PhoneNumber
    public var email: String?
    public var language: Language?
    public var meta: [String: String]

    public init(name: String, phone: PhoneNumber, email: String? = nil, language: Language? = nil, meta: [String: String] = [:]) {
        self.name = name
        self.phone = phone
        self.email = email
        self.language = language
        self.meta = meta
    }
}
