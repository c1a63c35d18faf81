/// A deposit's name, `KEY-N`: the business key and its number in the business's sequence.
package struct DepositID: Sendable, Hashable, Codable, CustomStringConvertible {
    package var businessKey: String
    package var number: Int

    package init(businessKey: String, number: Int) {
        self.businessKey = businessKey
        self.number = number
    }

    package var description: String { "\(businessKey)-\(number)" }
}
