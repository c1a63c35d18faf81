import Foundation
import Hummingbird

/// Serves `Output/`: mounts, directory indexes, language negotiation, ranges.
struct StaticSite: Sendable {
    let configuration: PreviewServerConfiguration
    /// Resolved paths and small files in memory (one `stat` per request revalidates them).
    let cache = StaticFileCache()
    /// One per root, made once: a root's path is a string built from its URL.
    let publicRoot: FileResolver
    let staffRoot: FileResolver
    let galleryRoot: FileResolver

    init(configuration: PreviewServerConfiguration) {
        self.configuration = configuration
        publicRoot = FileResolver(root: configuration.publicRoot)
        staffRoot = FileResolver(root: configuration.staffRoot)
        galleryRoot = FileResolver(root: configuration.galleryRoot)
    }

    func respond(to request: Request) -> StaticResponse {
        guard request.method == .get || request.method == .head else {
            return ErrorPage.page(.methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        guard let path = StaticPath(rawPath: request.uri.path), let mount = mount(for: path) else {
            return ErrorPage.page(.notFound)
        }
        let resolver = CachedResolver(resolver: mount.resolver, cache: cache)
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
            return ErrorPage.page(.notFound)
        case .directory:
            guard path.hasTrailingSlash else {
                var location = path
                location.hasTrailingSlash = true
                let query = request.uri.query.map { "?" + $0 } ?? ""
                extra[.location] = location.encodedPath + query
                return StaticResponse(status: .movedPermanently, headers: extra)
            }
            guard case .file(let index) = resolver.resolve(mount.relative + ["index.html"]) else {
                return ErrorPage.page(.notFound)
            }
            return serve(file: index, request: request, headers: extra)
        case .file(let file):
            guard !path.hasTrailingSlash else { return ErrorPage.page(.notFound) }
            return serve(file: file, request: request, headers: extra)
        }
    }

    struct Mount {
        var resolver: FileResolver
        var relative: [String]
        var isPublic: Bool
    }

    /// `/staff/` and `/gallery/` list every link: on a non-loopback host they do not exist.
    func mount(for path: StaticPath) -> Mount? {
        switch path.segments.first {
        case "staff"?, "gallery"?:
            guard configuration.servesPrivatePages else { return nil }
            let resolver = path.segments.first == "staff" ? staffRoot : galleryRoot
            return Mount(resolver: resolver, relative: Array(path.segments.dropFirst()), isPublic: false)
        default:
            return Mount(resolver: publicRoot, relative: path.segments, isPublic: true)
        }
    }

    /// `/p/<token>/` and `/p/<token>/receipt/`.
    static func isNeutralPage(_ path: StaticPath) -> Bool {
        guard path.hasTrailingSlash, path.segments.first == "p" else { return false }
        return path.segments.count == 2 || (path.segments.count == 3 && path.segments[2] == "receipt")
    }

    func serve(file path: String, request: Request, headers: HTTPFields) -> StaticResponse {
        guard let file = cache.contents(of: path) else { return ErrorPage.page(.notFound) }
        if configuration.liveReload || request.headers.contains(.range) {
            let data = file.data ?? Data(file.buffer.readableBytesView)
            return serve(data: data, name: FileHeaders.fileName(of: path), request: request, headers: headers)
        }
        var fields = headers
        fields.append(contentsOf: file.headers)
        return StaticResponse(status: .ok, headers: fields, body: file.buffer)
    }

    func serve(data: Data, name: String, request: Request, headers: HTTPFields) -> StaticResponse {
        var data = data
        let injects = configuration.liveReload && ContentType.isHTML(ContentType.forFile(named: name))
        var fields = headers
        fields.append(contentsOf: FileHeaders.fields(forFile: name, ranges: !injects))
        if injects {
            // The page differs from the file on disk, so byte ranges of it make no sense.
            data = LiveReloadInjection.inject(into: data)
            return StaticResponse(status: .ok, headers: fields, body: ByteBuffer(bytes: data))
        }
        switch RangeHeader.evaluate(request.headers[.range], length: Int64(data.count)) {
        case .whole:
            return StaticResponse(status: .ok, headers: fields, body: ByteBuffer(bytes: data))
        case .partial(let start, let end):
            fields[.contentRange] = "bytes \(start)-\(end)/\(data.count)"
            let slice = data[data.startIndex + Int(start)...data.startIndex + Int(end)]
            return StaticResponse(status: .partialContent, headers: fields, body: ByteBuffer(bytes: slice))
        case .unsatisfiable:
            var response = ErrorPage.page(.rangeNotSatisfiable, headers: fields)
            response.headers[.contentRange] = "bytes */\(data.count)"
            return response
        }
    }
}
