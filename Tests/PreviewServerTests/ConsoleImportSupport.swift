import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PreviewServer
import StaffAccess

/// `multipart/form-data` bodies as a browser sends them, for the import page's tests.
enum Multipart {
    static let boundary = "----PayPageTestBoundary7MA4YWxkTrZu0gW"

    enum Part {
        case field(String, String)
        case file(String, fileName: String, [UInt8])
    }

    static func headers(cookie: String?, length: Int? = nil) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if let cookie { fields[.cookie] = cookie }
        if let length { fields[.contentLength] = "\(length)" }
        return fields
    }

    static func bytes(_ parts: [Part], closed: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            out += Array("--\(boundary)\r\n".utf8)
            switch part {
            case let .field(name, value):
                out += Array("Content-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
            case let .file(name, fileName, bytes):
                out += Array("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
                out += bytes + Array("\r\n".utf8)
            }
        }
        if closed { out += Array("--\(boundary)--\r\n".utf8) }
        return out
    }

    static func body(_ parts: [Part], closed: Bool = true) -> ByteBuffer { ByteBuffer(bytes: bytes(parts, closed: closed)) }

    /// A repository sample export or mapping (Records/samples/).
    static func sample(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: CheckoutWorkspace.repository.appendingPathComponent("Records/samples/\(name)")))
    }
}

/// A signed-in clerk on the import page: the session cookie and the form's token.
struct ImportClerk {
    let cookie: String
    let csrf: String

    static func signIn(_ client: any TestClientProtocol, name: String = "Marie", password: String = "correct horse battery") async throws -> ImportClerk {
        let session = try await ConsoleTests.signIn(client, name, password).session ?? ""
        let cookie = "\(ConsoleGate.sessionCookie)=\(session)"
        let page = try await client.execute(uri: ConsoleRoutes.importPath, method: .get, headers: [.cookie: cookie])
        return ImportClerk(cookie: cookie, csrf: Web.hidden(Web.text(page), "csrf") ?? "")
    }

    func post(_ client: any TestClientProtocol, _ parts: [Multipart.Part], withToken: Bool = true) async throws -> TestResponse {
        let all = (withToken ? [Multipart.Part.field("csrf", csrf)] : []) + parts
        return try await client.execute(uri: ConsoleRoutes.importPath, method: .post, headers: Multipart.headers(cookie: cookie),
                                         body: Multipart.body(all))
    }
}
