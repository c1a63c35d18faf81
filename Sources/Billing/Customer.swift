/// The person a request is addressed to. `meta` feeds `{ customer.meta_<key> }` placeholders.
package struct Customer: Sendable, Hashable, Codable {
    package var name: String
    package var phone: PhoneNumber
    package var email: String?
    package var language: Language?
    package var meta: [String: String]

    package init(name: String, phone: PhoneNumber, email: String? = nil, language: Language? = nil, meta: [String: String] = [:]) {
        self.name = name
        self.phone = phone
        self.email = email
        self.language = language
        self.meta = meta
    }
}
