import Foundation
import Hummingbird

/// Serves `Output/`: mounts, directory indexes, language negotiation, ranges.
struct StaticSite: Sendable {
    let configuration: PreviewServerConfiguration

    func respond(to request: Request) -> Response {
        guard request.method == .get || request.method == .head else {
            return ErrorPage.response(.methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        guard let path = StaticPath(rawPath: request.uri.path), let mount = mount(for: path) else {
            return ErrorPage.response(.notFound)
        }
        let resolver = FileResolver(root: mount.root)
        var extra = HTTPFields()
        if path.segments.first == "p", mount.isPublic {
            let negotiation = LanguageNegotiation.negotiate(
                query: request.uri.query,
                cookieHeaders: request.headers[values: .cookie],
                acceptLanguage: request.headers[.acceptLanguage],
                default: configuration.defaultLanguage
            )
            if negotiation.fromQuery {
                extra[.setCookie] = LanguageNegotiation.setCookieValue(negotiation.language)
            }
            if Self.isNeutralPage(path) {
                extra[.vary] = "Accept-Language, Cookie"
                let localized = path.segments + [negotiation.language.rawValue, "index.html"]
                if case .file(let file) = resolver.resolve(localized) {
                    extra[.contentLanguage] = negotiation.language.rawValue
                    return serve(file: file, request: request, headers: extra)
                }
                // No page in that language: the neutral page is complete on its own.
            }
        }
        switch resolver.resolve(mount.relative) {
        case nil:
            return ErrorPage.response(.notFound)
        case .directory:
            guard path.hasTrailingSlash else {
                var location = path
                location.hasTrailingSlash = true
                let query = request.uri.query.map { "?" + $0 } ?? ""
                extra[.location] = location.encodedPath + query
                return Response(status: .movedPermanently, headers: extra)
            }
            guard case .file(let index) = resolver.resolve(mount.relative + ["index.html"]) else {
                return ErrorPage.response(.notFound)
            }
            return serve(file: index, request: request, headers: extra)
        case .file(let file):
            guard !path.hasTrailingSlash else { return ErrorPage.response(.notFound) }
            return serve(file: file, request: request, headers: extra)
        }
    }

    struct Mount {
        var root: URL
        var relative: [String]
        var isPublic: Bool
    }

    /// `/staff/` and `/gallery/` list every link: on a non-loopback host they do not exist.
    func mount(for path: StaticPath) -> Mount? {
        switch path.segments.first {
        case "staff"?, "gallery"?:
            guard configuration.servesPrivatePages else { return nil }
            let root = path.segments.first == "staff" ? configuration.staffRoot : configuration.galleryRoot
            return Mount(root: root, relative: Array(path.segments.dropFirst()), isPublic: false)
        default:
            return Mount(root: configuration.publicRoot, relative: path.segments, isPublic: true)
        }
    }

    /// `/p/<token>/` and `/p/<token>/receipt/`.
    static func isNeutralPage(_ path: StaticPath) -> Bool {
        guard path.hasTrailingSlash, path.segments.first == "p" else { return false }
        return path.segments.count == 2 || (path.segments.count == 3 && path.segments[2] == "receipt")
    }

    func serve(file: String, request: Request, headers: HTTPFields) -> Response {
        guard var data = FileManager.default.contents(atPath: file) else { return ErrorPage.response(.notFound) }
        let name = (file as NSString).lastPathComponent
        let contentType = ContentType.forFile(named: name)
        var fields = headers
        fields[.contentType] = contentType
        if ContentType.isHTML(contentType) {
            fields[.cacheControl] = "no-store"
        } else if ContentType.isFingerprinted(name) {
            fields[.cacheControl] = "public, max-age=31536000, immutable"
        } else {
            fields[.cacheControl] = "no-cache"
        }
        if configuration.liveReload, ContentType.isHTML(contentType) {
            // The page differs from the file on disk, so byte ranges of it make no sense.
            data = LiveReloadInjection.inject(into: data)
            return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        fields[.acceptRanges] = "bytes"
        switch RangeHeader.evaluate(request.headers[.range], length: Int64(data.count)) {
        case .whole:
            return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        case .partial(let start, let end):
            fields[.contentRange] = "bytes \(start)-\(end)/\(data.count)"
            let slice = data[data.startIndex + Int(start)...data.startIndex + Int(end)]
            return Response(status: .partialContent, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: slice)))
        case .unsatisfiable:
            var response = ErrorPage.response(.rangeNotSatisfiable, headers: fields)
            response.headers[.contentRange] = "bytes */\(data.count)"
            return response
        }
    }
}
