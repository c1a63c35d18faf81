import Billing
import Foundation

extension RecordsReader {
    /// The file of a business, relative to the workspace: `Records/business.json` for the main
    /// one, `Records/businesses/<key>.json` for the others.
    package static func fileOfBusiness(_ key: String) -> String {
        key == Businesses.mainKey ? businessFile : "\(businessesFolder)/\(key).json"
    }

    /// A business file's content decoded and checked: the rules `paypage check` and every load apply.
    package func business(from data: Data, file: String) throws(RecordErrors) -> BusinessSettings {
        let record: BusinessRecord
        do { record = try RecordDecoder().decode(BusinessRecord.self, from: data, file: file) } catch { throw RecordErrors([error]) }
        return try BusinessValidator().validate(record, file: file)
    }
}
